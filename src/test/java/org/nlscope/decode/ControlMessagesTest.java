package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.decode.TestFrames.decode;
import static org.nlscope.decode.TestFrames.hex;
import static org.nlscope.decode.TestFrames.newLink;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.uapi.Netlink;
import org.nlscope.uapi.Rtnetlink;

class ControlMessagesTest {
    static final int ERR = 2;
    static final int DONE = 3;
    static final int CAPPED = Netlink.NLM_F_CAPPED;
    static final int TLVS = Netlink.NLM_F_ACK_TLVS;
    /** Where IFLA_LINKINFO/IFLA_INFO_KIND starts in newLink("dum0", ...), from its nlmsghdr. */
    static final int INFO_KIND_OFFSET = 16 + 16 + 12 + 8 + 4;
    static final int LINKINFO_OFFSET = 16 + 16 + 12 + 8;

    private static DecodedMessage one(byte[] msg) {
        List<DecodedMessage> ms = decode(0, msg).messages();
        assertEquals(1, ms.size());
        return ms.get(0);
    }

    /** The ACK `ip link add` gets: capped (only the request's header), no TLVs, from the kernel (pid 0). */
    static final String ACK_FRAME = """
            0004 0338 0000 0000 0000 0000 0000 0000
            24000000 0200 0001 01000000 b3120000
            00000000
            44000000 1000 0506 01000000 00000000
            """;

    @Test
    void anAckFromHex() {
        DecodedMessage m = decode(org.nlscope.model.Frame.of(0, 253, hex(ACK_FRAME))).messages().get(0);
        assertEquals("NLMSG_ERROR", m.typeName());
        assertEquals(List.of("NLM_F_CAPPED"), m.flagNames());
        assertEquals("NLMSG_ERROR ACK", m.summary());
        ErrorInfo e = m.error();
        assertTrue(e.isAck());
        assertNull(e.name());
        assertNull(e.text());
        DecodedMessage req = e.request();
        assertEquals(36, req.offset());
        assertEquals("RTM_NEWLINK", req.typeName());
        assertEquals(68, req.header().length(), "a capped echo keeps the request's own length");
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_EXCL", "NLM_F_CREATE"), req.flagNames());
        assertTrue(req.attributes().isEmpty());
        assertEquals(List.of(), m.problems());
        assertEquals(0L, m.fixedHeader().get(0).value());
    }

    @Test
    void anErrorEchoingTheWholeRequestWithAMessage() {
        byte[] req = newLink("dum0", 1400, "dummy", 5);
        byte[] err = new NetlinkMessageBuilder(ERR, TLVS, 5, 4242).fixedU32(-17).fixed(req)
                .attrString(Netlink.NLMSGERR_ATTR_MSG, "Link already exists").build();
        DecodedMessage m = one(err);
        assertEquals("NLMSG_ERROR -EEXIST: File exists (Link already exists)", m.summary());
        assertEquals(List.of("NLM_F_ACK_TLVS"), m.flagNames());
        ErrorInfo e = m.error();
        assertEquals(-17, e.code());
        assertEquals("EEXIST", e.name());
        assertEquals("File exists", e.text());
        assertEquals("Link already exists", e.message());
        assertEquals("dum0", e.request().attribute("IFLA_IFNAME").value());
        assertEquals(68, e.request().attribute("IFLA_IFNAME").offset());
        assertEquals("RTM_NEWLINK dum0 mtu 1400", e.request().summary());
        assertEquals("NLMSGERR_ATTR_MSG", e.extAck().get(0).name());
        assertEquals(List.of(), m.problems());
        Field code = m.fixedHeader().get(0);
        assertEquals("error", code.name());
        assertEquals("EEXIST", code.valueName());
        assertEquals("-17 (EEXIST)", code.display());
    }

