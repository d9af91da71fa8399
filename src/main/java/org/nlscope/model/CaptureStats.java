package org.nlscope.model;

/**
 * What the kernel reported about a live capture (PACKET_STATISTICS, TPACKET_V3).
 *
 * @param packets      tp_packets: frames the socket received
 * @param drops        tp_drops: frames the kernel dropped because the ring was full
 * @param queueFreezes tp_freeze_q_cnt: times the ring queue froze
 */
public record CaptureStats(long packets, long drops, long queueFreezes) {
    public static final CaptureStats NONE = new CaptureStats(0, 0, 0);

    public CaptureStats plus(CaptureStats other) {
        return new CaptureStats(packets + other.packets, drops + other.drops, queueFreezes + other.queueFreezes);
    }
}
