package org.nlscope.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
    private final ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    /** Where a structure larger than the buffer is put together (see {@link #view}); grows to the largest one. */
    private byte[] large = new byte[0];
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
            compact();
            while (bufferEnd < n && fill()) {
                // fill() appends what the input had
            }
        }
        return Arrays.copyOfRange(buffer, bufferStart, bufferStart + Math.min(n, bufferEnd - bufferStart));
    }

    /** Up to n bytes, in an array of their own; fewer only when the input ends. */
    byte[] read(int n) throws CaptureFileException {
        byte[] into = new byte[Math.min(n, BUFFER_SIZE)];
        int got = 0;
        while (got < n) {
            if (got == into.length) {
                into = grown(into, n);
            }
            int k = take(into, got, into.length - got);
            if (k < 0) {
                return Arrays.copyOf(into, got);
            }
            got += k;
        }
        return into;
    }

    /** Exactly n bytes in an array of their own, or a "truncated" error naming the structure that started at {@code start}. */
    byte[] readExactly(int n, long start, String what) throws CaptureFileException {
        byte[] b = read(n);
        if (b.length < n) {
            throw truncated(b.length, n, start, what);
        }
        return b;
    }

    /** True when no byte is left: a clean end between structures. */
    boolean atEnd() throws CaptureFileException {
        if (bufferStart < bufferEnd) {
            return false;
        }
        bufferStart = 0;
        bufferEnd = 0;
        return !fill();
    }

    /**
     * The next n bytes as a view, valid only until the next read: into the input buffer
     * when they fit there (no copy), else into one larger array kept for the next big
     * structure. Either way a read of any size keeps no more than the largest structure
     * and the input buffer; an array grows with what arrives, so a lying n costs no more
     * memory than the input has. Fewer than n bytes is a "truncated" error naming the
     * structure that started at {@code start}.
     */
    ByteBuffer view(int n, long start, String what) throws CaptureFileException {
        if (n <= BUFFER_SIZE) {
            if (bufferEnd - bufferStart < n) {
                compact();
                while (bufferEnd < n && fill()) {
                    // fill() appends what the input had
                }
                if (bufferEnd < n) {
                    int have = bufferEnd;
                    position += have;
                    bufferStart = bufferEnd = 0;
                    throw truncated(have, n, start, what);
                }
            }
            ByteBuffer v = wrapped.slice(bufferStart, n);
            bufferStart += n;
            position += n;
            return v;
        }
        int got = 0;
        while (got < n) {
            if (got == large.length) {
                large = grown(large, n);
            }
            int k = take(large, got, large.length - got);
            if (k < 0) {
                throw truncated(got, n, start, what);
            }
            got += k;
        }
        return ByteBuffer.wrap(large, 0, n).slice();
    }

    /** The array, doubled (at least to a buffer's size), but to no more than n. */
    private static byte[] grown(byte[] a, int n) {
        return Arrays.copyOf(a, (int) Math.min(n, Math.max(2L * a.length, BUFFER_SIZE)));
    }

    /** Copies up to len buffered bytes (filling the buffer once when empty) into dst; -1 at the end. */
    private int take(byte[] dst, int off, int len) throws CaptureFileException {
        if (bufferStart == bufferEnd) {
            bufferStart = 0;
            bufferEnd = 0;
            if (!fill()) {
                return -1;
            }
        }
        int k = Math.min(len, bufferEnd - bufferStart);
        System.arraycopy(buffer, bufferStart, dst, off, k);
        bufferStart += k;
        position += k;
        return k;
    }

    private void compact() {
        System.arraycopy(buffer, bufferStart, buffer, 0, bufferEnd - bufferStart);
        bufferEnd -= bufferStart;
        bufferStart = 0;
    }

    /** "truncated WHAT (HAVE of WANT bytes)", where HAVE counts from the structure's start to where the input ended. */
    private CaptureFileException truncated(int got, int n, long start, String what) {
        long have = position - start;
        long want = have - got + n;
        return error("truncated " + what + " (" + have + " of " + want + " bytes)", start);
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