    @Test
    void theOffendingAttributeIsFoundInTheEchoedRequest() {
        byte[] req = newLink("dum0", 1400, "nosuch", 5);
        byte[] err = new NetlinkMessageBuilder(ERR, TLVS, 5, 0).fixedU32(-95).fixed(req)
                .attrString(Netlink.NLMSGERR_ATTR_MSG, "Unknown device type")
                .attrU32(Netlink.NLMSGERR_ATTR_OFFS, INFO_KIND_OFFSET).build();
        ErrorInfo e = one(err).error();
        assertEquals("EOPNOTSUPP", e.name());
        assertEquals(INFO_KIND_OFFSET, e.badAttrOffset());
        assertEquals("IFLA_LINKINFO/IFLA_INFO_KIND", e.badAttr());
        Field offs = e.extAck().get(1);
        assertEquals("NLMSGERR_ATTR_OFFS", offs.name());
        assertEquals(INFO_KIND_OFFSET + " (IFLA_LINKINFO/IFLA_INFO_KIND)", offs.display());
        assertEquals("NLMSG_ERROR -EOPNOTSUPP: Operation not supported (Unknown device type)", one(err).summary());
    }

    @Test
    void aCappedErrorResolvesAgainstTheOriginalRequestFoundElsewhere() {
        byte[] req = newLink("dum0", 1400, "nosuch", 5);
        byte[] err = new NetlinkMessageBuilder(ERR, CAPPED | TLVS, 5, 0).fixedU32(-22)
                .fixed(Arrays.copyOf(req, 16))
                .attrString(Netlink.NLMSGERR_ATTR_MSG, "Unknown device type")
                .attrU32(Netlink.NLMSGERR_ATTR_OFFS, INFO_KIND_OFFSET).build();
        DecodedMessage m = one(err);
        assertEquals("NLMSG_ERROR -EINVAL: Invalid argument (Unknown device type)", m.summary());
        assertEquals(List.of("NLM_F_CAPPED", "NLM_F_ACK_TLVS"), m.flagNames());
        ErrorInfo e = m.error();
        assertEquals(INFO_KIND_OFFSET, e.badAttrOffset());
        assertNull(e.badAttr(), "a capped echo has no attributes to point into");
        assertEquals(List.of(), m.problems(), "the capped echo's nlmsg_len is the original's, not a lie");
        DecodedMessage original = decode(0, newLink("x", 1, "y", 1), req).messages().get(1);
        assertEquals("IFLA_LINKINFO/IFLA_INFO_KIND", ErrorLocator.path(original, INFO_KIND_OFFSET));
        assertEquals("IFLA_LINKINFO", ErrorLocator.path(original, LINKINFO_OFFSET));
        assertEquals("nlmsghdr", ErrorLocator.path(original, 4));
        assertEquals("ifi_index", ErrorLocator.path(original, 16 + 4));
        assertNull(ErrorLocator.path(original, 500));
    }

    @Test
    void aMissingAttributeIsNamedWithTheRequestsAttributeSet() {
        byte[] req = newLink("dum0", 1400, "dummy", 5);
        byte[] err = new NetlinkMessageBuilder(ERR, TLVS, 5, 0).fixedU32(-22).fixed(req)
                .attrU32(Netlink.NLMSGERR_ATTR_MISS_TYPE, Rtnetlink.IFLA_INFO_DATA)
                .attrU32(Netlink.NLMSGERR_ATTR_MISS_NEST, LINKINFO_OFFSET).build();
        ErrorInfo e = one(err).error();
        Field missType = e.extAck().get(0);
        assertEquals("NLMSGERR_ATTR_MISS_TYPE", missType.name());
        assertEquals("IFLA_INFO_DATA", missType.valueName());
        assertEquals("2 (IFLA_INFO_DATA)", missType.display());
        Field missNest = e.extAck().get(1);
        assertEquals("IFLA_LINKINFO", missNest.valueName());

        byte[] top = new NetlinkMessageBuilder(ERR, CAPPED | TLVS, 5, 0).fixedU32(-22).fixed(Arrays.copyOf(req, 16))
                .attrU32(Netlink.NLMSGERR_ATTR_MISS_TYPE, Rtnetlink.IFLA_IFNAME).build();
        assertEquals("IFLA_IFNAME", one(top).error().extAck().get(0).valueName(),
                "a top-level attribute is named even when the echo is capped");
    }

