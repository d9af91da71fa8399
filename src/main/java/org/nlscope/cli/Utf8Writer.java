package org.nlscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer onto a byte stream. Each write is encoded on its own, so one
 * non-ASCII char ("…" in a struct's display) slows only its own line, where the JDK's
 * OutputStreamWriter behind a BufferedWriter encodes the rest of its 64 KiB buffer char by
 * char after it. Malformed UTF-16 (a lone surrogate) is written as '?', as
 * OutputStreamWriter does. Not thread-safe.
 */
final class Utf8Writer extends Writer {

    private static final int SIZE = 1 << 16;
    /** The most one char can write: '?' for a lone high surrogate, then three bytes. */
    private static final int ROOM = 5;
    /** From this many chars on, a write is encoded by the JDK in one go. */
    private static final int BULK = 16;

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
        if (pos >= SIZE - ROOM) {
            drain();
        }
        put((char) c);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        if (len < BULK || high != 0 || Character.isHighSurrogate(s.charAt(off + len - 1))) {
            // short, or a surrogate pair that may be split across writes: char by char
            for (int i = off, end = off + len; i < end; i++) {
                if (pos >= SIZE - ROOM) {
                    drain();
                }
                put(s.charAt(i));
            }
            return;
        }
        // the JDK's encoder is vectorised for whole strings; lone surrogates become '?' there too
        bytes((off == 0 && len == s.length() ? s : s.substring(off, off + len)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (len < BULK || high != 0 || Character.isHighSurrogate(cbuf[off + len - 1])) {
            for (int i = off, end = off + len; i < end; i++) {
                if (pos >= SIZE - ROOM) {
                    drain();
                }
                put(cbuf[i]);
            }
            return;
        }
        bytes(new String(cbuf, off, len).getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] b) throws IOException {
        if (b.length > SIZE - pos) {
            drain();
            if (b.length > SIZE) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
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
