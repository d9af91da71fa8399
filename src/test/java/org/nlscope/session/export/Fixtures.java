package org.nlscope.session.export;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.model.GenlInfo;
import org.nlscope.model.LinkType;
import org.nlscope.model.NlMsgHeader;

/**
 * Decoded frames built by hand, with bytes laid out as the kernel would, so that every
 * offset in the records points at the bytes it names. Used until real captures are decoded.
 */
final class Fixtures {

    static final long TIME = 1_795_340_295_968_653_123L; // 2026-11-22 09:38:15.968653123 UTC

    private Fixtures() {
    }

    /**
     * RTM_NEWLINK dum0 mtu 1400, request with ACK|CREATE|EXCL, seq 7, port 4242:
     * cooked header (16) | nlmsghdr @16 | ifinfomsg @32 | IFLA_IFNAME @48 (len 9) |
     * IFLA_MTU @60 (len 8) | IFLA_LINKINFO @68 (len 16) { IFLA_INFO_KIND @72 (len 10) }.
     */
    static DecodedFrame newLink() {
        ByteBuffer b = frame(84, 0);
        nlmsghdr(b, 16, 68, 16, 0x605, 7, 4242);
        b.put(32, (byte) 0); // ifi_family
        b.putShort(34, (short) 1); // ifi_type ARPHRD_ETHER
        b.putInt(36, 0).putInt(40, 1).putInt(44, 1); // ifi_index, ifi_flags IFF_UP, ifi_change
        attr(b, 48, 9, 3).put(52, "dum0\0".getBytes(StandardCharsets.US_ASCII));
        attr(b, 60, 8, 4).putInt(64, 1400);
        attr(b, 68, 16, 18 | 0x8000);
        attr(b, 72, 10, 1).put(76, "dummy\0".getBytes(StandardCharsets.US_ASCII));

        List<Field> header = List.of(
                Field.member("ifi_family", 0L, "UNSPEC", 32, 1).withValueName("AF_UNSPEC"),
                Field.member("ifi_type", 1L, "ETHER", 34, 2).withValueName("ARPHRD_ETHER"),
                Field.member("ifi_index", 0L, "0", 36, 4),
                Field.member("ifi_flags", 1L, "UP", 40, 4).withValueNames(List.of("IFF_UP")),
                Field.member("ifi_change", 1L, "1", 44, 4));
        Field kind = Field.value("IFLA_INFO_KIND", 1, "dummy", "dummy", 72, 10);
        List<Field> attrs = List.of(
                Field.value("IFLA_IFNAME", 3, "dum0", "dum0", 48, 9),
                Field.value("IFLA_MTU", 4, 1400L, "1400", 60, 8),
                Field.parent("IFLA_LINKINFO", 18, null, 68, 16, true, List.of(kind)));
        DecodedMessage m = new DecodedMessage(16, new NlMsgHeader(68, 16, 0x605, 7, 4242), "RTM_NEWLINK",
                List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_EXCL", "NLM_F_CREATE"), null, header, attrs, null,
                "RTM_NEWLINK dum0 mtu 1400 UP", List.of());
        return new DecodedFrame(1, Frame.of(TIME, LinkType.NETLINK, b.array()), 0, "NETLINK_ROUTE",
                Direction.TO_KERNEL, true, List.of(m), List.of());
    }

    /**
     * The kernel's answer to a request like {@link #newLink()}: NLMSG_ERROR -EEXIST, with the
     * request capped to its header and an extended ACK message and offset.
     * cooked (16) | nlmsghdr @16 | error @32 | request nlmsghdr @36 | NLMSGERR_ATTR_MSG @52 (len 20) |
     * NLMSGERR_ATTR_OFFS @72 (len 8).
     */
    static DecodedFrame error() {
        ByteBuffer b = frame(80, 0);
        nlmsghdr(b, 16, 64, 2, 0x300, 7, 4242);
        b.putInt(32, -17);
        nlmsghdr(b, 36, 68, 16, 0x605, 7, 4242);
        attr(b, 52, 20, 1).put(56, "Device exists\0\0\0".getBytes(StandardCharsets.US_ASCII));
        attr(b, 72, 8, 2).putInt(76, 32);
        DecodedMessage request = new DecodedMessage(36, new NlMsgHeader(68, 16, 0x605, 7, 4242), "RTM_NEWLINK",
                List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_EXCL", "NLM_F_CREATE"), null, List.of(), List.of(), null,
                "RTM_NEWLINK", List.of());
        List<Field> extAck = List.of(
                Field.value("NLMSGERR_ATTR_MSG", 1, "Device exists", "Device exists", 52, 20),
                Field.value("NLMSGERR_ATTR_OFFS", 2, 32L, "32", 72, 8));
        ErrorInfo e = new ErrorInfo(-17, "EEXIST", "File exists", "Device exists", 32, "IFLA_IFNAME", request, extAck);
        DecodedMessage m = new DecodedMessage(16, new NlMsgHeader(64, 2, 0x300, 7, 4242), "NLMSG_ERROR",
                List.of("NLM_F_CAPPED", "NLM_F_ACK_TLVS"), null, List.of(), List.of(), e,
                "NLMSG_ERROR -EEXIST: File exists", List.of());
        return new DecodedFrame(2, Frame.of(TIME + 1_000, LinkType.NETLINK, b.array()), 0, "NETLINK_ROUTE",
                Direction.FROM_KERNEL, true, List.of(m), List.of());
    }

