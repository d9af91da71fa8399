package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.decode.NetlinkMessageBuilder;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/**
 * The built-in dissector files through the whole engine: the registry as nlscope
 * loads it (ServiceLoader), FrameDecoder, on frames tcpdump recorded on nlmon0
 * (decode/real-frames.txt, Debian kernel 6.1) and on a request built like ip builds it.
 */
class RealFramesSpecTest {
    private static final DissectorRegistry REGISTRY = DissectorRegistry.load(List.of());
    private static final FrameDecoder DECODER = new FrameDecoder(REGISTRY);
    private static final Map<String, DecodedFrame> FRAMES = new LinkedHashMap<>();

    @BeforeAll
    static void decodeInCaptureOrder() throws IOException {
        String text;
        try (InputStream in = RealFramesSpecTest.class.getResourceAsStream("/decode/real-frames.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        DecodeContext ctx = DecodeContext.empty();
        int number = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] nameHex = line.split(": ", 2);
            Frame frame = Frame.of(0, LinkType.NETLINK, HexFormat.of().parseHex(nameHex[1].trim()));
            DecodedFrame decoded = DECODER.decode(frame, ++number, ctx);
            ctx = ContextLearner.learn(ctx, decoded);
            FRAMES.put(nameHex[0], decoded);
        }
    }

    private static DecodedMessage only(String name) {
        DecodedFrame f = FRAMES.get(name);
        assertEquals(List.of(), f.problems(), name);
        assertEquals(1, f.messages().size(), name);
        return f.messages().get(0);
    }

    private static void named(List<Field> fields, String where) {
        for (Field f : fields) {
            assertNotNull(f.name(), () -> "unknown attribute in " + where + ": " + f);
            named(f.children(), where);
        }
    }

    @Test
    void theSpecDissectorsAreTheOnesRegistered() {
        // built-in families compile when first used
        for (DissectorKey key : List.of(DissectorKey.netlink(0), DissectorKey.genl("nlctrl"))) {
            assertTrue(REGISTRY.forKey(key) instanceof DeferredDissector d && d.compiled() instanceof SpecDissector, key::toString);
        }
    }

    @Test
    void linkRequestFromIp() {
        DecodedMessage req = only("newlink-dum0");
        assertEquals("RTM_NEWLINK dum0 dummy mtu 1400", req.summary());
        assertEquals(List.of(), req.problems());
        named(req.attributes(), "newlink-dum0");
        assertEquals(List.of("ifi_family", "ifi_type", "ifi_index", "ifi_flags", "ifi_change"),
                req.fixedHeader().stream().map(Field::name).toList());
    }

    @Test
    void extendedAckOffsetResolvesIntoTheVlanSubMessage() {
        ErrorInfo e = only("vlan-bad-id-length").error();
        assertEquals("IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VLAN_ID", e.badAttr());
        Field id = e.request().attribute("IFLA_LINKINFO").child("IFLA_INFO_DATA").child("IFLA_VLAN_ID");
        assertEquals("a u16 needs 2 bytes, found 1", id.problem());
        assertEquals("IFLA_MTU", only("mtu-bad-length").error().badAttr());
    }

    @Test
    void nlctrlRepliesDecodeCompletely() {
        DecodedMessage family = only("newfamily-nlctrl");
        assertEquals("nlctrl CTRL_CMD_NEWFAMILY nlctrl id 16", family.summary());
        named(family.attributes(), "newfamily-nlctrl");
        DecodedMessage devlink = only("newfamily-devlink");
        assertEquals(List.of(), devlink.problems());
        named(devlink.attributes(), "newfamily-devlink");
        assertTrue(devlink.attribute("CTRL_ATTR_OPS").children().size() > 10);
        for (DecodedMessage m : FRAMES.get("ctrl-dump-part2").messages()) {
            assertEquals(List.of(), m.problems(), m.summary());
            named(m.attributes(), m.summary());
        }
    }

    @Test
    void aRealLinkDumpMessageThroughTheEngine() {
        // an RTM_NEWLINK this machine's kernel sent, reframed as tcpdump on nlmon0 records it
        byte[] message = Recorded.load("link-dump.hex").get(0).bytes();
        byte[] frame = new byte[16 + message.length];
        System.arraycopy(CookedHeader.netlinkHeader(CookedHeader.PACKET_OUTGOING, 0), 0, frame, 0, 16);
        System.arraycopy(message, 0, frame, 16, message.length);
        DecodedFrame f = DECODER.decode(Frame.of(0, LinkType.NETLINK, frame), 1, DecodeContext.empty());
        DecodedMessage m = f.messages().get(0);
        assertEquals("RTM_NEWLINK #1 lo mtu 65536 UP|LOOPBACK|RUNNING|LOWER_UP", m.summary());
        assertEquals(List.of("NLM_F_MULTI"), m.flagNames());
        assertEquals(16 + 16 + 16, m.attribute("IFLA_IFNAME").offset(), "offsets count from the frame's start");
    }

    @Test
    void aVethRequestBuiltWithTheEnginesBuilder() {
        byte[] req = new NetlinkMessageBuilder(16, 0x01 | 0x04 | 0x400 | 0x200, 7, 0)
                .fixed(new byte[16])
                .attrString(3, "v0")
                .beginNest(18)
                .attrString(1, "veth")
                .beginNest(2)
                .attrBytes(1, Nla.bytes().zeros(16).attrString(3, "v1").build()) // VETH_INFO_PEER
                .endNest()
                .endNest()
                .build();
        byte[] frame = new byte[16 + req.length];
        System.arraycopy(CookedHeader.netlinkHeader(CookedHeader.PACKET_OUTGOING, 0), 0, frame, 0, 16);
        System.arraycopy(req, 0, frame, 16, req.length);
        DecodedMessage m = DECODER.decode(Frame.of(0, LinkType.NETLINK, frame), 1, DecodeContext.empty())
                .messages().get(0);
        assertEquals("RTM_NEWLINK v0 veth", m.summary());
        Field peer = m.attribute("IFLA_LINKINFO").child("IFLA_INFO_DATA").child("VETH_INFO_PEER");
        assertEquals("v1", peer.child("IFLA_IFNAME").value());
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_EXCL", "NLM_F_CREATE"), m.flagNames());
        assertEquals(List.of(), m.problems());
    }
}
