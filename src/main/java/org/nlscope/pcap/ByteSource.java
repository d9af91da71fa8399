package org.nlscope.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffered input that knows its position, so every problem can name the byte offset
 * where it was found. Reads never allocate more than the input actually delivers, so a
 * length field that lies cannot make us allocate gigabytes.
 *
 * <p>It buffers itself and only ever calls {@link InputStream#read(byte[], int, int)}:
 * pipes, FIFOs and {@code /dev/stdin} opened as files throw on {@code available()} and
 * {@code skip()} (both seek), which {@code BufferedInputStream} calls between refills.
 */
final class ByteSource implements AutoCloseable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final String name;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int bufferStart;
    private int bufferEnd;
    private boolean eof;
    private long position;

    ByteSource(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    String name() {
        return name;
    }

    long position() {
        return position;
    }

    /** Up to n bytes (at most the buffer's size) without consuming them; fewer only when the input ends. */
    byte[] peek(int n) throws CaptureFileException {
        if (n > BUFFER_SIZE) {
            throw new IllegalArgumentException("peek of " + n + " bytes");
        }
        if (bufferEnd - bufferStart < n) {
            System.arraycopy(buffer, bufferStart, buffer, 0, bufferEnd - bufferStart);
            bufferEnd -= bufferStart;
            bufferStart = 0;
            while (bufferEnd < n && fill()) {
                // fill() appends what the input had
            }
        }
        return Arrays.copyOfRange(buffer, bufferStart, bufferStart + Math.min(n, bufferEnd - bufferStart));
    }

    /** Up to n bytes; fewer only when the input ends. */
    byte[] read(int n) throws CaptureFileException {
        // grows with what arrives, so a lying n costs no more memory than the input has
        ByteArrayOutputStream out = n <= BUFFER_SIZE ? null : new ByteArrayOutputStream(BUFFER_SIZE);
        byte[] small = out == null ? new byte[n] : null;
        int got = 0;
        while (got < n) {
            if (bufferStart == bufferEnd) {
                bufferStart = 0;
                bufferEnd = 0;
                if (!fill()) {
                    break;
                }
            }
            int k = Math.min(n - got, bufferEnd - bufferStart);
            if (out != null) {
                out.write(buffer, bufferStart, k);
            } else {
                System.arraycopy(buffer, bufferStart, small, got, k);
            }
            bufferStart += k;
            got += k;
            position += k;
        }
        if (out != null) {
            return out.toByteArray();
        }
        return got == n ? small : Arrays.copyOf(small, got);
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

    /** Appends what one read delivers after bufferEnd; false at the end of the input. */
    private boolean fill() throws CaptureFileException {
        if (eof || bufferEnd == BUFFER_SIZE) {
            return !eof;
        }
        try {
            int k;
            do {
                k = in.read(buffer, bufferEnd, BUFFER_SIZE - bufferEnd);
            } while (k == 0);
            if (k < 0) {
                eof = true;
                return false;
            }
            bufferEnd += k;
            return true;
        } catch (IOException e) {
            // the system failed to deliver bytes: not damage in the file, and said so
            long at = position + (bufferEnd - bufferStart);
            throw new CaptureFileException(name, -1, "cannot read after byte " + at + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
