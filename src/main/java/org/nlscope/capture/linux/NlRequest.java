package org.nlscope.capture.linux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds one netlink request: nlmsghdr, a fixed family header, then attributes (nests
 * included), all in host byte order and padded to 4 bytes as the kernel expects. The
 * least the capture needs; the decode engine's builder takes over once it lands.
 */
final class NlRequest {
    private final int type;
    private final int flags;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Deque<Integer> openNests = new ArrayDeque<>();
    private byte[] built;

    NlRequest(int type, int flags) {
        this.type = type;
        this.flags = flags;
    }

    /** Fixed header bytes (ifinfomsg, genlmsghdr ...), written as given. */
    NlRequest header(byte[] fixed) {
        body.writeBytes(fixed);
        pad();
        return this;
    }

    NlRequest attr(int attrType, byte[] payload) {
        writeU16(4 + payload.length);
        writeU16(attrType);
        body.writeBytes(payload);
        pad();
        return this;
    }

    /** A NUL-terminated string attribute (NLA_NUL_STRING / NLA_STRING as the kernel takes names). */
    NlRequest attrString(int attrType, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[s.length + 1];
        System.arraycopy(s, 0, z, 0, s.length);
        return attr(attrType, z);
    }

    NlRequest attrU32(int attrType, int value) {
        return attr(attrType, le32(value));
    }

    /** Opens a nest; close it with {@link #endNest}. */
    NlRequest nest(int attrType) {
        openNests.push(body.size());
        writeU16(0);
        writeU16(attrType | 0x8000);   // NLA_F_NESTED
        return this;
    }

    NlRequest endNest() {
        int start = openNests.pop();
        byte[] b = body.toByteArray();
        int len = b.length - start;
        body.reset();
        b[start] = (byte) len;
        b[start + 1] = (byte) (len >> 8);
        body.writeBytes(b);
        return this;
    }

    /** The message, with nlmsg_seq and nlmsg_pid 0 (the kernel fills in our port). */
    byte[] build(int seq) {
        if (!openNests.isEmpty()) {
            throw new IllegalStateException("unclosed nest");
        }
        byte[] b = body.toByteArray();
        byte[] m = new byte[16 + b.length];
        put32(m, 0, m.length);
        m[4] = (byte) type;
        m[5] = (byte) (type >> 8);
        m[6] = (byte) flags;
        m[7] = (byte) (flags >> 8);
        put32(m, 8, seq);
        System.arraycopy(b, 0, m, 16, b.length);
        built = m;
        return m;
    }

    int type() {
        return type;
    }

    int flags() {
        return flags;
    }

    static byte[] le32(int v) {
        byte[] b = new byte[4];
        put32(b, 0, v);
        return b;
    }

    static void put32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }

    private void writeU16(int v) {
        body.write(v & 0xff);
        body.write((v >> 8) & 0xff);
    }

    private void pad() {
        while (body.size() % 4 != 0) {
            body.write(0);
        }
    }
}
