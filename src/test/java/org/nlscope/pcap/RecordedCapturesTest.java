package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.Frame;

/**
 * Every real capture recorded in the nlmon VM reads to its end, frame for frame as tshark
 * sees it, and survives a round trip through both formats.
 */
class RecordedCapturesTest {

    @TempDir
    Path tmp;

    static List<Path> recordedCaptures() throws Exception {
        URL dir = RecordedCapturesTest.class.getClassLoader().getResource("captures");
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(Path.of(dir.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedCaptureReads() throws Exception {
        List<Path> captures = recordedCaptures();
        Assumptions.assumeFalse(captures.isEmpty(), "no captures under src/test/resources/captures yet");
        return captures.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            List<Frame> frames;
            long skipped;
            try (CaptureReader r = CaptureReader.open(file)) {
                frames = Captures.readAll(r);
                skipped = r.skippedFrames();
            }
            assertFalse(frames.isEmpty(), "netlink frames in " + file);
            if (TsharkInteropTest.tsharkPresent()) {
                assertTsharkAgrees(file, frames, skipped);
            }
            assertRoundTrips(frames);
        }));
    }

    /** Real frames through pcapng and back to pcap: bytes and nanoseconds unchanged. */
    private void assertRoundTrips(List<Frame> frames) throws Exception {
        Path ng = Files.createTempFile(tmp, "round", ".pcapng");
        Path pcap = Files.createTempFile(tmp, "round", ".pcap");
        write(ng, CaptureFormat.PCAPNG, frames);
        List<Frame> viaNg = read(ng);
        CaptureWriterTest.assertSameFrames(frames, viaNg, true);
        write(pcap, CaptureFormat.PCAP, viaNg);
        CaptureWriterTest.assertSameFrames(frames, read(pcap), false);
    }

    private static void write(Path file, CaptureFormat format, List<Frame> frames) throws Exception {
        try (CaptureWriter w = CaptureWriter.create(file, format)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
    }

    private static List<Frame> read(Path file) throws Exception {
        try (CaptureReader r = CaptureReader.open(file)) {
            return Captures.readAll(r);
        }
    }

    private static void assertTsharkAgrees(Path file, List<Frame> frames, long skipped) throws Exception {
        TsharkInteropTest.Run run = TsharkInteropTest.run("tshark", "-r", file.toString(), "-T", "fields",
                "-e", "frame.len", "-e", "frame.time_epoch");
        assertEquals(0, run.exit(), run.err());
        // custom blocks show up in tshark as records without a time; frames all have one
        List<String> lines = run.out().lines().filter(l -> !l.endsWith("\t")).toList();
        assertEquals(frames.size() + skipped, lines.size(), "frames tshark lists");
        if (skipped == 0) {
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                String time = String.format("%d.%09d", f.timestampNanos() / 1_000_000_000L, f.timestampNanos() % 1_000_000_000L);
                assertEquals(f.originalLength() + "\t" + time, lines.get(i), "frame " + (i + 1));
            }
        }
    }
}
