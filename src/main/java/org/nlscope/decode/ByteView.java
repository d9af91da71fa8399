package org.nlscope.decode;

/**
 * A bounds-checked window on a frame's bytes; reads are in host (little-endian) byte
 * order unless named "be". Offsets given to the read methods are absolute in the frame,
 * so every decoded value knows where it came from.
 *
 * @param data   the whole frame
 * @param start  first byte of the window
 * @param end    one past the last byte of the window
 */
public record ByteView(byte[] data, int start, int end) {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public ByteView {
        if (start < 0 || end < start || end > data.length) {
            throw new IllegalArgumentException("window " + start + ".." + end + " outside 0.." + data.length);
        }
    }

    public static ByteView of(byte[] data) {
        return new ByteView(data, 0, data.length);
    }

    public int length() {
        return end - start;
    }

    public boolean has(int offset, int count) {
        return offset >= start && count >= 0 && offset + count <= end;
    }

    /** The sub-window [offset, offset + count), clipped to this window. */
    public ByteView slice(int offset, int count) {
        int s = Math.max(start, Math.min(offset, end));
        int e = Math.max(s, Math.min(end, offset + Math.max(0, count)));
        return new ByteView(data, s, e);
    }

    public int u8(int offset) {
        check(offset, 1);
        return data[offset] & 0xff;
    }

    public int u16(int offset) {
        check(offset, 2);
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    public int u16be(int offset) {
        check(offset, 2);
        return (data[offset] & 0xff) << 8 | (data[offset + 1] & 0xff);
    }

    public long u32(int offset) {
        check(offset, 4);
        return (data[offset] & 0xffL) | (data[offset + 1] & 0xffL) << 8
                | (data[offset + 2] & 0xffL) << 16 | (data[offset + 3] & 0xffL) << 24;
    }

    public long u32be(int offset) {
        check(offset, 4);
        return (data[offset] & 0xffL) << 24 | (data[offset + 1] & 0xffL) << 16
                | (data[offset + 2] & 0xffL) << 8 | (data[offset + 3] & 0xffL);
    }

    public int s32(int offset) {
        return (int) u32(offset);
    }

    /** Raw 64 bits, little endian; callers treat it as unsigned where the type is. */
    public long u64(int offset) {
        return u32(offset) | u32(offset + 4) << 32;
    }

    public long u64be(int offset) {
        return u32be(offset) << 32 | u32be(offset + 4);
    }

    public byte[] bytes(int offset, int count) {
        check(offset, count);
        byte[] out = new byte[count];
        System.arraycopy(data, offset, out, 0, count);
        return out;
    }

    /** The UTF-8 text of [offset, offset + count) up to its first NUL: a C string in a netlink attribute. */
    public String cString(int offset, int count) {
        check(offset, count);
        int n = 0;
        while (n < count && data[offset + n] != 0) {
            n++;
        }
        return new String(data, offset, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Lowercase hex of [offset, offset + count). */
    public String hex(int offset, int count) {
        check(offset, count);
        byte[] out = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            int b = data[offset + i] & 0xff;
            out[2 * i] = HEX_DIGITS[b >> 4];
            out[2 * i + 1] = HEX_DIGITS[b & 0xf];
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private void check(int offset, int count) {
        if (!has(offset, count)) {
            throw new DecodeException("need " + count + " bytes at offset " + offset + ", window is " + start + ".." + end);
        }
    }
}
