package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/** Frames a real kernel sent and received, recorded by tcpdump on nlmon0 (see real-frames.txt). */
class RealFramesTest {
    private static final Map<String, DecodedFrame> FRAMES = new LinkedHashMap<>();
    private static DecodeContext learned;

    @BeforeAll
    static void decodeInCaptureOrder() throws IOException {
        String text;
        try (InputStream in = RealFramesTest.class.getResourceAsStream("/decode/real-frames.txt")) {
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
            DecodedFrame decoded = TestFrames.DECODER.decode(frame, ++number, ctx);
            ctx = ContextLearner.learn(ctx, decoded);
            FRAMES.put(nameHex[0], decoded);
        }
        learned = ctx;
    }

    private static DecodedMessage only(String name) {
        DecodedFrame f = FRAMES.get(name);
        assertEquals(List.of(), f.problems(), name);
        assertEquals(1, f.messages().size(), name);
        return f.messages().get(0);
    }

    @Test
    void everyFrameDecodesWithoutFrameProblems() {
        assertEquals(22, FRAMES.size());
        FRAMES.forEach((name, f) -> {
            assertEquals(List.of(), f.problems(), name);
            assertTrue(f.directionInferred(), "tcpdump on nlmon records packet type 4: " + name);
        });
    }

    @Test
    void aRequestAndItsAck() {
        DecodedMessage req = only("newlink-dum0");
        assertEquals("RTM_NEWLINK dum0 mtu 1400", req.summary());
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_EXCL", "NLM_F_CREATE"), req.flagNames());
        assertEquals(Direction.TO_KERNEL, FRAMES.get("newlink-dum0").direction());
        assertEquals("dummy", req.attribute("IFLA_LINKINFO").child("IFLA_INFO_KIND").value());

        DecodedMessage ack = only("ack-newlink");
        assertEquals(Direction.FROM_KERNEL, FRAMES.get("ack-newlink").direction());
        assertEquals("NLMSG_ERROR ACK", ack.summary());
        assertEquals(List.of("NLM_F_CAPPED"), ack.flagNames());
        assertEquals(req.header(), ack.error().request().header(), "the ACK echoes the request's header");
        assertEquals(List.of(), ack.problems());
    }

    @Test
    void errorsWithTheWholeRequestAndTheKernelsMessage() {
        DecodedMessage exists = only("eexist-whole-echo");
        assertEquals("NLMSG_ERROR -EEXIST: File exists", exists.summary());
        assertEquals("dum0", exists.error().request().attribute("IFLA_IFNAME").value());
        assertEquals(List.of(), exists.flagNames());

        DecodedMessage kind = only("unknown-device-type");
        assertEquals("NLMSG_ERROR -EOPNOTSUPP: Operation not supported (Unknown device type)", kind.summary());
        assertEquals("nosuchkind", kind.error().request().attribute("IFLA_LINKINFO").child("IFLA_INFO_KIND").value());
        assertEquals(List.of("NLM_F_ACK_TLVS"), kind.flagNames());

        assertEquals("NLMSG_ERROR -ERANGE: Numerical result out of range (8021q: Invalid VLAN id)",
                only("vlan-invalid-id").summary());
    }

    @Test
    void aPolicyViolationPointsIntoTheNestedRequest() {
        DecodedMessage m = only("vlan-bad-id-length");
        ErrorInfo e = m.error();
        assertEquals("ERANGE", e.name(), "what validate_nla returns for a short attribute");
        assertEquals("Attribute failed policy validation", e.message());
        assertEquals(68, e.badAttrOffset());
        assertEquals("IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VLAN_ID", e.badAttr());
        Field policy = e.extAck().get(2);
        assertEquals("NLMSGERR_ATTR_POLICY", policy.name());
        assertEquals("NL_ATTR_TYPE_U16", policy.child("NL_POLICY_TYPE_ATTR_TYPE").valueName());
        assertEquals(65535L, policy.child("NL_POLICY_TYPE_ATTR_MAX_VALUE_U").value());
        assertEquals(List.of("echoed request: IFLA_VLAN_ID at offset 104 has 1 bytes, expected 2"), m.problems(),
                "the request really was malformed, at the offset the kernel named (36 + 68)");
    }

