package org.nlscope.dissect.netfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.nlscope.dissect.DecodedCapture.at;
import static org.nlscope.session.NetlinkTestFrames.attr;
import static org.nlscope.session.NetlinkTestFrames.msg;
import static org.nlscope.session.NetlinkTestFrames.nest;
import static org.nlscope.session.NetlinkTestFrames.str;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.dissect.DecodedCapture;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Limits;
import org.nlscope.model.NftSet;
import org.nlscope.session.NetlinkTestFrames;
import org.nlscope.uapi.Netlink;

/**
 * NFTA_DATA_VALUE typed by its context: in nft.pcapng (captures/README.md) as nft printed the
 * ruleset it loaded, and in rules built here for what no capture shows (a concatenation, an
 * expression that overwrites a register, a set the capture never defined).
 */
class NftDataValueTest {
    private static final FrameDecoder DECODER = new FrameDecoder(DissectorRegistry.load(List.of()));
    private static final int NEWRULE = 10 << 8 | 6;
    private static final int NEWSET = 10 << 8 | 9;
    private static final int NEWSETELEM = 10 << 8 | 12;
    private static final int NFPROTO_IPV4 = 2;

    private static DecodedMessage first(Predicate<DecodedMessage> which) {
        return DecodedCapture.messages("nft.pcapng").stream().filter(which).findFirst().orElseThrow();
    }

