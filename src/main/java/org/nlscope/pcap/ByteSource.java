package org.nlscope.pcap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered input that knows its position, so every problem can name the byte offset
 * where it was found. Reads never allocate more than the input actually delivers, so a
 * length field that lies cannot make us allocate gigabytes.
 */
final class ByteSource implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final String name;
    private long position;

    ByteSource(InputStream in, String name) {
        this.in = new BufferedInputStream(in, BUFFER_SIZE);
        this.name = name;
    }

    String name() {
        return name;
    }

    long position() {
        return position;
    }

    /** Up to n bytes without consuming them; fewer only when the input ends. */
    byte[] peek(int n) throws CaptureFileException {
        try {
            in.mark(n);
            byte[] b = in.readNBytes(n);
            in.reset();
            return b;
        } catch (IOException e) {
            throw readError(e);
        }
    }

    /** Up to n bytes; fewer only when the input ends. */
    byte[] read(int n) throws CaptureFileException {
        try {
            // readNBytes grows its result as data arrives, so n may be large
            byte[] b = in.readNBytes(n);
            position += b.length;
            return b;
        } catch (IOException e) {
            throw readError(e);
        }
    }

    /** Exactly n bytes, or a "truncated" error naming the structure that started at {@code start}. */
    byte[] readExactly(int n, long start, String what) throws CaptureFileException {
        byte[] b = read(n);
        if (b.length < n) {
            long have = position - start;
            long want = have - b.length + n;
            throw error("truncated " + what + " (" + have + " of " + want + " bytes)", start);
        }
        return b;
    }

    CaptureFileException error(String problem, long offset) {
        return new CaptureFileException(name, offset, problem);
    }

    private CaptureFileException readError(IOException e) {
        return new CaptureFileException(name, position, "read error: " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