    @Test
    void policyAndCookieAttributes() {
        byte[] req = newLink("dum0", 1400, "dummy", 5);
        byte[] err = new NetlinkMessageBuilder(ERR, CAPPED | TLVS, 5, 0).fixedU32(-34).fixed(Arrays.copyOf(req, 16))
                .attrBytes(Netlink.NLMSGERR_ATTR_COOKIE, hex("0102030405060708"))
                .beginNest(Netlink.NLMSGERR_ATTR_POLICY | Netlink.NLA_F_NESTED)
                .attrU32(1, 4) // NL_POLICY_TYPE_ATTR_TYPE: NL_ATTR_TYPE_U32
                .attrU64(5, -1L) // MAX_VALUE_U: 2^64 - 1
                .attrU64(2, -5L) // MIN_VALUE_S
                .attrU32(7, 16) // MAX_LENGTH
                .attrU32(10, 0xff) // BITFIELD32_MASK
                .endNest().build();
        DecodedMessage m = one(err);
        assertEquals(List.of(), m.problems());
        ErrorInfo e = m.error();
        assertEquals("ERANGE", e.name());
        assertEquals("0102030405060708", e.extAck().get(0).value());
        Field policy = e.extAck().get(1);
        assertEquals("NLMSGERR_ATTR_POLICY", policy.name());
        assertTrue(policy.nested());
        assertEquals("NL_ATTR_TYPE_U32", policy.child("NL_POLICY_TYPE_ATTR_TYPE").valueName());
        assertEquals(new java.math.BigInteger("18446744073709551615"), policy.child("NL_POLICY_TYPE_ATTR_MAX_VALUE_U").value());
        assertEquals(-5L, policy.child("NL_POLICY_TYPE_ATTR_MIN_VALUE_S").value());
        assertEquals(16L, policy.child("NL_POLICY_TYPE_ATTR_MAX_LENGTH").value());
        assertEquals("0xff", policy.child("NL_POLICY_TYPE_ATTR_BITFIELD32_MASK").display());
    }

    @Test
    void extAckAttributesOfTheWrongSizeAreProblems() {
        byte[] req = newLink("dum0", 1400, "dummy", 5);
        byte[] err = new NetlinkMessageBuilder(ERR, CAPPED | TLVS, 5, 0).fixedU32(-22).fixed(Arrays.copyOf(req, 16))
                .attrU16(Netlink.NLMSGERR_ATTR_OFFS, 40).attrU32(77, 1).build();
        DecodedMessage m = one(err);
        assertEquals(List.of("NLMSGERR_ATTR_OFFS at offset 52 has 2 bytes, expected 4"), m.problems());
        assertNull(m.error().badAttrOffset());
        assertEquals(77, m.error().extAck().get(1).type(), "an attribute newer than this code is kept raw");
        assertNull(m.error().extAck().get(1).name());
    }

    @Test
    void anErrorTooShortForItsCode() {
        byte[] err = new NetlinkMessageBuilder(ERR, 0, 1, 0).fixedU16(0xffff).build();
        err[0] = 18; // nlmsg_len: 16 + 2 bytes
        DecodedMessage m = one(err);
        assertEquals("NLMSG_ERROR", m.typeName());
        assertNull(m.error());
        assertEquals(List.of("NLMSG_ERROR at offset 16 has no room for its error code"), m.problems());
    }

    @Test
    void anErrorWithoutItsEchoedHeader() {
        byte[] err = new NetlinkMessageBuilder(ERR, 0, 1, 0).fixedU32(-1).build();
        DecodedMessage m = one(err);
        assertEquals("EPERM", m.error().name());
        assertNull(m.error().request());
        assertEquals(List.of("NLMSG_ERROR at offset 16 has no room for the echoed request's header"), m.problems());
    }

    @Test
    void anEchoedRequestWhoseLengthLies() {
        byte[] req = newLink("dum0", 1400, "dummy", 5);
        req[0] = (byte) 200;
        byte[] err = new NetlinkMessageBuilder(ERR, 0, 5, 0).fixedU32(-22).fixed(req).build();
        DecodedMessage m = one(err);
        assertEquals(List.of("echoed request: echoed request has nlmsg_len 200 but only 68 bytes were echoed"), m.problems());
        assertEquals("dum0", m.error().request().attribute("IFLA_IFNAME").value());
    }

    @Test
    void anEchoedControlMessageIsNotDecodedAgain() {
        byte[] inner = new NetlinkMessageBuilder(ERR, 0, 1, 0).fixedU32(-1).build();
        byte[] err = new NetlinkMessageBuilder(ERR, 0, 5, 0).fixedU32(-22).fixed(inner).build();
        DecodedMessage m = one(err);
        assertEquals("NLMSG_ERROR", m.error().request().typeName());
        assertNull(m.error().request().error());
    }

