package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.model.ProcessInfo;

/** Wireshark's tshark, an independent reader and writer, agrees with ours on every frame. */
public class TsharkInteropTest {

    @TempDir
    Path dir;

    /** What a command printed and how it ended. */
    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        // read both streams while it runs, so a full pipe cannot stall it
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.complete("(stderr unreadable: " + e + ")");
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        t.join();
        return new Run(p.exitValue(), out, err.join());
    }

    public static boolean tsharkPresent() {
        try {
            return run("tshark", "--version").exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @BeforeAll
    static void needsTshark() {
        Assumptions.assumeTrue(tsharkPresent(), "tshark is not installed");
    }

    private static List<Frame> frames() {
        List<Frame> frames = new ArrayList<>(CaptureWriterTest.sampleFrames());
        // nanoseconds that microseconds would lose, and a time past 2038
        byte[] data = CaptureBytes.netlinkFrame(4, 16, 24, 99);
        frames.add(new Frame(4_102_444_800_000_000_007L, LinkType.NETLINK, data, data.length, 4, null));
        return frames;
    }

    /** tshark's stderr without the warning it always gives root. */
    private static String complaints(String stderr) {
        return stderr.replaceAll("(?m)^Running as user \"root\".*\n?", "");
    }

    private static String epoch(long nanos) {
        return String.format("%d.%09d", nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    private static void assertTsharkSees(Path file, List<Frame> frames) throws Exception {
        assertTsharkSees(file, frames, 0);
    }

    /**
     * tshark 4.0 lists a pcapng custom block as a record of its own, with a length and no
     * time: the metadata blocks, which our writer puts first and last here.
     */
    private static void assertTsharkSees(Path file, List<Frame> frames, int metadataBlocks) throws Exception {
        Run r = run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.len", "-e", "frame.time_epoch");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", complaints(r.err()), "tshark complains");
        List<String> all = List.of(r.out().split("\n"));
        assertEquals(frames.size() + metadataBlocks, all.size(), r.out());
        if (metadataBlocks > 0) {
            assertTrue(all.get(0).matches("\\d+\t"), all.get(0));
            assertTrue(all.get(all.size() - 1).matches("\\d+\t"), all.get(all.size() - 1));
            all = all.subList(1, all.size() - 1);
        }
        String[] lines = all.toArray(String[]::new);
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            assertEquals(f.originalLength() + "\t" + epoch(f.timestampNanos()), lines[i], "frame " + (i + 1));
        }
    }

    @Test
    void tsharkReadsOurPcapngWithMetadataCommentsAndInterfaces() throws Exception {
        List<Frame> frames = frames();
        byte[] sll = CaptureBytes.sllFrame(0, 824, 0);
        frames.add(new Frame(1_795_340_299_000_000_001L, LinkType.LINUX_SLL, sll, sll.length, 0, "on the second interface"));
        Path file = dir.resolve("ours.pcapng");
        try (CaptureWriter w = CaptureWriter.create(file, CaptureFormat.PCAPNG, "nlmon7")) {
            w.writeMetadata(new CaptureMetadata(Map.of(16, "nlctrl", 28, "nl80211"),
                    Map.of(812L, new ProcessInfo(812, 812, "iw", false)), CaptureStats.NONE));
            for (Frame f : frames) {
                w.write(f);
            }
            w.writeMetadata(CaptureMetadata.EMPTY.withStats(new CaptureStats(52, 0, 0)));
        }
        assertTsharkSees(file, frames, 2);

        Run r = run("tshark", "-r", file.toString(), "-T", "fields", "-E", "occurrence=f",
                "-e", "frame.interface_name", "-e", "frame.comment");
        assertEquals("", complaints(r.err()));
        String[] lines = r.out().split("\n");
        for (int i = 0; i < frames.size(); i++) {
            String comment = frames.get(i).comment();
            assertEquals("nlmon7\t" + (comment == null ? "" : comment), lines[i + 1], "frame " + (i + 1));
        }
    }

    @Test
    void tsharkReadsOurPcap() throws Exception {
        Path file = dir.resolve("ours.pcap");
        List<Frame> frames = frames();
        try (CaptureWriter w = CaptureWriter.create(file, CaptureFormat.PCAP)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
        assertTsharkSees(file, frames);
    }

    @Test
    void weReadWhatTsharkWrites() throws Exception {
        List<Frame> frames = frames();
        Path ours = dir.resolve("ours.pcapng");
        try (CaptureWriter w = CaptureWriter.create(ours, CaptureFormat.PCAPNG)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
        for (String format : List.of("pcapng", "nsecpcap")) {
            Path theirs = dir.resolve("theirs." + format);
            Run r = run("tshark", "-r", ours.toString(), "-F", format, "-w", theirs.toString());
            assertEquals(0, r.exit(), r.err());
            try (CaptureReader reader = CaptureReader.open(theirs)) {
                CaptureWriterTest.assertSameFrames(frames, Captures.readAll(reader), format.equals("pcapng"));
            }
            Files.delete(theirs);
        }
    }

    @Test
    void weStreamWhatTsharkWritesToItsStdout() throws Exception {
        List<Frame> frames = frames();
        Path ours = dir.resolve("ours.pcap");
        try (CaptureWriter w = CaptureWriter.create(ours, CaptureFormat.PCAP)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
        Process tshark = new ProcessBuilder("tshark", "-r", ours.toString(), "-F", "pcapng", "-w", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (CaptureReader reader = CaptureReader.open(tshark.getInputStream(), "tshark stdout")) {
            assertEquals(CaptureFormat.PCAPNG, reader.format());
            CaptureWriterTest.assertSameFrames(frames, Captures.readAll(reader), false);
        } finally {
            assertTrue(tshark.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(0, tshark.exitValue());
    }
}
