package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.nlscope.decode.TestFrames.frame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;
import org.nlscope.model.GenlInfo;
import org.nlscope.uapi.Netlink;

class GenericNetlinkTest {
    static final int GENERIC = Netlink.NETLINK_GENERIC;
    static final int NL80211 = 0x1c;

    private static DecodedFrame decode(Frame f, DecodeContext ctx) {
        return TestFrames.DECODER.decode(f, 1, ctx);
    }

    static byte[] getFamily(String name) {
        return NetlinkMessageBuilder.genl(0x10, 0x01 | 0x04, 3, 777, 3, 1).attrString(2, name).build();
    }

    static byte[] newFamily(int id, String name) {
        return NetlinkMessageBuilder.genl(0x10, 0, 3, 777, 1, 2).attrString(2, name).attrU16(1, id).build();
    }

    @Test
    void anNlctrlRequestIsNamedByFamilyAndCommand() {
        DecodedMessage m = decode(frame(GENERIC, getFamily("nl80211")), DecodeContext.empty()).messages().get(0);
        assertEquals("nlctrl", m.typeName());
        assertEquals(new GenlInfo(0x10, "nlctrl", 3, "CTRL_CMD_GETFAMILY", 1), m.genl());
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ACK"), m.flagNames());
        assertEquals("nlctrl CTRL_CMD_GETFAMILY nl80211", m.summary());
        assertEquals(36, m.attribute("CTRL_ATTR_FAMILY_NAME").offset(), "after nlmsghdr and genlmsghdr");
    }

    @Test
    void aDumpRequestOfAnyCommandReadsDumpNotHexBits() {
        // `iw dev` asks NL80211_CMD_GET_INTERFACE with REQUEST|ACK|DUMP; no nl80211 dissector says its kind
        byte[] dump = NetlinkMessageBuilder.genl(NL80211, 0x01 | 0x04 | 0x300, 9, 777, 5, 0).build();
        DecodeContext ctx = DecodeContext.empty().withGenlFamily(NL80211, "nl80211");
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_DUMP"),
                decode(frame(GENERIC, dump), ctx).messages().get(0).flagNames());
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_DUMP"),
                decode(frame(GENERIC, dump), DecodeContext.empty()).messages().get(0).flagNames(), "family unknown too");
        byte[] rootOnly = NetlinkMessageBuilder.genl(NL80211, 0x01 | 0x100, 9, 777, 5, 0).build();
        assertEquals(List.of("NLM_F_REQUEST", "0x100"),
                decode(frame(GENERIC, rootOnly), ctx).messages().get(0).flagNames(), "one bit alone is no dump");
    }

    @Test
    void familyIdsAreLearnedFromNlctrlReplies() {
        DecodeContext ctx = DecodeContext.empty();
        DecodedFrame request = decode(frame(GENERIC, getFamily("nl80211")), ctx);
        assertSame(ctx, ContextLearner.learn(ctx, request), "a request teaches nothing");
        DecodedFrame reply = decode(frame(GENERIC, newFamily(NL80211, "nl80211")), ctx);
        assertEquals("nlctrl CTRL_CMD_NEWFAMILY nl80211", reply.messages().get(0).summary());
        DecodeContext learned = ContextLearner.learn(ctx, reply);
        assertEquals("nl80211", learned.genlFamily(NL80211));
        assertSame(learned, ContextLearner.learn(learned, reply), "nothing new: the same instance");

        Frame later = frame(GENERIC, NetlinkMessageBuilder.genl(NL80211, 1, 4, 777, 5, 0).attrU32(3, 2).build());
        DecodedMessage before = decode(later, ctx).messages().get(0);
        assertNull(before.typeName());
        assertEquals("genl family 28 cmd 5", before.summary());
        DecodedMessage after = decode(later, learned).messages().get(0);
        assertEquals("nl80211", after.typeName());
        assertEquals(new GenlInfo(NL80211, "nl80211", 5, null, 0), after.genl());
        assertEquals("nl80211 cmd 5", after.summary());
        assertEquals(3, after.attributes().get(0).type(), "no nl80211 dissector: raw attributes");
    }

    @Test
    void learningWorksWithoutAnNlctrlDissector() {
        FrameDecoder bare = new FrameDecoder(DissectorRegistry.empty());
        DecodedFrame reply = bare.decode(frame(GENERIC, getFamily("x"), newFamily(0x22, "devlink")), 1, DecodeContext.empty());
        assertEquals("nlctrl cmd 1", reply.messages().get(1).summary());
        assertEquals("devlink", ContextLearner.learn(DecodeContext.empty(), reply).genlFamily(0x22));
    }

    @Test
    void delFamilyForgetsNothing() {
        DecodeContext ctx = DecodeContext.empty().withGenlFamily(0x22, "devlink");
        byte[] del = NetlinkMessageBuilder.genl(0x10, 0, 0, 0, 2, 2).attrU16(1, 0x22).attrString(2, "devlink").build();
        assertSame(ctx, ContextLearner.learn(ctx, decode(frame(GENERIC, del), ctx)));
    }

    @Test
    void otherFamiliesTeachNothing() {
        DecodeContext ctx = DecodeContext.empty();
        DecodedFrame route = decode(frame(0, newFamily(0x22, "devlink")), ctx);
        assertSame(ctx, ContextLearner.learn(ctx, route));
    }

    @Test
    void aTruncatedGenlHeader() {
        byte[] msg = new NetlinkMessageBuilder(0x10, 0, 0, 0).fixedU16(0x0301).build();
        msg[0] = 18;
        DecodedMessage m = decode(frame(GENERIC, msg), DecodeContext.empty()).messages().get(0);
        assertEquals("nlctrl", m.typeName());
        assertNull(m.genl());
        assertEquals(List.of("genlmsghdr needs 4 bytes at offset 32, 2 left"), m.problems());
    }

    @Test
    void aGenlErrorNamesTheMissingAttributeWithTheFamilysDissector() {
        byte[] req = NetlinkMessageBuilder.genl(0x10, 0x05, 3, 777, 3, 1).build();
        byte[] err = new NetlinkMessageBuilder(2, Netlink.NLM_F_ACK_TLVS, 3, 777).fixedU32(-22).fixed(req)
                .attrU32(Netlink.NLMSGERR_ATTR_MISS_TYPE, 2).build();
        DecodedMessage m = decode(frame(GENERIC, err), DecodeContext.empty()).messages().get(0);
        assertEquals("nlctrl CTRL_CMD_GETFAMILY", m.error().request().summary());
        assertEquals("CTRL_ATTR_FAMILY_NAME", m.error().extAck().get(0).valueName());
        assertEquals("NLMSG_ERROR -EINVAL: Invalid argument", m.summary());
    }

    @Test
    void aCappedGenlEchoNamesTheFamilyOnly() {
        byte[] req = NetlinkMessageBuilder.genl(0x10, 0x05, 3, 777, 3, 1).attrString(2, "nosuch").build();
        byte[] err = new NetlinkMessageBuilder(2, Netlink.NLM_F_CAPPED, 3, 777).fixedU32(-2)
                .fixed(java.util.Arrays.copyOf(req, 16)).build();
        DecodedMessage echoed = decode(frame(GENERIC, err), DecodeContext.empty()).messages().get(0).error().request();
        assertEquals("nlctrl", echoed.typeName());
        assertNull(echoed.genl());
    }
}
