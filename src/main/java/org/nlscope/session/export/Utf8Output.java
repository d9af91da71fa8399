package org.nlscope.session.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.nlscope.model.TerminalText;

/**
 * A buffered UTF-8 writer onto a byte stream, which the output forms ({@link FrameText},
 * {@link DetailTree}, {@link FrameJson}) also fill byte by byte: numbers digit by digit,
 * ASCII as it is, so a big capture's output makes no String per value. As a {@link Writer},
 * each write is encoded on its own, so one non-ASCII char slows only its own text, where
 * the JDK's OutputStreamWriter behind a BufferedWriter encodes the rest of its buffer char
 * by char after it. Malformed UTF-16 (a lone surrogate) is written as '?', as
 * OutputStreamWriter does. Not thread-safe.
 */
public final class Utf8Output extends Writer {

    private static final int SIZE = 1 << 16;
    /** The most one char can write: '?' for a lone high surrogate, then three bytes. */
    private static final int ROOM = 5;
    /** From this many chars on, a write is encoded by the JDK in one go. */
    private static final int BULK = 16;
    /** The longest decimal long: "-9223372036854775808". */
    private static final int LONG_DIGITS = 20;

    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int pos;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char high;

    public Utf8Output(OutputStream out) {
        this.out = out;
    }

    /** What a form writes, wanted as a String (the desktop's copies, a Writer that is not a Utf8Output). */
    interface Body {
        void write(Utf8Output out) throws IOException;
    }

    /** What the body writes, as text. */
    static String text(Body body) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream(1024);
        Utf8Output out = new Utf8Output(sink);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail; a body may
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    /** One ASCII char (below 0x80), as a byte. */
    void ascii(char c) throws IOException {
        if (pos >= SIZE - ROOM) {
            drain();
        }
        buf[pos++] = (byte) c;
    }

    /** Bytes encoded before (an ASCII constant, a key). */
    void bytes(byte[] b) throws IOException {
        if (b.length > SIZE - ROOM - pos) {
            drain();
            if (b.length > SIZE - ROOM) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** A number in decimal, digit by digit. */
    void decimal(long n) throws IOException {
        if (pos > SIZE - ROOM - LONG_DIGITS) {
            drain();
        }
        if (n < 0) {
            if (n == Long.MIN_VALUE) {
                bytes("-9223372036854775808".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            buf[pos++] = '-';
            n = -n;
        }
        int end = pos + digits(n);
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        pos = end;
    }

    /** A number of 0 or more, zero-padded to at least this many digits (%0Nd without its cost). */
    void decimal(long n, int width) throws IOException {
        for (int i = digits(n); i < width; i++) {
            ascii('0');
        }
        decimal(n);
    }

    private static int digits(long n) {
        int d = 1;
        for (long p = 10; d < 19 && n >= p; p *= 10) { // 19 digits from 10^18 on; p stops before it overflows
            d++;
        }
        return d;
    }

    /** One UTF-16 unit, encoded (a surrogate pair across two calls too); {@link #write(int)} without its checks. */
    void utf16(char c) throws IOException {
        if (pos >= SIZE - ROOM) {
            drain();
        }
        put(c);
    }

    /**
     * Text as a terminal may be shown it: each char {@link TerminalText} calls unsafe
     * (a control, a bidirectional override) written as its escape, the rest as it is.
     */
    void terminalText(CharSequence s) throws IOException {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                if (pos >= SIZE - ROOM) {
                    drain();
                }
                buf[pos++] = (byte) c;
            } else if (TerminalText.isSafe(c)) {
                utf16(c);
            } else {
                write(TerminalText.escape(String.valueOf(c)));
            }
        }
    }

    @Override
    public void write(int c) throws IOException {
        utf16((char) c);
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
