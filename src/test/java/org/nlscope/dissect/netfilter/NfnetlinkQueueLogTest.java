package org.nlscope.dissect.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.decode.NetlinkMessageBuilder;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.uapi.Netlink;

/**
 * nflog and nfqueue messages (no tool for them is installed where the captures are recorded)
 * built byte by byte as the kernel lays them out: nfgenmsg, then big-endian attributes.
 */
class NfnetlinkQueueLogTest {
    private static final FrameDecoder DECODER = new FrameDecoder(DissectorRegistry.load(List.of()));

    private static DecodedMessage decode(byte[] message) {
        byte[] data = new byte[16 + message.length];
        System.arraycopy(CookedHeader.netlinkHeader(CookedHeader.PACKET_OUTGOING, Netlink.NETLINK_NETFILTER),
                0, data, 0, 16);
        System.arraycopy(message, 0, data, 16, message.length);
        return DECODER.decode(Frame.of(1_000_000_000L, LinkType.NETLINK, data), 1, DecodeContext.empty())
                .messages().get(0);
    }

    private static byte[] be32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** struct nfgenmsg: family, version 0, res_id (the queue or group number) big-endian. */
    private static byte[] nfgenmsg(int family, int resId) {
        return new byte[] {(byte) family, 0, (byte) (resId >>> 8), (byte) resId};
    }

    @Test
    void anNflogPacketWithItsPrefixAndDevices() {
        byte[] message = new NetlinkMessageBuilder(0x400, 0, 0, 0).fixed(nfgenmsg(2, 5))
                .attrBytes(1, new byte[] {0x08, 0x00, 1, 0})            // NFULA_PACKET_HDR: IPv4, hook 1
                .attrBytes(2, be32(0x2a))                               // NFULA_MARK
                .attrBytes(4, be32(3))                                  // NFULA_IFINDEX_INDEV
                .attrString(10, "nlscope")                              // NFULA_PREFIX
                .build();
        DecodedMessage m = decode(message);
        assertEquals("NFULNL_MSG_PACKET", m.typeName());
        assertEquals(List.of(), m.problems());
        assertEquals("NFULNL_MSG_PACKET group 5 nlscope in 3", m.summary());
        assertEquals(0x800L, m.attribute("NFULA_PACKET_HDR").child("hw_protocol").value());
        assertEquals(42L, m.attribute("NFULA_MARK").value());
    }

    @Test
    void anNfqueueVerdict() {
        byte[] verdict = new byte[8];
        System.arraycopy(be32(1), 0, verdict, 0, 4);                    // NF_ACCEPT
        System.arraycopy(be32(77), 0, verdict, 4, 4);                   // packet id
        DecodedMessage m = decode(new NetlinkMessageBuilder(0x301, 1, 9, 0).fixed(nfgenmsg(0, 7))
                .attrBytes(2, verdict).build());
        assertEquals("NFQNL_MSG_VERDICT", m.typeName());
        assertEquals("NFQNL_MSG_VERDICT queue 7 NF_ACCEPT id 77", m.summary());
    }

    @Test
    void anNfqueueBindIsAConfigCommand() {
        DecodedMessage m = decode(new NetlinkMessageBuilder(0x302, 1, 9, 0).fixed(nfgenmsg(0, 7))
                .attrBytes(1, new byte[] {1, 0, 0, 2}).build());          // NFQA_CFG_CMD: BIND, pf AF_INET
        assertEquals("NFQNL_MSG_CONFIG queue 7 NFQNL_CFG_CMD_BIND", m.summary());
        assertEquals(2L, m.attribute("NFQA_CFG_CMD").child("pf").value());
    }
}
