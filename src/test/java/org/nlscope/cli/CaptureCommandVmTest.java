package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;

/**
 * {@code nlscope capture} as a real process on a kernel with nlmon: killed with SIGKILL it
 * leaves a readable pcapng, and SIGTERM or SIGINT end it cleanly with the device removed.
 * Runs only in the nlmon VM (scripts/nlmon-vm); skipped elsewhere.
 */
class CaptureCommandVmTest {

    private Path dir;

    @BeforeEach
    void needsNlmon() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/sys/module/nlmon")) && "root".equals(System.getProperty("user.name")),
                "needs root and a kernel with nlmon (run it in scripts/nlmon-vm)");
        Assumptions.assumeFalse(linkExists("nlmon0"), "nlmon0 exists already");
        dir = Files.createTempDirectory("nlscope-cli-vm");
    }

    private static boolean linkExists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    private static Process nlscope(Path stdout, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.nlscope.cli.Main", "capture"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).start();
    }

    /** Reads stderr until nlscope says it captures. */
    private static BufferedReader awaitCapturing(Process p) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String line = err.readLine();
        assertNotNull(line, "nlscope ended before capturing");
        assertTrue(line.startsWith("nlscope: capturing on nlmon0"), line);
        return err;
    }

    private static void traffic(int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            Process p = new ProcessBuilder("sh", "-c", "ip link show; ip addr show; genl ctrl list")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void aCaptureKilledWithSigkillLeavesAPcapngReadableUpToItsLastFlushedBlock() throws Exception {
        Path file = dir.resolve("killed.pcapng");
        Process p = nlscope(dir.resolve("out.txt"), "-w", file.toString(), "-q");
        try {
            awaitCapturing(p);
            traffic(5);
            Thread.sleep(500);   // the ring's block timeout hands the last frames over and they are flushed
            long size = Files.size(file);
            assertTrue(size > 1000, "frames were flushed while capturing: " + size);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed by SIGKILL");
        } finally {
            p.destroyForcibly();
            new ProcessBuilder("ip", "link", "del", "nlmon0").start().waitFor();   // SIGKILL leaves it behind
        }
        int frames = 0;
        CaptureMetadata metadata;
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                assertEquals(253, f.linkType());
                frames++;
            }
            metadata = r.metadata();
        } catch (CaptureFileException e) {
            throw new AssertionError("the killed capture is not readable: " + e.getMessage(), e);
        }
        assertTrue(frames > 20, "frames read: " + frames);
        assertEquals("nlctrl", metadata.genlFamilies().get(0x10), "the genl snapshot written at start is there");
        System.out.println("vm-cli: SIGKILLed capture readable, " + frames + " frames, " + Files.size(file) + " bytes");
    }

    @Test
    void sigtermAndSigintEndTheCaptureWithItsSummaryAndRemoveTheDevice() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path file = dir.resolve(signal + ".pcapng");
            Path out = dir.resolve(signal + ".txt");
            Process p = nlscope(out, "-w", file.toString());
            BufferedReader err = awaitCapturing(p);
            assertTrue(linkExists("nlmon0"));
            traffic(1);
            Thread.sleep(300);
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ended on SIG" + signal);
            assertEquals(0, p.exitValue(), "SIG" + signal + " ends a capture as tcpdump's: exit 0");
            List<String> rest = err.lines().toList();
            assertEquals(1, rest.size(), "only the summary after 'capturing on': " + rest);
            assertFalse(linkExists("nlmon0"), "nlmon0 removed after SIG" + signal);
            List<String> lines = Files.readAllLines(out);
            String summary = rest.get(0);
            assertTrue(summary.matches("\\d+ frames, \\d+ messages, 0 dropped by the kernel"), summary);
            assertTrue(lines.size() > 10, "the live decode was printed");
            try (CaptureReader r = CaptureReader.open(file)) {
                int n = 0;
                while (r.next() != null) {
                    n++;
                }
                assertEquals(Long.parseLong(summary.split(" ")[0]), n, "the file holds every frame counted");
                assertTrue(r.metadata().stats().packets() >= n, "final stats stored: " + r.metadata().stats());
            }
        }
    }

    @Test
    void countStopsTheCaptureStdoutCarriesPcapngAndFamilyFiltersInTheKernel() throws Exception {
        Path file = dir.resolve("stdout.pcapng");
        Process p = nlscope(file, "-w", "-", "-c", "5", "--family", "generic");
        BufferedReader err = awaitCapturing(p);
        traffic(2);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String summary = err.readLine();
        assertTrue(summary.startsWith("5 frames, "), summary);
        assertFalse(linkExists("nlmon0"));
        try (CaptureReader r = CaptureReader.open(file)) {
            int n = 0;
            Frame f;
            while ((f = r.next()) != null) {
                n++;
                assertEquals(16, ((f.data()[14] & 0xff) << 8) | (f.data()[15] & 0xff), "only NETLINK_GENERIC kept");
            }
            assertEquals(5, n);
        }
    }
}
