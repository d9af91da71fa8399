package org.nlscope.capture.linux;

import java.nio.ByteBuffer;

/**
 * One packet as it sits in the ring, valid only inside {@link RxRing.PacketHandler#packet}:
 * the ring slot goes back to the kernel afterwards. Copy out what you keep with
 * {@link #copyData}. Reused for every packet, so never stored.
 */
public final class RingPacket {
    private ByteBuffer ring;
    private int dataOffset;
    int snapLength;
    int originalLength;
    long timestampNanos;
    int protocol;
    int packetType;
    int hardwareType;
    int ifindex;

    void point(ByteBuffer ringView, int offset) {
        this.ring = ringView;
        this.dataOffset = offset;
    }

    /** Captured bytes (at most the ring's block size). */
    public int snapLength() {
        return snapLength;
    }

    /** The packet's length before capture cut it. */
    public int originalLength() {
        return originalLength;
    }

    /** tp_sec and tp_nsec: nanoseconds since the Unix epoch. */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** sll_protocol in host order: an ethertype, or the netlink family on an nlmon device. */
    public int protocol() {
        return protocol;
    }

    /** sll_pkttype: PACKET_HOST (0) .. PACKET_OUTGOING (4) ... */
    public int packetType() {
        return packetType;
    }

    /** sll_hatype: ARPHRD_ETHER (1), ARPHRD_NETLINK (824) ... */
    public int hardwareType() {
        return hardwareType;
    }

    public int ifindex() {
        return ifindex;
    }

    /** Copies the captured bytes into dst at dstOffset. */
    public void copyData(byte[] dst, int dstOffset) {
        ring.get(dataOffset, dst, dstOffset, snapLength);
    }

    /** The byte at index of the captured data (for cheap peeks such as a netlink port id). */
    public int u8(int index) {
        return ring.get(dataOffset + index) & 0xff;
    }
}
