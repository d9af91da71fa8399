package org.nlscope.decode;

/**
 * One struct nlattr as found in a frame.
 *
 * @param offset       where the nlattr header starts, absolute in the frame
 * @param length       nla_len: header plus payload, before padding
 * @param type         nla_type with NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off
 * @param nestedFlag   NLA_F_NESTED was set
 * @param netByteOrder NLA_F_NET_BYTEORDER was set
 */
public record NlAttr(int offset, int length, int type, boolean nestedFlag, boolean netByteOrder) {
    public static final int HEADER = 4;
    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

    public int payloadOffset() {
        return offset + HEADER;
    }

    public int payloadLength() {
        return length - HEADER;
    }

    /** The payload as a window of the frame. */
    public ByteView payload(ByteView frame) {
        return new ByteView(frame.data(), payloadOffset(), payloadOffset() + payloadLength());
    }

    public static int align(int n) {
        return (n + 3) & ~3;
    }
}
