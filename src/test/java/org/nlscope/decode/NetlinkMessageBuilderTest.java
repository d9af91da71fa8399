package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nlscope.decode.TestFrames.hex;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.uapi.Netlink;
import org.nlscope.uapi.Rtnetlink;

class NetlinkMessageBuilderTest {

    @Test
    void encodesTheNlmonRequestTheLiveCaptureSends() {
        byte[] req = new NetlinkMessageBuilder(Rtnetlink.RTM_NEWLINK, 0x01 | 0x04 | 0x400 | 0x200, 42, 0)
                .fixed(new byte[16])
                .attrString(Rtnetlink.IFLA_IFNAME, "nlmon0")
                .beginNest(Rtnetlink.IFLA_LINKINFO)
                .attrString(Rtnetlink.IFLA_INFO_KIND, "nlmon")
                .endNest()
                .build();
        assertEquals("""
                3c000000 1000 0506 2a000000 00000000
                00000000 00000000 00000000 00000000
                0b00 0300 6e6c6d6f6e3000 00
                1000 1200 0a00 0100 6e6c6d6f6e00 0000""".replaceAll("\\s+", ""), HexFormat.of().formatHex(req));
        DecodedMessage m = TestFrames.decode(0, req).messages().get(0);
        assertEquals("RTM_NEWLINK nlmon0", m.summary());
        assertEquals("nlmon", m.attribute("IFLA_LINKINFO").child("IFLA_INFO_KIND").value());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void everyAttributeTypeRoundTrips() {
        byte[] msg = new NetlinkMessageBuilder(0x20, 0x301, 0xffffffffL, 0x80000000L)
                .attrU8(1, 0xab).attrU16(2, 0xbeef).attrU32(3, 0xdeadbeefL).attrU64(4, 0x0102030405060708L)
                .attrString(5, "é").attrFlag(6).attrBytes(7, hex("cafe"))
                .beginNest(8 | Netlink.NLA_F_NESTED).beginNest(9 | Netlink.NLA_F_NESTED).attrU8(1, 1).endNest().endNest()
                .build();
        DecodedMessage m = TestFrames.decode(Netlink.NETLINK_USERSOCK, msg).messages().get(0);
        assertEquals(0xffffffffL, m.header().seq());
        assertEquals(0x80000000L, m.header().pid());
        assertEquals(0x301, m.header().flags());
        List<Field> a = m.attributes();
        assertEquals(List.of("ab", "efbe", "efbeadde", "0807060504030201", "c3a900", "", "cafe"),
                a.subList(0, 7).stream().map(f -> (String) f.value()).toList());
        assertEquals(5, a.get(0).length(), "nla_len excludes padding");
        assertEquals(1, a.get(7).children().get(0).children().get(0).type());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void genlAndBatches() {
        byte[] a = NetlinkMessageBuilder.genl(0x10, 0x301, 1, 0, 3, 1).build();
        byte[] b = NetlinkMessageBuilder.genl(0x10, 0x05, 2, 0, 3, 1).attrString(2, "nl80211").build();
        assertEquals("14000000 1000 0103 01000000 00000000 03010000".replaceAll(" ", ""), HexFormat.of().formatHex(a));
        List<DecodedMessage> ms = TestFrames.decode(Netlink.NETLINK_GENERIC, a, b).messages();
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_DUMP"), ms.get(0).flagNames());
        assertEquals("nlctrl CTRL_CMD_GETFAMILY nl80211", ms.get(1).summary());
    }

    @Test
    void misuseIsRefused() {
        assertThrows(IllegalStateException.class, () -> new NetlinkMessageBuilder(1, 0, 0, 0).beginNest(1).build());
        assertThrows(IllegalStateException.class, () -> new NetlinkMessageBuilder(1, 0, 0, 0).endNest());
        assertThrows(IllegalArgumentException.class, () -> new NetlinkMessageBuilder(1, 0, 0, 0).attrBytes(1, new byte[70000]));
    }

    @Test
    void aClientReadsTheKernelsAnswerToItsRequest() {
        byte[] req = TestFrames.newLink("nlmon0", 1500, "nlmon", 9);
        byte[] answer = new NetlinkMessageBuilder(2, Netlink.NLM_F_CAPPED | Netlink.NLM_F_ACK_TLVS, 9, 4711)
                .fixedU32(-95).fixed(java.util.Arrays.copyOf(req, 16))
                .attrString(1, "Unknown device type").build();
        // as a socket reads it from the kernel, behind the cooked header nlmon would give it
        org.nlscope.model.DecodedFrame f = TestFrames.decode(
                TestFrames.frame(org.nlscope.model.CookedHeader.PACKET_KERNEL, Netlink.NETLINK_ROUTE, answer));
        assertEquals(org.nlscope.model.Direction.FROM_KERNEL, f.direction());
        DecodedMessage m = f.messages().get(0);
        assertEquals("NLMSG_ERROR -EOPNOTSUPP: Operation not supported (Unknown device type)", m.summary());
        assertEquals(9, m.error().request().header().seq());
    }
}