    /**
     * A generic netlink reply: CTRL_CMD_NEWFAMILY for nl80211, with a u64 above
     * Long.MAX_VALUE, a struct-typed value, an unknown attribute and a truncated one.
     * cooked (16) | nlmsghdr @16 | genlmsghdr @32 | CTRL_ATTR_FAMILY_NAME @36 (len 12) |
     * test u64 @48 (len 12) | struct @60 (len 12) | unknown(99) @72 (len 6) | end @80.
     */
    static DecodedFrame genl() {
        ByteBuffer b = frame(80, 16);
        nlmsghdr(b, 16, 64, 16, 0x0, 3, 4242);
        b.put(32, (byte) 1).put(33, (byte) 2);
        attr(b, 36, 12, 2).put(40, "nl80211\0".getBytes(StandardCharsets.US_ASCII));
        attr(b, 48, 12, 20).putLong(52, -1L);
        attr(b, 60, 12, 21).putInt(64, 5).putInt(68, 6);
        attr(b, 72, 6, 99).put(76, (byte) 0xab).put(77, (byte) 0xcd);
        Field u64 = Field.value("TEST_U64", 20, new BigInteger("18446744073709551615"),
                "18446744073709551615", 48, 12);
        Field struct = Field.parent("TEST_STRUCT", 21, null, 60, 12, false, List.of(
                Field.member("lo", 5L, "5", 64, 4), Field.member("hi", 6L, "6", 68, 4)));
        Field unknown = Field.value(null, 99, "abcd", null, 72, 6);
        List<Field> attrs = List.of(
                Field.value("CTRL_ATTR_FAMILY_NAME", 2, "nl80211", "nl80211", 36, 12),
                u64, struct, unknown);
        DecodedMessage m = new DecodedMessage(16, new NlMsgHeader(64, 16, 0, 3, 4242), "nlctrl", List.of(),
                new GenlInfo(16, "nlctrl", 1, "CTRL_CMD_NEWFAMILY", 2), List.of(), attrs, null,
                "nlctrl CTRL_CMD_NEWFAMILY nl80211", List.of("attribute at offset 80 is cut short"));
        return new DecodedFrame(3, Frame.of(TIME + 2_000, LinkType.NETLINK, b.array()), 16, "NETLINK_GENERIC",
                Direction.FROM_KERNEL, true, List.of(m), List.of());
    }

    /** A frame shorter than its cooked header: no message, one frame problem. */
    static DecodedFrame runt() {
        return new DecodedFrame(4, Frame.of(TIME + 3_000, LinkType.NETLINK, new byte[] {0, 4, 3, 0x38}), -1, null,
                Direction.UNKNOWN, false, List.of(), List.of("frame of 4 bytes is shorter than its 16-byte cooked header"));
    }

    private static ByteBuffer frame(int length, int family) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, CookedHeader.netlinkHeader(CookedHeader.PACKET_OUTGOING, family));
        return b;
    }

    private static void nlmsghdr(ByteBuffer b, int at, int len, int type, int flags, int seq, int pid) {
        b.putInt(at, len).putShort(at + 4, (short) type).putShort(at + 6, (short) flags).putInt(at + 8, seq).putInt(at + 12, pid);
    }

    private static ByteBuffer attr(ByteBuffer b, int at, int len, int type) {
        return b.putShort(at, (short) len).putShort(at + 2, (short) type);
    }
}
