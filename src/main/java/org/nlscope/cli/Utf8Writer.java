package org.nlscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer onto a byte stream: chars are encoded straight into its buffer, so
 * text that is almost all ASCII (every form {@code read} prints) costs one store a char,
 * without the JDK encoder's slow path for a line with one non-ASCII char ("…"). Malformed
 * UTF-16 (a lone surrogate) is written as '?', as OutputStreamWriter does. Not thread-safe.
 */
final class Utf8Writer extends Writer {

    private static final int SIZE = 1 << 16;
    /** The most one char can write: '?' for a lone high surrogate, then three bytes. */
    private static final int ROOM = 5;

    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int pos;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char high;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (pos > SIZE - ROOM) {
            drain();
        }
        put((char) c);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off, end = off + len; i < end; i++) {
            if (pos > SIZE - ROOM) {
                drain();
            }
            put(s.charAt(i));
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off, end = off + len; i < end; i++) {
            if (pos > SIZE - ROOM) {
                drain();
            }
            put(cbuf[i]);
        }
    }

    /** Encodes one char; the caller made room for ROOM bytes. */
    private void put(char c) {
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buf[pos++] = (byte) (0xf0 | cp >> 18);
                buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3f);
                buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3f);
                buf[pos++] = (byte) (0x80 | cp & 0x3f);
                return;
            }
            buf[pos++] = '?';
        }
        if (c < 0x80) {
            buf[pos++] = (byte) c;
        } else if (c < 0x800) {
            buf[pos++] = (byte) (0xc0 | c >> 6);
            buf[pos++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[pos++] = '?';
        } else {
            buf[pos++] = (byte) (0xe0 | c >> 12);
            buf[pos++] = (byte) (0x80 | c >> 6 & 0x3f);
            buf[pos++] = (byte) (0x80 | c & 0x3f);
        }
    }

    /** Hands the buffer to the stream; what a failed write held is dropped, so the failure is told once. */
    private void drain() throws IOException {
        if (pos > 0) {
            int n = pos;
            pos = 0;
            out.write(buf, 0, n);
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (high != 0) {
            high = 0;
            write('?');
        }
        flush();
    }
}
