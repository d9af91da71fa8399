package org.nlscope.nativeio;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * <pre>
 * struct tpacket_req3 {                // linux/if_packet.h, 28 bytes
 *     unsigned int tp_block_size;      // 0  bytes per block, a multiple of the page size
 *     unsigned int tp_block_nr;        // 4
 *     unsigned int tp_frame_size;      // 8  only checked for sanity in V3
 *     unsigned int tp_frame_nr;        // 12 block_size / frame_size * block_nr
 *     unsigned int tp_retire_blk_tov;  // 16 ms after which a partly filled block is handed over
 *     unsigned int tp_sizeof_priv;     // 20
 *     unsigned int tp_feature_req_word;// 24
 * };
 * </pre>
 */
@FieldOrder({"tp_block_size", "tp_block_nr", "tp_frame_size", "tp_frame_nr", "tp_retire_blk_tov",
        "tp_sizeof_priv", "tp_feature_req_word"})
public class TpacketReq3 extends Structure {
    public int tp_block_size;
    public int tp_block_nr;
    public int tp_frame_size;
    public int tp_frame_nr;
    public int tp_retire_blk_tov;
    public int tp_sizeof_priv;
    public int tp_feature_req_word;
}
