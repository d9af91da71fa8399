package org.nlscope.cli;

import java.io.IOException;
import java.io.Writer;

/** Writing to standard output failed (the reader went away, the disk is full). */
final class StdoutException extends IOException {

    StdoutException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }

    /** A writer whose failures say they are stdout's, so they are not mistaken for the capture file's. */
    static Writer marking(Writer w) {
        return new Writer() {
            @Override
            public void write(int c) throws IOException {
                try {
                    w.write(c);
                } catch (StdoutException e) {
                    throw e;
                } catch (IOException e) {
                    throw new StdoutException(e);
                }
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                try {
                    w.write(buf, off, len);
                } catch (StdoutException e) {
                    throw e;
                } catch (IOException e) {
                    throw new StdoutException(e);
                }
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                try {
                    w.write(s, off, len);
                } catch (StdoutException e) {
                    throw e;
                } catch (IOException e) {
                    throw new StdoutException(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    w.flush();
                } catch (IOException e) {
                    throw new StdoutException(e);
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