    @Test
    void aCappedPolicyViolationResolvesAgainstTheRequestInTheCapture() {
        DecodedMessage m = only("vlan-bad-id-length-capped");
        assertEquals(List.of("NLM_F_CAPPED", "NLM_F_ACK_TLVS"), m.flagNames());
        assertEquals(68, m.error().badAttrOffset());
        assertNull(m.error().badAttr());
        DecodedMessage request = only("vlan-request-cap-ack");
        assertEquals(request.header().seq(), m.error().request().header().seq());
        assertEquals("IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VLAN_ID", ErrorLocator.path(request, m.error().badAttrOffset()));
    }

    @Test
    void aTopLevelPolicyViolation() {
        ErrorInfo e = only("mtu-bad-length").error();
        assertEquals("IFLA_MTU", e.badAttr());
        assertEquals("NL_ATTR_TYPE_U32", e.extAck().get(2).child("NL_POLICY_TYPE_ATTR_TYPE").valueName());
    }

    @Test
    void genericNetlinkIsNamedAndLearned() {
        assertEquals("nlctrl CTRL_CMD_GETFAMILY nlctrl", only("getfamily-nlctrl").summary());
        assertEquals("nlctrl CTRL_CMD_NEWFAMILY nlctrl", only("newfamily-nlctrl").summary());
        assertEquals("NLMSG_ERROR ACK", only("ack-genl").summary());
        DecodedMessage enoent = only("enoent-genl");
        assertEquals("NLMSG_ERROR -ENOENT: No such file or directory", enoent.summary());
        assertEquals("nlctrl CTRL_CMD_GETFAMILY nosuch", enoent.error().request().summary());

        DecodedMessage split = only("devlink-port-split");
        assertEquals("devlink", split.typeName(), "id 21 was learned from the NEWFAMILY reply before it");
        assertEquals("devlink cmd 9", split.summary());
        assertEquals("6e657464657673696d00", split.attributes().get(0).value(), "no devlink dissector: raw, \"netdevsim\"");
        assertNull(split.attributes().get(0).name());
        assertEquals("devlink", only("enodev-devlink").error().request().typeName());
        assertEquals("devlink", learned.genlFamily(21));
    }

    @Test
    void aMultipartDump() {
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_DUMP"), only("ctrl-dump-request").flagNames());
        DecodedFrame part = FRAMES.get("ctrl-dump-part1");
        assertEquals(11, part.messages().size());
        int expected = 16;
        for (DecodedMessage m : part.messages()) {
            assertEquals(expected, m.offset());
            assertEquals(List.of("NLM_F_MULTI"), m.flagNames());
            assertTrue(m.summary().startsWith("nlctrl CTRL_CMD_NEWFAMILY "), m.summary());
            assertEquals(List.of(), m.problems(), m.summary());
            expected += NlAttr.align(m.header().length());
        }
        assertEquals(part.frame().data().length, expected);
        assertEquals(15, learned.genlFamilies().size(), "nlctrl plus every family of the dump");
        DecodedMessage done = only("ctrl-dump-done");
        assertEquals("NLMSG_DONE", done.summary());
        assertEquals(List.of("NLM_F_MULTI"), done.flagNames());
    }

    @Test
    void decodingIsPureAndThreadSafe() throws Exception {
        List<Frame> frames = DecodeBenchmark.realFrames();
        List<DecodedFrame> sequential = frames.stream().map(f -> TestFrames.DECODER.decode(f, 1, learned)).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<DecodedFrame>>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> frames.stream().map(f -> TestFrames.DECODER.decode(f, 1, learned)).toList()));
            }
            for (java.util.concurrent.Future<List<DecodedFrame>> run : runs) {
                assertEquals(sequential, run.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void mutatedRealFramesNeverBreakTheEngine() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (Frame original : DecodeBenchmark.realFrames()) {
            for (int i = 0; i < 300; i++) {
                byte[] data = original.data().clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    int at = 16 + random.nextInt(data.length - 16); // keep the cooked header: test the messages
                    data[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : data[at] ^ (1 << random.nextInt(8)));
                }
                DecodedFrame f = TestFrames.DECODER.decode(Frame.of(0, LinkType.NETLINK, data), 1, learned);
                for (String p : f.problems()) {
                    assertTrue(!p.startsWith("decoder failed"), p);
                }
                assertTrue(!f.messages().isEmpty() || data.length < 32, "a frame with a header decodes at least that");
            }
        }
    }
}
