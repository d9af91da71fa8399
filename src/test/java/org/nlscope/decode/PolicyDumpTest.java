package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlscope.model.AttrPolicy;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.FamilyPolicy;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.uapi.Genetlink;
import org.nlscope.uapi.Netlink;

/**
 * The CTRL_CMD_GETPOLICY parser on the kernel's own answers: {@code genl ctrl policy name
 * nlctrl} recorded by tcpdump on nlmon0 in the VM (genl.pcapng, Linux 6.1), then those
 * policies typing nlctrl's messages when no dissector describes nlctrl.
 */
class PolicyDumpTest {
    private static final Path GENL = Path.of("src/test/resources/captures/genl.pcapng");
    private static final FrameDecoder UNDESCRIBED = new FrameDecoder(DissectorRegistry.empty());

    static List<DecodedFrame> decode(Path file, FrameDecoder decoder, DecodeContext start) throws CaptureFileException {
        List<DecodedFrame> out = new ArrayList<>();
        DecodeContext ctx = start;
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            int n = 0;
            while ((f = r.next()) != null) {
                ctx = ctx.withMetadata(r.takeNewMetadata());
                DecodedFrame df = decoder.decode(f, ++n, ctx);
                ctx = ContextLearner.learn(ctx, df);
                out.add(df);
            }
        }
        return out;
    }

    private static FamilyPolicy nlctrlPolicy() throws CaptureFileException {
        PolicyDump dump = new PolicyDump();
        for (DecodedFrame df : decode(GENL, UNDESCRIBED, DecodeContext.empty())) {
            dump.add(df);
        }
        Map<String, FamilyPolicy> built = dump.build(Map.of(Genetlink.GENL_ID_CTRL, "nlctrl"));
        assertEquals(List.of("nlctrl"), List.copyOf(built.keySet()));
        return built.get("nlctrl");
    }

    @Test
    void theKernelsNlctrlPolicyAsGenlCtrlPolicyPrintsIt() throws CaptureFileException {
        FamilyPolicy p = nlctrlPolicy();
        // ID: 0x10  op 3 policies: do=0   /   op 10 policies: dump=1
        assertEquals(Map.of(3, new FamilyPolicy.OpPolicy(0, -1), 10, new FamilyPolicy.OpPolicy(-1, 1)), p.ops());
        // policy[0]:attr[1]: type=U16 range:[0,65535]   policy[0]:attr[2]: type=NUL_STRING max len:15
        AttrPolicy id = p.policy(0).get(1);
        assertEquals(Netlink.NL_ATTR_TYPE_U16, id.type());
        assertEquals(0L, id.minUnsigned());
        assertEquals(65535L, id.maxUnsigned());
        AttrPolicy name = p.policy(0).get(2);
        assertEquals("nul-string", name.typeName());
        assertEquals(15, name.maxLength());
        assertNull(name.minUnsigned());
        // policy 1 (GETPOLICY's dump) also takes CTRL_ATTR_OP, a u32
        assertEquals(Map.of(1, "u16", 2, "nul-string", 10, "u32"), typeNames(p.policy(1)));
        assertEquals(0, p.policyFor(3, true), "GETFAMILY's dump has no policy of its own: its do's");
        assertEquals(1, p.policyFor(10, true));
        assertEquals(0, p.commonPolicy());
    }

    private static Map<Integer, String> typeNames(Map<Integer, AttrPolicy> attrs) {
        Map<Integer, String> out = new java.util.TreeMap<>();
        attrs.forEach((k, v) -> out.put(k, v.typeName()));
        return out;
    }

    @Test
    void anUndescribedFamilysAttributesReadTypedByItsPolicy() throws CaptureFileException {
        FamilyPolicy p = nlctrlPolicy();
        DecodeContext ctx = DecodeContext.empty().withPolicies(Map.of("nlctrl", p));
        DecodedMessage getFamily = null;
        for (DecodedFrame df : decode(GENL, UNDESCRIBED, ctx)) {
            for (DecodedMessage m : df.messages()) {
                if (getFamily == null && m.header().isRequest() && m.genl() != null && m.genl().cmd() == 3
                        && !m.attributes().isEmpty()) {
                    getFamily = m;
                }
            }
        }
        assertNotNull(getFamily, "genl ctrl get name nlctrl sent CTRL_CMD_GETFAMILY with a name");
        Field name = getFamily.attributes().get(0);
        assertNull(name.name(), "the kernel's policy has numbers, not names");
        assertEquals(2, name.type());
        assertEquals("nlctrl", name.value());
        assertEquals("nul-string per kernel policy", name.valueName());
        assertTrue(getFamily.problems().isEmpty(), getFamily.problems().toString());

        // without the policy the same attribute is raw hex
        DecodedMessage raw = null;
        for (DecodedFrame df : decode(GENL, UNDESCRIBED, DecodeContext.empty())) {
            for (DecodedMessage m : df.messages()) {
                if (raw == null && m.offset() == getFamily.offset() && m.header().seq() == getFamily.header().seq()) {
                    raw = m;
                }
            }
        }
        assertNotNull(raw);
        assertEquals("6e6c6374726c00", raw.attributes().get(0).value());
        assertNull(raw.attributes().get(0).valueName());
    }

    @Test
    void answersWithoutAFamilyIdOrPolicySayNothing() {
        PolicyDump dump = new PolicyDump();
        // CTRL_ATTR_POLICY {[0] {[1] {NL_POLICY_TYPE_ATTR_TYPE u32 4}}} but no CTRL_ATTR_FAMILY_ID
        byte[] noId = new NetlinkMessageBuilder(0, 0, 0, 0).beginNest(8).beginNest(0).beginNest(1)
                .attrU32(1, 4).endNest().endNest().endNest().build();
        dump.add(new ByteView(noId, 16, noId.length));
        assertTrue(dump.isEmpty());
        // a family id with a policy nest that names no type
        byte[] noType = new NetlinkMessageBuilder(0, 0, 0, 0).attrU16(1, 30).beginNest(8).beginNest(0).beginNest(1)
                .attrU32(7, 16).endNest().endNest().endNest().build();
        dump.add(new ByteView(noType, 16, noType.length));
        assertTrue(dump.isEmpty());
        assertTrue(dump.build(Map.of(30, "x")).isEmpty());
    }
}
