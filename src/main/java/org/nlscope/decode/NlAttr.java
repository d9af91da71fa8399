package org.nlscope.decode;

import static org.nlscope.uapi.Netlink.NLA_HDRLEN;

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
    public static final int HEADER = NLA_HDRLEN;

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
