package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.Frame;
import org.nlscope.model.ProcessInfo;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.pcap.TsharkInteropTest;

/**
 * The packet and section comments {@code capture -w} writes, on the real frames of
 * genl.pcapng, read back by tshark as Wireshark shows them.
 */
class CaptureCommentsTest {

    @TempDir
    Path dir;

    /** genl.pcapng's frames, with the port ids its replies carry. */
    static List<Frame> frames() throws Exception {
        List<Frame> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(Path.of("src/test/resources/captures/genl.pcapng"))) {
            Frame f;
            while ((f = r.next()) != null) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void framesOfAKnownPortNameItsProcessAndOthersStayAsTheyAre() throws Exception {
        List<Frame> frames = frames();
        // frame 2 is nlctrl's dump reply to `genl ctrl list`, to port 544
        Frame reply = frames.get(1);
        Map<Long, ProcessInfo> owners = Map.of(544L, new ProcessInfo(544, 544, "genl", false));
        assertEquals("pid 544 (genl)", CaptureComments.withProcesses(reply, owners).comment());
        // a request carries port 0: nothing to say
        assertSame(frames.get(0), CaptureComments.withProcesses(frames.get(0), owners));
        assertSame(reply, CaptureComments.withProcesses(reply, Map.of()));
        assertEquals("x; pid 544 (genl)", CaptureComments.withProcesses(reply.withComment("x"), owners).comment());
    }

    @Test
    void genlSnapshotIsOneLinePerFamily() {
        assertEquals("Generic netlink families at capture start (id name):\n  16 nlctrl\n  21 wireguard\n",
                CaptureComments.genlFamilies(Map.of(21, "wireguard", 16, "nlctrl")));
        assertNull(CaptureComments.genlFamilies(Map.of()));
    }

    @Test
    void tsharkShowsThePacketAndSectionComments() throws Exception {
        Assumptions.assumeTrue(TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        List<Frame> frames = frames();
        Map<Long, ProcessInfo> owners = Map.of(544L, new ProcessInfo(544, 544, "genl", false));
        Path out = dir.resolve("commented.pcapng");
        try (CaptureWriter w = CaptureWriter.create(out, CaptureFormat.PCAPNG, "nlmon0",
                List.of(CaptureComments.genlFamilies(Map.of(16, "nlctrl", 21, "wireguard"))))) {
            for (Frame f : frames) {
                w.write(CaptureComments.withProcesses(f, owners));
            }
        }
        var fields = TsharkInteropTest.run("tshark", "-r", out.toString(), "-T", "fields", "-e", "frame.number",
                "-e", "frame.comment");
        assertEquals(0, fields.exit(), fields.err());
        assertEquals(frames.size(), fields.out().lines().count());
        assertTrue(fields.out().lines().anyMatch("2\tpid 544 (genl)"::equals), fields.out());
        var info = TsharkInteropTest.run("capinfos", "-k", out.toString());
        assertTrue(info.out().contains("Generic netlink families at capture start (id name):"), info.out());
        assertTrue(info.out().contains("21 wireguard"), info.out());
    }
}
