package org.nlscope.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Field;
import org.nlscope.model.Limits;
import org.nlscope.pcap.CaptureFormat;

/** Item 4 of issue 12: one frame costs bounded memory by construction, and out of memory is one line and exit 2. */
class BoundedMemoryTest {
    @TempDir
    Path dir;

    record Child(int code, String err) {
    }

    /** Runs nlscope in a JVM of this heap, stdout into a file. */
    private Child nlscope(String heap, Path stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "org.nlscope.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        return new Child(p.exitValue(), err);
    }

    private Path millionNoops() throws Exception {
        int n = (Limits.MAX_RECORD_BYTES - 16) / 16; // one frame at the size limit: 1,048,575 NLMSG_NOOPs
        return HostileInputs.write(dir.resolve("noops.pcapng"), CaptureFormat.PCAPNG, 1, i -> HostileInputs.noops(n));
    }

    @Test
    void readVerboseOfAMillionNoopsRunsInABoundedHeap() throws Exception {
        Path file = millionNoops();
        Path out = dir.resolve("out.txt");
        // was 2.26 GB at peak; the 16 MiB frame itself is read into memory a few times over
        Child c = nlscope("256m", out, "read", "-V", file.toString());
        assertEquals("", c.err);
        assertEquals(0, c.code);
        String last = lastLines(out, 3);
        assertTrue(last.contains("Problem: " + (Limits.MAX_RECORD_BYTES - 16 - 16 * Limits.MAX_MESSAGES_PER_FRAME)
                + " bytes at offset " + (16 + 16 * Limits.MAX_MESSAGES_PER_FRAME) + " not decoded: at most "
                + Limits.MAX_MESSAGES_PER_FRAME + " messages are decoded per frame"), last);
    }

    @Test
    void outOfMemoryIsOneLineNamingTheLimitAndExit2() throws Exception {
        Path file = millionNoops();
        Child c = nlscope("20m", dir.resolve("out.txt"), "read", "-V", file.toString());
        assertEquals(2, c.code, c.err);
        assertEquals(1, c.err.lines().count(), c.err);
        assertTrue(c.err.matches("nlscope: out of memory: the Java heap limit is \\d+ MiB; raise it with "
                + "NLSCOPE_JAVA_OPTS=-Xmx1g \\(scripts/nlscope passes it to java\\)\\n"), c.err);
    }

    @Test
    void anyErrorIsOneLineAndExit2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(err, true, StandardCharsets.UTF_8);
        assertEquals(2, org.nlscope.cli.ErrorsAccess.fatal(new StackOverflowError(), w));
        assertEquals(2, org.nlscope.cli.ErrorsAccess.fatal(new NoClassDefFoundError("org/x/Y"), w));
        assertEquals("nlscope: internal error: stack overflow (please report it with the input)\n"
                + "nlscope: internal error: java.lang.NoClassDefFoundError: org/x/Y\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void attributesPerFrameAreCappedWithAProblem() {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        DecodedFrame df = decoder.decode(HostileInputs.manyAttributes(Limits.MAX_ATTRIBUTES_PER_FRAME + 1000), 1,
                DecodeContext.empty());
        List<Field> attrs = df.messages().get(0).attributes();
        assertEquals(Limits.MAX_ATTRIBUTES_PER_FRAME, attrs.size());
        String problems = String.join("; ", df.messages().get(0).problems());
        assertTrue(problems.contains("not decoded: at most " + Limits.MAX_ATTRIBUTES_PER_FRAME + " are decoded per frame"),
                problems);
        // the budget is per frame: the next frame decodes in full
        DecodedFrame next = decoder.decode(HostileInputs.manyAttributes(10), 2, DecodeContext.empty());
        assertEquals(10, next.messages().get(0).attributes().size());
        assertFalse(String.join(";", next.messages().get(0).problems()).contains("not decoded"));
    }

    private static String lastLines(Path file, int n) throws Exception {
        List<String> tail = new ArrayList<>();
        try (var lines = Files.lines(file)) {
            lines.forEach(l -> {
                tail.add(l);
                if (tail.size() > n) {
                    tail.remove(0);
                }
            });
        }
        return String.join("\n", tail);
    }
}
