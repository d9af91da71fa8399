package org.nlscope.cli;

import java.io.IOException;
import java.io.OutputStream;

/** Writing to standard output failed (the reader went away, the disk is full). */
final class StdoutException extends IOException {

    StdoutException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }

    /** A stream whose failures say they are stdout's, so they are not mistaken for the capture file's. */
    static OutputStream marking(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (StdoutException e) {
                    throw e;
                } catch (IOException e) {
                    throw new StdoutException(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (StdoutException e) {
                    throw e;
                } catch (IOException e) {
                    throw new StdoutException(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (StdoutException e) {
                    throw e;
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