    @Test
    void doneWithAndWithoutAnError() {
        byte[] done = new NetlinkMessageBuilder(DONE, 0x02, 9, 0).fixedU32(0).build();
        DecodedMessage ok = one(done);
        assertEquals("NLMSG_DONE", ok.summary());
        assertEquals(List.of("NLM_F_MULTI"), ok.flagNames());
        assertNull(ok.error(), "error is only for NLMSG_ERROR; DONE's code is a header member");
        assertEquals(0L, ok.fixedHeader().get(0).value());

        byte[] failed = new NetlinkMessageBuilder(DONE, 0x02 | TLVS, 9, 0).fixedU32(-4)
                .attrString(Netlink.NLMSGERR_ATTR_MSG, "dump interrupted").build();
        DecodedMessage bad = one(failed);
        assertEquals("NLMSG_DONE -EINTR: Interrupted system call (dump interrupted)", bad.summary());
        assertEquals(List.of("NLM_F_MULTI", "NLM_F_ACK_TLVS"), bad.flagNames());
        assertEquals("dump interrupted", bad.attributes().get(0).value());

        byte[] empty = new NetlinkMessageBuilder(DONE, 0x02, 9, 0).build();
        assertEquals("NLMSG_DONE", one(empty).summary());
        assertEquals(List.of(), one(empty).problems());
    }

    @Test
    void noopOverrunAndReservedTypes() {
        assertEquals("NLMSG_NOOP", one(new NetlinkMessageBuilder(1, 0, 0, 0).build()).summary());
        assertEquals("NLMSG_OVERRUN", one(new NetlinkMessageBuilder(4, 0, 0, 0).build()).typeName());
        DecodedMessage reserved = one(new NetlinkMessageBuilder(7, 0, 0, 0).fixedU32(1).build());
        assertNull(reserved.typeName());
        assertEquals("control type 7", reserved.summary());
        assertEquals(List.of("reserved control message type 7"), reserved.problems());
        assertEquals("01000000", reserved.fixedHeader().get(0).value());
    }

    @Test
    void controlMessagesAreTheEnginesInEveryFamily() {
        byte[] err = new NetlinkMessageBuilder(ERR, CAPPED, 1, 0).fixedU32(-2)
                .fixed(new NetlinkMessageBuilder(0x14, 1, 1, 0).build()).build();
        DecodedMessage m = decode(Netlink.NETLINK_SOCK_DIAG, err).messages().get(0);
        assertEquals("NLMSG_ERROR -ENOENT: No such file or directory", m.summary());
        assertNull(m.error().request().typeName(), "no sock_diag dissector here");
    }

    /**
     * mac802154_hwsim answers NEW_RADIO with the new radio's index as the error code
     * (wpan.pcapng, recorded on nlmon: radios 0 and 1 exist, the new one is 2): a positive
     * code is no errno, not ENOENT.
     */
    @Test
    void aPositiveCodeIsNoErrno() throws Exception {
        java.nio.file.Path capture = org.nlscope.fuzz.RecordedCaptures.DIRECTORY.resolve("wpan.pcapng");
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        DecodedMessage found = null;
        try (org.nlscope.pcap.CaptureReader r = org.nlscope.pcap.CaptureReader.open(capture)) {
            DecodeContext ctx = DecodeContext.empty();
            int number = 0;
            for (org.nlscope.model.Frame f; (f = r.next()) != null; ) {
                org.nlscope.model.DecodedFrame d = decoder.decode(f, ++number, ctx);
                ctx = ContextLearner.learn(ctx, d);
                for (DecodedMessage m : d.messages()) {
                    if (m.error() != null && m.error().code() > 0) {
                        found = m;
                    }
                }
            }
        }
        assertTrue(found != null, "wpan.pcapng holds NEW_RADIO's positive answer");
        assertEquals(2, found.error().code());
        assertNull(found.error().name());
        assertEquals("MAC802154_HWSIM_CMD_NEW_RADIO", found.error().request().genl().cmdName());
        assertEquals("NLMSG_ERROR 2 (positive: not an errno)", found.summary());
        assertEquals("positive: not an errno", found.fixedHeader().get(0).display());
    }
}
