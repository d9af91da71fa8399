package org.nlscope.capture.linux;

import java.nio.ByteBuffer;

/**
 * The packets of one TPACKET_V3 block, read from a copy of it (the kernel has the block
 * itself back already): struct tpacket_block_desc, then each struct
 * tpacket3_hdr with its struct sockaddr_ll and bytes, at the same offsets as in the ring.
 */
final class RingBlock {
    // struct tpacket_block_desc: version, offset_to_priv, then struct tpacket_hdr_v1
    static final int BLOCK_STATUS = 8;
    static final int BLOCK_NUM_PKTS = 12;
    static final int BLOCK_FIRST_PKT = 16;
    static final int BLOCK_LEN = 20;
    // struct tpacket3_hdr
    private static final int TP_NEXT_OFFSET = 0;
    private static final int TP_SEC = 4;
    private static final int TP_NSEC = 8;
    private static final int TP_SNAPLEN = 12;
    private static final int TP_LEN = 16;
    private static final int TP_MAC = 24;
    /** TPACKET_ALIGN(sizeof(struct tpacket3_hdr)): where struct sockaddr_ll follows. */
    private static final int TP_SOCKADDR = 48;
    /** The header and sockaddr_ll a packet needs before its bytes. */
    private static final int TP_HEADERS = TP_SOCKADDR + 20;

    private RingBlock() {
    }

    /**
     * Hands each packet of the copied block to handler, through one reused packet view.
     *
     * Every offset the block holds is checked against the copy before it is used.
     *
     * @param b the copy in host order, from the block descriptor to its limit (the block's blk_len)
     * @return packets delivered
     */
    static int forEach(ByteBuffer b, RingPacket packet, RxRing.PacketHandler handler) {
        int length = b.limit();
        if (length < BLOCK_LEN + 4) {
            return 0;
        }
        int count = b.getInt(BLOCK_NUM_PKTS);
        int offset = b.getInt(BLOCK_FIRST_PKT);
        int delivered = 0;
        for (int i = 0; i < count && offset > 0 && offset + TP_HEADERS <= length; i++) {
            if (!read(b, offset, length, packet)) {
                break;
            }
            handler.packet(packet);
            delivered++;
            int next = b.getInt(offset + TP_NEXT_OFFSET);
            if (next <= 0) {
                break;
            }
            offset += next;
        }
        return delivered;
    }

    /** Points packet at the one at offset; false when its bytes would run past the copy. */
    private static boolean read(ByteBuffer b, int offset, int length, RingPacket p) {
        int mac = offset + Short.toUnsignedInt(b.getShort(offset + TP_MAC));
        int snap = b.getInt(offset + TP_SNAPLEN);
        if (snap < 0 || mac + (long) snap > length) {
            return false;
        }
        p.timestampNanos = (b.getInt(offset + TP_SEC) & 0xffffffffL) * 1_000_000_000L
                + (b.getInt(offset + TP_NSEC) & 0xffffffffL);
        p.snapLength = snap;
        p.originalLength = b.getInt(offset + TP_LEN);
        int sll = offset + TP_SOCKADDR;
        p.protocol = Short.toUnsignedInt(Short.reverseBytes(b.getShort(sll + 2)));
        p.ifindex = b.getInt(sll + 4);
        p.hardwareType = Short.toUnsignedInt(b.getShort(sll + 8));
        p.packetType = b.get(sll + 10) & 0xff;
        p.point(b, mac);
        return true;
    }
}
