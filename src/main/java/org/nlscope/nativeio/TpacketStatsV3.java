package org.nlscope.nativeio;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * <pre>
 * struct tpacket_stats_v3 {         // linux/if_packet.h, 12 bytes
 *     unsigned int tp_packets;      // 0  received (drops included)
 *     unsigned int tp_drops;        // 4  dropped: ring full
 *     unsigned int tp_freeze_q_cnt; // 8  times the ring queue froze
 * };
 * </pre>
 * Reading it with PACKET_STATISTICS resets the kernel's counters.
 */
@FieldOrder({"tp_packets", "tp_drops", "tp_freeze_q_cnt"})
public class TpacketStatsV3 extends Structure {
    public int tp_packets;
    public int tp_drops;
    public int tp_freeze_q_cnt;
}
