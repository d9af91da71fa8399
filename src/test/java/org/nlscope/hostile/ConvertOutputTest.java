package org.nlscope.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.cli.Main;
import org.nlscope.model.Frame;
import org.nlscope.model.Limits;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;

/** Items 3, 7 and 8 of issue 12: convert writes only files its readers accept, fast, and nothing when it fails. */
class ConvertOutputTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<String> entries(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void longCommentsConvertInLinearTimeCutAtACharacterBoundary() throws Exception {
        Path in = HostileInputs.write(dir.resolve("comments.pcapng"), CaptureFormat.PCAPNG, 16,
                i -> HostileInputs.commented(i, 65_000));
        // each comment 65,000 bytes of 2-byte characters; one of 200,000 must be cut below 65,535 whole
        Path longer = HostileInputs.write(dir.resolve("longer.pcapng"), CaptureFormat.PCAPNG, 16,
                i -> HostileInputs.commented(i, 200_000));
        for (Path p : List.of(in, longer)) {
            Path out = dir.resolve("out-" + p.getFileName());
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("convert", p.toString(), out.toString()));
            assertEquals(0, r.code, r.err);
            try (CaptureReader reader = CaptureReader.open(out)) {
                Frame f = reader.next();
                int expectedChars = p == in ? 32_500 : Limits.MAX_OPTION_BYTES / 2;
                assertEquals("é".repeat(expectedChars), f.comment());
            }
        }
    }

    @Test
    void aFrameAtTheSizeLimitConvertsToAPcapngThatReadAccepts() throws Exception {
        Frame big = HostileInputs.noops((Limits.MAX_RECORD_BYTES - 16) / 16);
        assertEquals(Limits.MAX_RECORD_BYTES, big.capturedLength());
        Path in = HostileInputs.write(dir.resolve("big.pcap"), CaptureFormat.PCAP, Limits.MAX_RECORD_BYTES, 1, i -> big);
        Path out = dir.resolve("big.pcapng");
        Run c = run("convert", in.toString(), out.toString());
        assertEquals(0, c.code, c.err);
        try (CaptureReader reader = CaptureReader.open(out)) {
            assertEquals(Limits.MAX_RECORD_BYTES, reader.next().capturedLength());
        }
        Run stats = run("stats", out.toString());
        assertEquals(0, stats.code, stats.err);
    }

    @Test
    void pcapOutputDeclaresASnaplenEveryRecordFitsSoTcpdumpAndTsharkReadIt() throws Exception {
        Frame big = HostileInputs.noops(300_000 / 16);
        Path in = HostileInputs.write(dir.resolve("mixed.pcapng"), CaptureFormat.PCAPNG, 3,
                i -> i == 1 ? big : HostileInputs.link(i));
        Path out = dir.resolve("mixed.pcap");
        Run c = run("convert", in.toString(), out.toString());
        assertEquals(0, c.code, c.err);
        assertTrue(c.err.contains("1 frames longer than 262144 bytes were cut to the pcap snaplen"), c.err);
        Run read = run("read", out.toString());
        assertEquals(0, read.code, read.err);
        assertTrue(read.out.contains("frame truncated by the capture: 262144 of 300016 bytes"), read.out);
        for (String[] tool : List.of(new String[] {"tcpdump", "-r"}, new String[] {"tshark", "-r"})) {
            if (!onPath(tool[0])) {
                continue;
            }
            Process p = new ProcessBuilder(tool[0], tool[1], out.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), tool[0] + ": " + text);
            assertFalse(text.contains("bigger than"), text);
        }
    }

    @Test
    void cannotCreateSaysWhy() throws Exception {
        Path in = HostileInputs.write(dir.resolve("a.pcapng"), CaptureFormat.PCAPNG, 3, HostileInputs::link);
        Run noDir = run("convert", in.toString(), dir.resolve("missing/out.pcap").toString());
        assertEquals(2, noDir.code);
        assertEquals("nlscope: " + dir.resolve("missing/out.pcap") + ": cannot create: no such directory\n", noDir.err);
        Run notDir = run("convert", in.toString(), in.resolve("out.pcap").toString());
        assertEquals("nlscope: " + in.resolve("out.pcap") + ": cannot create: not a directory\n", notDir.err);
        Run isDir = run("convert", in.toString(), dir.toString());
        assertEquals("nlscope: " + dir + ": cannot create: is a directory\n", isDir.err);
    }

    @Test
    void aDamagedInputKeepsTheFramesBeforeItAndNoTemporaryFile() throws Exception {
        Path in = HostileInputs.write(dir.resolve("a.pcap"), CaptureFormat.PCAP, 10, HostileInputs::link);
        byte[] b = Files.readAllBytes(in);
        Files.write(in, java.util.Arrays.copyOf(b, b.length - 10));
        Path out = dir.resolve("b.pcapng");
        Run r = run("convert", in.toString(), out.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("(the 9 frames before it are in " + out + ")"), r.err);
        assertEquals(List.of("a.pcap", "b.pcapng"), entries(dir));
    }

    @Test
    void aFullDiskOrReadOnlyFilesystemLeavesNoOutputBehind() throws Exception {
        Path in = HostileInputs.write(dir.resolve("a.pcapng"), CaptureFormat.PCAPNG, 20_000, HostileInputs::link);
        Path small = Files.createDirectory(dir.resolve("small"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString()) == 0, "no tmpfs mount here");
        try {
            Run full = run("convert", in.toString(), small.resolve("out.pcapng").toString());
            assertEquals(2, full.code);
            assertTrue(full.err.contains("cannot write: No space left on device"), full.err);
            assertEquals(List.of(), entries(small), "no partial output");
            assertEquals(0, sh("mount", "-o", "remount,ro", small.toString()));
            Run ro = run("convert", in.toString(), small.resolve("out.pcapng").toString());
            assertEquals("nlscope: " + small.resolve("out.pcapng") + ": cannot create: read-only file system\n", ro.err);
        } finally {
            sh("umount", small.toString());
        }
    }

    private static int sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
