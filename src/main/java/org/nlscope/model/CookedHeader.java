package org.nlscope.model;

/**
 * The link-layer facts in front of the netlink messages of a frame.
 *
 * <p>LINKTYPE_NETLINK and LINUX_SLL share one 16-byte layout (all big endian):
 * packet type (2), ARPHRD type (2), address length (2), address (8), protocol (2),
 * where protocol is the netlink family. LINUX_SLL2 is 20 bytes: protocol (2),
 * reserved (2), ifindex (4), ARPHRD type (2), packet type (1), address length (1),
 * address (8).
 *
 * @param length        bytes of cooked header; netlink messages start here
 * @param packetType    PACKET_HOST (0) .. PACKET_OUTGOING (4), PACKET_USER (6), PACKET_KERNEL (7)
 * @param arphrdType    824 for netlink
 * @param netlinkFamily NETLINK_ROUTE (0), NETLINK_GENERIC (16), ...; -1 when the frame is too short
 * @param complete      false when the frame is shorter than its cooked header
 */
public record CookedHeader(int length, int packetType, int arphrdType, int netlinkFamily, boolean complete) {

    public static final int PACKET_HOST = 0;
    public static final int PACKET_OUTGOING = 4;
    public static final int PACKET_USER = 6;
    public static final int PACKET_KERNEL = 7;

    public static int lengthFor(int linkType) {
        return linkType == LinkType.LINUX_SLL2 ? 20 : 16;
    }

    public static CookedHeader parse(int linkType, byte[] data) {
        int length = lengthFor(linkType);
        if (data.length < length) {
            return new CookedHeader(length, -1, -1, -1, false);
        }
        if (linkType == LinkType.LINUX_SLL2) {
            return new CookedHeader(length, data[10] & 0xff, be16(data, 8), be16(data, 0), true);
        }
        return new CookedHeader(length, be16(data, 0), be16(data, 2), be16(data, 14), true);
    }

    /** Builds the 16-byte LINKTYPE_NETLINK header for a message of the given family. */
    public static byte[] netlinkHeader(int packetType, int netlinkFamily) {
        byte[] h = new byte[16];
        h[0] = (byte) (packetType >> 8);
        h[1] = (byte) packetType;
        h[2] = (byte) (LinkType.ARPHRD_NETLINK >> 8);
        h[3] = (byte) LinkType.ARPHRD_NETLINK;
        h[14] = (byte) (netlinkFamily >> 8);
        h[15] = (byte) netlinkFamily;
        return h;
    }

    private static int be16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }
}