    private static List<String> values(List<Field> fields) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if ("NFTA_DATA_VALUE".equals(f.name())) {
                out.add(f.display());
            }
            out.addAll(values(f.children()));
        }
        return out;
    }

    @Test
    void theElementsOfASetDefinedInAnEarlierFrameReadAsItsKeyType() {
        // "nft add element inet nlscope blocked { 192.0.2.7, 192.0.2.8 }": the set (ipv4_addr) came two batches before
        DecodedMessage add = first(m -> "NFT_MSG_NEWSETELEM".equals(m.typeName())
                && "blocked".equals(at(m.attributes(), "NFTA_SET_ELEM_LIST_SET").value()));
        assertEquals(List.of("192.0.2.7", "192.0.2.8"), values(add.attributes()));
    }

    @Test
    void anAnonymousSetOfTheSameBatchTypesItsElements() {
        // "tcp dport { 22, 443 }": NFT_MSG_NEWSET __set%d (inet_service), then its elements by NFTA_SET_ELEM_LIST_SET_ID
        DecodedMessage add = first(m -> "NFT_MSG_NEWSETELEM".equals(m.typeName())
                && "__set%d".equals(at(m.attributes(), "NFTA_SET_ELEM_LIST_SET").value()));
        assertEquals(List.of("22", "443"), values(add.attributes()));
    }

    @Test
    void aRuleComparesWithTheTypesItsLoadsGaveTheRegister() {
        DecodedMessage rule = first(m -> "NFT_MSG_NEWRULE".equals(m.typeName()) && values(m.attributes()).contains("dum0"));
        // meta iifname "dum0" meta l4proto udp
        assertEquals(List.of("dum0", "17 (IPPROTO_UDP)"), values(rule.attributes()).subList(0, 2));
        DecodedMessage stateful = first(m -> "NFT_MSG_NEWRULE".equals(m.typeName())
                && values(m.attributes()).contains("0x00000008 (new)"));
        // ct state new: the bitwise mask has ct state's type, and so has the cmp reading the bitwise's result
        List<String> v = values(stateful.attributes());
        assertEquals(List.of("6 (IPPROTO_TCP)", "0x00000008 (new)", "0x00000000", "0x00000000"), v.subList(v.size() - 4, v.size()));
    }

    private static byte[] be32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    private static byte[] expr(String name, byte[]... data) {
        return nest(1, attr(1, str(name)), nest(2, data));
    }

    private static byte[] payload(int dreg, int base, int offset, int len) {
        return expr("payload", attr(1, be32(dreg)), attr(2, be32(base)), attr(3, be32(offset)), attr(4, be32(len)));
    }

    private static byte[] cmp(int sreg, byte[] value) {
        return expr("cmp", attr(1, be32(sreg)), attr(2, be32(0)), nest(3, attr(1, value)));
    }

    private static byte[] rule(byte[]... expressions) {
        byte[] nfgenmsg = {NFPROTO_IPV4, 0, 0, 0};
        return msg(NEWRULE, NetlinkTestFrames.F_REQUEST, 1, 0, nfgenmsg, attr(1, str("t")), attr(2, str("c")),
                nest(4, expressions));
    }

    private static DecodedFrame decode(DecodeContext context, byte[]... messages) {
        return DECODER.decode(NetlinkTestFrames.frame(1_000L, Netlink.NETLINK_NETFILTER, messages), 1, context);
    }

    private static List<String> values(DecodedFrame f) {
        List<String> out = new ArrayList<>();
        f.messages().forEach(m -> {
            assertEquals(List.of(), m.problems());
            out.addAll(values(m.attributes()));
        });
        return out;
    }

    @Test
    void aConcatenationReadsPartByPart() {
        // ip saddr . tcp dport 192.0.2.1 . 22: two loads into NFT_REG32_00 and _01, one cmp of both slots
        byte[] value = {(byte) 192, 0, 2, 1, 0, 22, 0, 0};
        DecodedFrame f = decode(DecodeContext.empty(), rule(payload(8, 1, 12, 4), payload(9, 2, 2, 2), cmp(8, value)));
        assertEquals(List.of("192.0.2.1 . 22"), values(f));
    }

    @Test
    void aRegisterAnotherExpressionWroteSinceStaysBytes() {
        // ip daddr, then fib (whose result type nlscope does not replay) into the same register, then a cmp
        byte[] fib = expr("fib", attr(1, be32(1)), attr(2, be32(3)), attr(3, be32(2)));
        DecodedFrame f = decode(DecodeContext.empty(), rule(payload(1, 1, 16, 4), fib, cmp(1, be32(2))));
        assertEquals(List.of("00000002"), values(f));
        // and without it the same cmp reads as the address it compares with
        assertEquals(List.of("0.0.0.2"), values(decode(DecodeContext.empty(), rule(payload(1, 1, 16, 4), cmp(1, be32(2))))));
    }

    private static byte[] element(String set, byte[] key) {
        byte[] nfgenmsg = {NFPROTO_IPV4, 0, 0, 0};
        return msg(NEWSETELEM, NetlinkTestFrames.F_REQUEST, 2, 0, nfgenmsg, attr(1, str("t")), attr(2, str(set)),
                nest(3, nest(1, nest(1, attr(1, key)))));
    }

    @Test
    void theElementsOfASetTheCaptureNeverDefinedStayBytes() {
        assertEquals(List.of("c0000201"), values(decode(DecodeContext.empty(), element("s", be32(0xc0000201L)))));
    }

    @Test
    void aSetDefinedEarlierInTheSameFrameTypesItsElements() {
        byte[] nfgenmsg = {NFPROTO_IPV4, 0, 0, 0};
        byte[] set = msg(NEWSET, NetlinkTestFrames.F_REQUEST, 1, 0, nfgenmsg, attr(1, str("t")), attr(2, str("s")),
                attr(4, be32(7)), attr(5, be32(4)));
        DecodedFrame f = decode(DecodeContext.empty(), set, element("s", be32(0xc0000201L)));
        assertEquals(List.of("192.0.2.1"), values(f));
        // the same element in a later frame reads so too, once the frame taught the context
        DecodeContext learned = org.nlscope.decode.ContextLearner.learn(DecodeContext.empty(), f);
        assertEquals(new NftSet(7, 4, 0, 0), learned.nftSet(NFPROTO_IPV4, "t", "s", -1));
        assertEquals(List.of("192.0.2.1"), values(decode(learned, element("s", be32(0xc0000201L)))));
    }

    @Test
    void aContextRemembersABoundedNumberOfSets() {
        DecodeContext c = DecodeContext.empty();
        NftSet set = new NftSet(7, 4, 0, 0);
        for (int i = 0; i < Limits.MAX_NFT_SETS; i++) {
            c = c.withNftSet(1, "t", "s" + i, -1, set);
        }
        assertSame(c, c.withNftSet(1, "t", "one too many", -1, set));
        assertNull(c.nftSet(1, "t", "one too many", -1));
        // a set it knows may still change its types
        assertEquals(new NftSet(13, 2, 0, 0), c.withNftSet(1, "t", "s0", -1, new NftSet(13, 2, 0, 0)).nftSet(1, "t", "s0", -1));
    }

    @Test
    void setsAreKeptApartByTableAndNameAndAnonymousOnesByBatchId() {
        NftSet addresses = new NftSet(7, 4, 0, 0);
        NftSet ports = new NftSet(13, 2, 0, 0);
        DecodeContext c = DecodeContext.empty().withNftSet(1, "t/x", "s", -1, addresses).withNftSet(1, "t", "x/s", -1, ports);
        assertEquals(addresses, c.nftSet(1, "t/x", "s", -1));
        assertEquals(ports, c.nftSet(1, "t", "x/s", -1));
        assertNull(c.nftSet(2, "t", "x/s", -1));
        // two anonymous sets of one batch share nft's name "__set%d": their ids tell them apart
        c = c.withNftSet(1, "t", "__set%d", 1, addresses).withNftSet(1, "t", "__set%d", 2, ports);
        assertEquals(addresses, c.nftSet(1, "t", "__set%d", 1));
        assertEquals(ports, c.nftSet(1, "t", "__set%d", 2));
        // a named set by its name, even where a set of an earlier batch had the same id
        assertEquals(ports, c.withNftSet(1, "t", "named", -1, ports).nftSet(1, "t", "named", 1));
    }

    @Test
    void aConcatenatedKeyReadsPartByPart() {
        // "ipv4_addr . inet_service": nft packs the types six bits each, the first highest (7 << 6 | 13)
        byte[] nfgenmsg = {NFPROTO_IPV4, 0, 0, 0};
        byte[] set = msg(NEWSET, NetlinkTestFrames.F_REQUEST, 1, 0, nfgenmsg, attr(1, str("t")), attr(2, str("pairs")),
                attr(4, be32(7 << 6 | 13)), attr(5, be32(8)));
        byte[] key = {(byte) 192, 0, 2, 1, 0, 22, 0, 0};
        assertEquals(List.of("192.0.2.1 . 22"), values(decode(DecodeContext.empty(), set, element("pairs", key))));
        // a key whose length the types do not add up to stays bytes
        assertEquals(List.of("c000020100160000aa"), values(decode(DecodeContext.empty(), set,
                element("pairs", new byte[] {(byte) 192, 0, 2, 1, 0, 22, 0, 0, (byte) 0xaa}))));
    }
}
