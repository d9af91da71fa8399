package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.FrameSink;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/**
 * nlscope's capture beside tcpdump on one real nlmon device, while real tools make
 * traffic. Runs only on a kernel with nlmon: in the VM (scripts/nlmon-vm), where
 * {@code mvn -o surefire:test -Dtest=NlmonCaptureVmTest} runs it; skipped elsewhere.
 */
class NlmonCaptureVmTest {

    private static boolean nlmonAvailable() {
        return Files.exists(Path.of("/sys/module/nlmon")) && "root".equals(System.getProperty("user.name"));
    }

    /** A classic pcap record as tcpdump wrote it. */
    record PcapRecord(long timestampNanos, byte[] data) {
        /**
         * Time and bytes, except the cooked header's 8 address bytes: with an address length
         * of 0 (asserted) they mean nothing, and libpcap copies whatever the ring slot held.
         */
        String key() {
            assertEquals(0, (data[4] << 8) | data[5], "sll_halen");
            byte[] d = data.clone();
            java.util.Arrays.fill(d, 6, 14, (byte) 0);
            return timestampNanos + ":" + java.util.HexFormat.of().formatHex(d);
        }
    }

    /** Reads a classic pcap file (host order, nanosecond or microsecond magic). */
    static List<PcapRecord> readPcap(Path file, int[] linkType) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        boolean nanos = magic == 0xa1b23c4d;
        assertTrue(nanos || magic == 0xa1b2c3d4, "a little-endian pcap file");
        linkType[0] = b.getInt(20);
        List<PcapRecord> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            long sec = b.getInt(pos) & 0xffffffffL;
            long frac = b.getInt(pos + 4) & 0xffffffffL;
            int incl = b.getInt(pos + 8);
            if (pos + 16 + incl > b.limit()) {
                break;   // a record cut by the kill
            }
            byte[] d = new byte[incl];
            b.get(pos + 16, d);
            out.add(new PcapRecord(sec * 1_000_000_000L + (nanos ? frac : frac * 1000), d));
            pos += 16 + incl;
        }
        return out;
    }

    private static void sh(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
    }

    @Test
    void seesTheSameMessagesAsTcpdumpNamesGenlFamiliesAndRemovesItsDevice() throws Exception {
        Assumptions.assumeTrue(nlmonAvailable(), "needs root and a kernel with nlmon (run it in scripts/nlmon-vm)");
        try (NetlinkClient rtnl = NetlinkClient.open(0, "NETLINK_ROUTE")) {
            Assumptions.assumeTrue(NlmonLink.allLinks(rtnl).stream().noneMatch(l -> l.arphrd() == 824),
                    "an nlmon device exists already");
        }
        Path dir = Files.createTempDirectory("nlscope-vm");
        Path tcpdumpFile = dir.resolve("tcpdump.pcap");
        List<Frame> ours = Collections.synchronizedList(new ArrayList<>());
        String device;
        Map<Integer, String> genlSnapshot;
        try (NlmonCapture capture = NlmonCapture.open(CaptureOptions.defaults())) {
            assertTrue(capture.createdDevice(), "nlscope made the device");
            device = capture.interfaceName();
            genlSnapshot = capture.genlFamilies();
            capture.start(new FrameSink() {
                @Override
                public void accept(Frame frame) {
                    ours.add(frame);
                }
            });
            Process tcpdump = new ProcessBuilder("tcpdump", "-i", device, "-U", "-n", "--time-stamp-precision=nano",
                    "-w", tcpdumpFile.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader err = new BufferedReader(new InputStreamReader(tcpdump.getErrorStream()));
            String line;
            while ((line = err.readLine()) != null && !line.contains("listening on")) {
                // wait until tcpdump captures
            }
            sh("ip link add nlsdum0 type dummy && ip addr add 192.0.2.1/24 dev nlsdum0 && ip link set nlsdum0 up"
                    + " && ip link show && ip addr show && ip route show && ip -6 route show"
                    + " && genl ctrl list && ss -A netlink && ip link set nlsdum0 mtu 1400"
                    + " && ip link del nlsdum0 && ip link show");
            Thread.sleep(500);   // both rings hand over their last partly filled blocks (block timeouts 50 ms / 1 s)
            sh("kill -INT " + tcpdump.pid());
            assertTrue(tcpdump.waitFor(30, TimeUnit.SECONDS));
            capture.stop();
            assertTrue(capture.awaitStop(Duration.ofSeconds(10)));
            assertEquals(0, capture.stats().drops(), "no drops");
            // the kernel goes on counting after the reader stopped, never less than delivered
            assertTrue(ours.size() <= capture.stats().packets(), "delivered <= received");
        }
        try (NetlinkClient rtnl = NetlinkClient.open(0, "NETLINK_ROUTE")) {
            assertNull(NlmonLink.byName(rtnl, device), "the device nlscope made is gone");
        }

        int[] linkType = new int[1];
        List<PcapRecord> theirs = readPcap(tcpdumpFile, linkType);
        assertEquals(LinkType.NETLINK, linkType[0]);
        assertTrue(theirs.size() > 50, "tcpdump saw the traffic: " + theirs.size());
        // compare over the time both were capturing
        long from = Math.max(theirs.get(0).timestampNanos(), ours.get(0).timestampNanos());
        long to = Math.min(theirs.get(theirs.size() - 1).timestampNanos(), ours.get(ours.size() - 1).timestampNanos());
        Map<String, Integer> ourKeys = new HashMap<>();
        for (Frame f : ours) {
            if (f.timestampNanos() >= from && f.timestampNanos() <= to) {
                ourKeys.merge(new PcapRecord(f.timestampNanos(), f.data()).key(), 1, Integer::sum);
            }
        }
        int compared = 0;
        List<String> missing = new ArrayList<>();
        for (PcapRecord r : theirs) {
            if (r.timestampNanos() < from || r.timestampNanos() > to) {
                continue;
            }
            compared++;
            if (ourKeys.merge(r.key(), -1, Integer::sum) < 0) {
                missing.add(r.key().substring(0, Math.min(120, r.key().length())));
            }
        }
        ourKeys.values().removeIf(v -> v == 0);
        System.out.printf("vm-capture: tcpdump %d frames, nlscope %d frames, %d compared in the common window%n",
                theirs.size(), ours.size(), compared);
        assertTrue(compared > 50, "enough frames in common: " + compared);
        assertEquals(List.of(), missing, "frames tcpdump saw that nlscope did not (or with other bytes)");
        assertEquals(Map.of(), ourKeys, "frames nlscope saw that tcpdump did not");

        // every generic netlink message decodes with its family named
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        DecodeContext ctx = DecodeContext.empty().withMetadata(
                new org.nlscope.model.CaptureMetadata(genlSnapshot, Map.of(), null));
        int genl = 0;
        Set<String> unnamed = new java.util.TreeSet<>();
        for (int i = 0; i < ours.size(); i++) {
            DecodedFrame df = decoder.decode(ours.get(i), i + 1, ctx);
            ctx = ContextLearner.learn(ctx, df);
            for (DecodedMessage m : df.messages()) {
                if (m.genl() != null) {
                    genl++;
                    if (m.genl().family() == null) {
                        unnamed.add("id " + m.genl().familyId());
                    }
                }
            }
        }
        assertTrue(genl > 0, "genl ctrl list made generic netlink traffic");
        assertEquals(Set.of(), unnamed, "generic netlink families without a name");
        assertFalse(genlSnapshot.isEmpty());
    }
}
