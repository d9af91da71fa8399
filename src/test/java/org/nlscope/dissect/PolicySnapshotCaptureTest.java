package org.nlscope.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nlscope.cli.Main;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.decode.PolicyAttributes;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.FamilyPolicy;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.uapi.Netlink;

/**
 * genl-policy.pcapng, written by {@code nlscope capture} in the nlmon VM with the kernel's
 * policies of every genl family saved at its start: the snapshot is in the file, tshark
 * still reads it, and families without a dissector read typed by it.
 */
class PolicySnapshotCaptureTest {
    private static final Path CAPTURE = Path.of("src/test/resources/captures/genl-policy.pcapng");
    private static final DissectorRegistry ALL = DissectorRegistry.load(List.of());

    private record Read(CaptureMetadata metadata, List<DecodedFrame> frames) {
    }

    private static Read read(DissectorRegistry registry) throws Exception {
        FrameDecoder decoder = new FrameDecoder(registry);
        List<DecodedFrame> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(CAPTURE)) {
            DecodeContext ctx = DecodeContext.empty();
            Frame f;
            int n = 0;
            while ((f = r.next()) != null) {
                ctx = ctx.withMetadata(r.takeNewMetadata());   // the snapshot blocks come as the file is read
                DecodedFrame df = decoder.decode(f, ++n, ctx);
                ctx = ContextLearner.learn(ctx, df);
                out.add(df);
            }
            return new Read(r.metadata(), out);
        }
    }

    private static List<DecodedMessage> messagesOf(Read read, String family) {
        List<DecodedMessage> out = new ArrayList<>();
        for (DecodedFrame df : read.frames()) {
            for (DecodedMessage m : df.messages()) {
                if (m.genl() != null && family.equals(m.genl().family())) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static DissectorRegistry without(String family) {
        return DissectorRegistry.of(ALL.all().stream().filter(d -> !d.key().equals(DissectorKey.genl(family))).toList());
    }

    @Test
    void theFileHoldsEveryFamilysPoliciesAsTheKernelGaveThem() throws Exception {
        CaptureMetadata m = read(ALL).metadata();
        Map<String, FamilyPolicy> p = m.policies();
        for (String family : List.of("nlctrl", "TIPCv2", "ethtool", "mptcp_pm", "devlink", "TASKSTATS")) {
            assertNotNull(p.get(family), family + " in " + p.keySet());
        }
        assertNull(p.get("VFS_DQUOT"), "the kernel has no policy for it (ENODATA)");
        // genl ctrl policy name nlctrl, in the same VM: policy[1]:attr[10]: type=U32
        assertEquals(Netlink.NL_ATTR_TYPE_U32, p.get("nlctrl").policy(1).get(10).type());
        // TIPC's top-level attributes are nests whose policies the kernel keeps to itself
        assertEquals(Netlink.NL_ATTR_TYPE_NESTED, p.get("TIPCv2").policy(0).get(5).type());
        assertNull(p.get("TIPCv2").policy(0).get(5).nestedPolicy());
        // ethtool's request headers nest a policy of their own
        FamilyPolicy ethtool = p.get("ethtool");
        int linkinfoGet = ethtool.policyFor(3, false);
        Integer header = ethtool.policy(linkinfoGet).get(1).nestedPolicy();
        assertNotNull(header);
        assertEquals("nul-string", ethtool.policy(header).get(2).typeName(), "ETHTOOL_A_HEADER_DEV_NAME");
    }

    @Test
    void aFamilyNoDissectorDescribesReadsTypedByThePolicy() throws Exception {
        // TIPCv2 has a dissector now (dissectors/genetlink/tipc.yaml): read without it
        List<DecodedMessage> tipc = messagesOf(read(without("TIPCv2")), "TIPCv2");
        assertFalse(tipc.isEmpty());
        int typed = 0;
        for (DecodedMessage m : tipc) {
            assertNull(m.genl().cmdName(), "without its dissector nothing names TIPC's commands");
            assertTrue(m.problems().isEmpty(), m.problems().toString());
            for (Field a : m.attributes()) {
                assertNull(a.name());
                assertTrue(a.display().startsWith("nested" + PolicyAttributes.SOURCE), a.display());
                assertTrue(a.nested());
                typed++;
            }
        }
        assertTrue(typed >= 10, typed + " attributes");
    }

    /**
     * Without their dissectors, ethtool and mptcp_pm read typed by the kernel's policy,
     * nests included, and every value so typed is the one their YNL specs decode.
     */
    @Test
    void describedFamiliesReadTheSameByThePolicyAsByTheirSpecs() throws Exception {
        Read described = read(ALL);
        for (String family : List.of("ethtool", "mptcp_pm")) {
            Read stripped = read(without(family));
            List<DecodedMessage> bySpec = messagesOf(described, family);
            List<DecodedMessage> byPolicy = messagesOf(stripped, family);
            assertEquals(bySpec.size(), byPolicy.size());
            int[] compared = {0};
            for (int i = 0; i < bySpec.size(); i++) {
                assertNull(byPolicy.get(i).genl().cmdName());
                compare(family, bySpec.get(i).attributes(), byPolicy.get(i).attributes(), compared);
            }
            assertTrue(compared[0] >= 5, family + ": only " + compared[0] + " values compared");
        }
    }

    private static void compare(String family, List<Field> spec, List<Field> policy, int[] compared) {
        assertEquals(spec.size(), policy.size(), family);
        for (int i = 0; i < spec.size(); i++) {
            Field s = spec.get(i);
            Field p = policy.get(i);
            assertEquals(s.type(), p.type());
            if (p.valueName() == null && !(p.display() != null && p.display().contains(PolicyAttributes.SOURCE))) {
                continue;   // the policy does not list it (a reply's own attribute): raw
            }
            if (p.nested() && s.nested()) {
                compare(family, s.children(), p.children(), compared);
            } else if (p.value() instanceof Long v && s.value() instanceof Long specValue && !specValue.equals(v)) {
                // a policy knows no byte order: a big-endian u32 (an IPv4 address) reads in host order
                int bits = 8 * (p.length() - 4);
                assertEquals((long) specValue, Long.reverseBytes(v) >>> (64 - bits), family + " " + s.name() + " byte-swapped");
                compared[0]++;
            } else if (p.value() instanceof Number || p.value() instanceof String && !(s.value() instanceof Boolean)) {
                assertEquals(String.valueOf(s.value()), String.valueOf(p.value()), family + " " + s.name());
                compared[0]++;
            }
        }
    }

    @Test
    void tsharkReadsTheFileWithItsSnapshotBlocks() throws Exception {
        Assumptions.assumeTrue(run("tshark", "--version").exit == 0, "tshark is not installed");
        Run r = run("tshark", "-r", CAPTURE.toString(), "-T", "fields", "-e", "frame.protocols");
        assertEquals(0, r.exit, r.err);
        assertEquals("", r.err.lines().filter(l -> !l.contains("Running as user")).filter(l -> !l.contains("dangerous"))
                .reduce("", (a, b) -> a + b), "tshark complains");
        long frames = read(ALL).frames().size();
        // tshark 4.0 also lists each custom block, as a record of "data"
        assertEquals(frames, r.out.lines().filter(l -> l.startsWith("netlink")).count(), r.out);
        Run c = run("capinfos", "-M", "-c", "-T", "-r", CAPTURE.toString());
        assertEquals(0, c.exit, c.err);
        assertTrue(c.out.trim().endsWith("\t" + frames), c.out);
    }

    @Test
    void readNamesWhatADissectorDescribesOverThePolicy() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(out, err, "read", "-V", CAPTURE.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("        TIPC_NLA_MEDIA (5)\n"), "TIPC's TIPC_NLA_MEDIA by its dissector");
        assertFalse(text.contains("per kernel policy"), "every family of the capture has a dissector");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (java.io.IOException e) {
            return new Run(-1, "", e.getMessage());
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
