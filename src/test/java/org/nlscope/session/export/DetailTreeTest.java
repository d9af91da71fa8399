package org.nlscope.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nlscope.model.ProcessInfo;

class DetailTreeTest {

    @Test
    void printsEveryLayerIndented() {
        String text = new DetailTree(port -> port == 4242 ? new ProcessInfo(4242, 311, "ip", false) : null)
                .toText(Fixtures.newLink());
        assertEquals("""
                Frame 1: 84 bytes, 2026-11-22 09:38:15.968653123 UTC
                    Cooked header (NETLINK (253)): NETLINK_ROUTE
                        Packet type: 4 (PACKET_OUTGOING)
                        ARPHRD type: 824 (ARPHRD_NETLINK)
                        Netlink family: 0 (NETLINK_ROUTE)
                    Direction: to the kernel (inferred: NLM_F_REQUEST is set)
                    Message: RTM_NEWLINK dum0 mtu 1400 UP
                        nlmsghdr
                            nlmsg_len: 68
                            nlmsg_type: 16 (RTM_NEWLINK)
                            nlmsg_flags: 0x0605 (NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE)
                            nlmsg_seq: 7
                            nlmsg_pid: 4242 (pid 311 (ip))
                        Fixed header
                            ifi_family: 0 (AF_UNSPEC)
                            ifi_type: 1 (ARPHRD_ETHER)
                            ifi_index: 0
                            ifi_flags: 0x1 (IFF_UP)
                            ifi_change: 1
                        IFLA_IFNAME (3): dum0
                        IFLA_MTU (4): 1400
                        IFLA_LINKINFO (18)
                            IFLA_INFO_KIND (1): dummy

                """, text);
    }

    @Test
    void nodesCoverTheirBytesSoTheHexViewCanHighlightThem() {
        DetailNode root = new DetailTree().build(Fixtures.newLink());
        assertEquals(0, root.offset());
        assertEquals(84, root.length());
        DetailNode mtu = root.nodeAt(64);
        assertEquals("IFLA_MTU (4): 1400", mtu.label());
        assertEquals(60, mtu.offset());
        assertEquals(8, mtu.length());
        assertEquals("IFLA_INFO_KIND (1): dummy", root.nodeAt(75).label());
        assertEquals("nlmsg_flags: 0x0605 (NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE)", root.nodeAt(22).label());
        assertEquals("Netlink family: 0 (NETLINK_ROUTE)", root.nodeAt(15).label());
        DetailNode fixed = root.children().get(2).children().get(1);
        assertEquals("Fixed header", fixed.label());
        assertEquals(32, fixed.offset());
        assertEquals(16, fixed.length());
        assertNull(root.nodeAt(84));
    }

    @Test
    void errorShowsErrnoExtAckOffendingAttributeAndRequest() {
        String text = new DetailTree().toText(Fixtures.error());
        assertTrue(text.contains("""
                        Error: -17 EEXIST: File exists "Device exists"
                            Offending attribute: IFLA_IFNAME at request offset 32
                            NLMSGERR_ATTR_MSG (1): Device exists
                            NLMSGERR_ATTR_OFFS (2): 32
                            Echoed request: RTM_NEWLINK
                                nlmsghdr
                                    nlmsg_len: 68
                """), text);
    }

    @Test
    void genlHeaderUnknownAttributesStructsAndProblems() {
        String text = new DetailTree().toText(Fixtures.genl());
        assertTrue(text.contains("""
                        genlmsghdr: nlctrl CTRL_CMD_NEWFAMILY
                            family: nlctrl (id 16)
                            cmd: 1 (CTRL_CMD_NEWFAMILY)
                            version: 2
                        CTRL_ATTR_FAMILY_NAME (2): nl80211
                        TEST_U64 (20): 18446744073709551615
                        TEST_STRUCT (21)
                            lo: 5
                            hi: 6
                        unknown(99): abcd
                        Problem: attribute at offset 80 is cut short
                """), text);
        DetailNode root = new DetailTree().build(Fixtures.genl());
        assertEquals("cmd: 1 (CTRL_CMD_NEWFAMILY)", root.nodeAt(32).label());
    }

    @Test
    void aRuntFrameShowsItsProblem() {
        assertEquals("""
                Frame 4: 4 bytes, 2026-11-22 09:38:15.968656123 UTC
                    Cooked header (NETLINK (253)): truncated, 4 of 16 bytes
                    Direction: unknown
                    Problem: frame of 4 bytes is shorter than its 16-byte cooked header

                """, new DetailTree().toText(Fixtures.runt()));
    }
}
