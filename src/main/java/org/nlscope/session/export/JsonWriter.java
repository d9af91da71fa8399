package org.nlscope.session.export;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.nlscope.model.TerminalText;

/**
 * JSON values written as bytes into a {@link Utf8Output}: strings escaped as they are
 * copied, numbers digit by digit, keys and punctuation as bytes encoded once. The caller
 * places the commas (the shape of {@link FrameJson} is fixed, so it knows where they go).
 *
 * <p>Strings are escaped as RFC 8259 asks ({@code \" \\}, C0 controls), and further so a
 * JSON line on a terminal stays inert while every value keeps its exact characters: DEL,
 * C1 controls and what {@link TerminalText} escapes become {@code \\uXXXX} too. The escapes
 * are the ones Jackson wrote before (its short forms {@code \b \t \n \f \r}, upper-case hex
 * below 0x80, lower-case above), so the output is byte for byte the same.
 */
final class JsonWriter {

    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    /** Per ASCII char: 0 copied as is, 'u' a six-char escape, else the char after the backslash. */
    private static final byte[] ESCAPES = new byte[0x80];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES[0x7f] = 'u';
    }

    private final Utf8Output out;

    JsonWriter(Utf8Output out) {
        this.out = out;
    }

    /** The bytes of ASCII text, for constant keys and punctuation. */
    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Punctuation, or keys encoded before: {@code ,"seq":}. */
    void raw(byte[] b) throws IOException {
        out.bytes(b);
    }

    void raw(char c) throws IOException {
        out.ascii(c);
    }

    void number(long n) throws IOException {
        out.decimal(n);
    }

    void bool(boolean b) throws IOException {
        out.bytes(b ? TRUE : FALSE);
    }

    void nul() throws IOException {
        out.bytes(NULL);
    }

    /** A key named at run time: {@code "IFLA_MTU":}. */
    void key(String name) throws IOException {
        string(name);
        out.ascii(':');
    }

    /** A quoted, escaped string, or {@code null}. */
    void string(String s) throws IOException {
        if (s == null) {
            nul();
            return;
        }
        out.ascii('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte e = ESCAPES[c];
                if (e == 0) {
                    out.ascii(c);
                } else if (e == 'u') {
                    escape(c, HEX_UPPER);
                } else {
                    out.ascii('\\');
                    out.ascii((char) e);
                }
            } else if (TerminalText.isSafe(c)) {
                out.utf16(c);
            } else {
                escape(c, HEX_LOWER);
            }
        }
        out.ascii('"');
    }

    private void escape(char c, byte[] hex) throws IOException {
        out.ascii('\\');
        out.ascii('u');
        out.ascii((char) hex[c >> 12]);
        out.ascii((char) hex[c >> 8 & 0xf]);
        out.ascii((char) hex[c >> 4 & 0xf]);
        out.ascii((char) hex[c & 0xf]);
    }

    /** A decoded scalar: a number, a boolean, null, or anything else as its text. */
    void scalar(Object v) throws IOException {
        if (v == null) {
            nul();
        } else if (v instanceof Long l) {
            out.decimal(l);
        } else if (v instanceof Integer i) {
            out.decimal(i);
        } else if (v instanceof BigInteger b) {
            out.bytes(ascii(b.toString()));
        } else if (v instanceof Number n) {
            out.decimal(n.longValue());
        } else if (v instanceof Boolean b) {
            bool(b);
        } else {
            string(v.toString());
        }
    }
}
