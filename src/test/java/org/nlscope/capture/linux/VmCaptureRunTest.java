package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;

/**
 * What a run of scripts/vm-capture-test must show: its files are checked here, on the
 * host, after the VM is gone. Reads the directory named by -Dnlscope.vmCapture (default
 * target/vm-capture); skipped when no run left a manifest there.
 */
class VmCaptureRunTest {

    private Path dir;
    private Map<String, String> manifest;

    @BeforeEach
    void readManifest() throws IOException {
        dir = Path.of(System.getProperty("nlscope.vmCapture", "target/vm-capture"));
        Assumptions.assumeTrue(Files.exists(dir.resolve("manifest")), "no scripts/vm-capture-test run in " + dir);
        manifest = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("manifest"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                manifest.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    /** Every frame of a capture file; fails on any damage. */
    private static List<Frame> frames(Path file) throws CaptureFileException {
        List<Frame> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * A frame as both programs must agree on it: time, packet type, ARPHRD type, family and
     * the messages. The cooked header's address bytes are left out: the address length is 0
     * (asserted), and libpcap copies whatever the ring slot held there.
     */
    private static String key(Frame f) {
        byte[] d = f.data();
        assertTrue(d.length >= 16, "a cooked header");
        assertEquals(0, ((d[4] & 0xff) << 8) | (d[5] & 0xff), "sll_halen");
        byte[] k = Arrays.copyOf(d, d.length);
        Arrays.fill(k, 6, 14, (byte) 0);
        return f.timestampNanos() + " " + HexFormat.of().formatHex(k);
    }

    @Test
    void nlscopeSawEveryFrameTcpdumpSawWithEqualHeaders() throws Exception {
        List<Frame> ours = frames(dir.resolve("nlscope.pcapng"));
        List<Frame> theirs = frames(dir.resolve("tcpdump.pcap"));
        assertTrue(theirs.size() > 50, "tcpdump saw the traffic: " + theirs.size());
        for (Frame f : ours) {
            assertEquals(LinkType.NETLINK, f.linkType());
        }
        // tcpdump started after nlscope and stopped before it: its frames must be a run of ours
        Map<String, Integer> ourKeys = new LinkedHashMap<>();
        for (Frame f : ours) {
            ourKeys.merge(key(f), 1, Integer::sum);
        }
        List<String> missing = new ArrayList<>();
        for (Frame f : theirs) {
            if (ourKeys.merge(key(f), -1, Integer::sum) < 0) {
                missing.add(key(f).substring(0, Math.min(100, key(f).length())));
            }
        }
        assertEquals(List.of(), missing, "frames tcpdump captured that nlscope did not, or with other bytes");
        long from = theirs.get(0).timestampNanos();
        long to = theirs.get(theirs.size() - 1).timestampNanos();
        long oursInWindow = ours.stream().filter(f -> f.timestampNanos() >= from && f.timestampNanos() <= to).count();
        assertEquals(theirs.size(), oursInWindow, "nlscope has no extra frames while both captured");
        System.out.printf("vm-capture-run: nlscope %d frames, tcpdump %d, all of tcpdump's in nlscope's with equal headers%n",
                ours.size(), theirs.size());
    }

    @Test
    void genericNetlinkFamiliesAreNamed() throws Exception {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        Set<String> unnamed = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        try (CaptureReader r = CaptureReader.open(dir.resolve("nlscope.pcapng"))) {
            DecodeContext ctx = DecodeContext.empty();
            Frame f;
            int n = 0;
            while ((f = r.next()) != null) {
                ctx = ctx.withMetadata(r.metadata());
                DecodedFrame df = decoder.decode(f, ++n, ctx);
                for (DecodedMessage m : df.messages()) {
                    if (m.genl() != null) {
                        (m.genl().family() == null ? unnamed : named).add(m.genl().family() == null
                                ? "id " + m.genl().familyId() : m.genl().family());
                    }
                }
                ctx = ContextLearner.learn(ctx, df);
            }
            assertTrue(r.metadata().genlFamilies().size() > 3, "the genl snapshot is stored: " + r.metadata().genlFamilies());
        }
        assertTrue(named.contains("nlctrl"), "genl traffic seen: " + named);
        assertEquals(Set.of(), unnamed, "generic netlink family ids without a name");
    }

    @Test
    void theDeviceNlscopeMadeIsGoneAfterItsCapture() {
        assertEquals("absent", manifest.get("nlmon0_before"), "the run started without nlmon0");
        assertEquals("absent", manifest.get("nlmon0_after_term"), "nlscope removed the nlmon0 it made (SIGTERM)");
        assertEquals("0", manifest.get("nlscope_exit"), "nlscope ended on SIGTERM with its summary and exit 0, as tcpdump");
        assertTrue(manifest.getOrDefault("nlscope_summary", "").matches(".*\\d+ frames, \\d+ messages, 0 dropped by the kernel.*"),
                "the summary: " + manifest.get("nlscope_summary"));
    }

    @Test
    void aCaptureKilledWithSigkillIsReadableUpToItsLastFlushedBlock() throws Exception {
        Path killed = dir.resolve("killed.pcapng");
        assertEquals("137", manifest.get("killed_exit"), "killed with SIGKILL");
        int frames = 0;
        try (CaptureReader r = CaptureReader.open(killed)) {
            while (r.next() != null) {
                frames++;
            }
            assertTrue(r.metadata().genlFamilies().containsValue("nlctrl"), "the snapshot written at start survived");
        } catch (CaptureFileException e) {
            // a kill during a write can cut only the block being written: the damage is at the very end
            assertTrue(e.offset() > Files.size(killed) - (1 << 16), "damage only in the tail: " + e.getMessage());
        }
        assertTrue(frames > 20, "frames flushed before the kill: " + frames);
        System.out.printf("vm-capture-run: SIGKILLed capture holds %d frames in %d bytes%n", frames, Files.size(killed));
    }

    @Test
    void theDeviceASigkilledCaptureLeftIsRemovedByTheNextAndOthersAreNot() {
        Assumptions.assumeTrue(manifest.containsKey("stale_exit"), "this run made no stale-device check");
        assertEquals("present", manifest.get("nlmon0_after_kill"), "SIGKILL leaves the device behind");
        assertTrue(manifest.getOrDefault("killed_alias", "").matches("nlscope pid \\d+ start \\d+"),
                "marked with the process that made it: " + manifest.get("killed_alias"));
        assertTrue(manifest.getOrDefault("stale_said", "").matches("nlscope: removed nlmon0, left by nlscope pid \\d+, which is gone"),
                "the next capture removed it and said so: " + manifest.get("stale_said"));
        assertEquals("present", manifest.get("stale_user_device"), "an nlmon device nlscope did not make is left alone");
        assertEquals("0", manifest.get("stale_exit"));
    }

    @Test
    void captureWithRedactWritesNoKeyAndSaysWhatItRedacted() throws Exception {
        Assumptions.assumeTrue(manifest.containsKey("wg_key"), "this run made no --redact capture");
        Path file = dir.resolve("redacted.pcapng");
        byte[] wgKey = java.util.Base64.getDecoder().decode(manifest.get("wg_key"));
        byte[] xfrmKey = HexFormat.of().parseHex(manifest.get("xfrm_key").substring(2));
        String bytes = HexFormat.of().formatHex(Files.readAllBytes(file));
        assertTrue(!bytes.contains(HexFormat.of().formatHex(wgKey)), "the WireGuard key is in the file");
        assertTrue(!bytes.contains(HexFormat.of().formatHex(xfrmKey)), "the xfrm key is in the file");
        List<String> comments = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        int privateKeys = 0;
        try (CaptureReader r = CaptureReader.open(file)) {
            DecodeContext ctx = DecodeContext.empty();
            Frame f;
            int n = 0;
            while ((f = r.next()) != null) {
                ctx = ctx.withMetadata(r.metadata());
                DecodedFrame df = decoder.decode(f, ++n, ctx);
                ctx = ContextLearner.learn(ctx, df);
                if (f.comment() != null) {
                    comments.add(f.comment());
                }
                for (DecodedMessage m : df.messages()) {
                    var key = m.attribute("WGDEVICE_A_PRIVATE_KEY");
                    if (key != null) {
                        privateKeys++;
                        byte[] payload = Arrays.copyOfRange(f.data(), key.offset() + 4, key.offset() + key.length());
                        assertEquals("00".repeat(32), HexFormat.of().formatHex(payload), "the key is zeros of its length");
                    }
                }
            }
        }
        assertTrue(privateKeys >= 2, "wg set and wg showconf both carried the key: " + privateKeys);
        assertTrue(comments.stream().anyMatch(c -> c.contains("nlscope redacted WGDEVICE_A_PRIVATE_KEY")), comments.toString());
        assertTrue(comments.stream().anyMatch(c -> c.contains("XFRMA_ALG_CRYPT")), comments.toString());
    }

    @Test
    void wiresharkSeesTheGenlSnapshotAsTheFileComment() throws Exception {
        Assumptions.assumeTrue(org.nlscope.pcap.TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        var info = org.nlscope.pcap.TsharkInteropTest.run("capinfos", "-k", dir.resolve("nlscope.pcapng").toString());
        assertTrue(info.out().contains("Generic netlink families at capture start (id name):"), info.out());
        assertTrue(info.out().contains(" 16 nlctrl"), info.out());
    }

    /** The capture onto a full 64 KiB tmpfs: the file holds exactly the frames its one-line error names, and reads to its end. */
    @Test
    void aFullDiskLeavesAFileThatReadsToItsEnd() throws Exception {
        Assumptions.assumeTrue(manifest.containsKey("full_exit"), "a run from before the full-disk step");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*the file keeps its first (\\d+) frames.*")
                .matcher(manifest.getOrDefault("full_error", ""));
        assertTrue(m.matches(), "the error: " + manifest.get("full_error"));
        int frames = 0;
        try (CaptureReader r = CaptureReader.open(dir.resolve("full.pcapng"))) {
            while (r.next() != null) {
                frames++;
            }
        }
        assertEquals(Integer.parseInt(m.group(1)), frames);
        assertTrue(frames > 20, "frames before the disk was full: " + frames);
    }

    /** What the privileged helper streamed to its stdout is a capture of the 20 frames asked for. */
    @Test
    void theCaptureHelperStreamedACapture() throws Exception {
        Assumptions.assumeTrue(manifest.containsKey("helper_exit"), "a run from before the helper step");
        int frames = 0;
        try (CaptureReader r = CaptureReader.open(dir.resolve("helper.pcapng"))) {
            while (r.next() != null) {
                frames++;
            }
        }
        assertEquals(20, frames);
    }
}
