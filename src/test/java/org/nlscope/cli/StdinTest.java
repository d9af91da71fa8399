package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;

/**
 * {@code -} as the file reads standard input: real captures through a real pipe (the stdout
 * of {@code cat}), the same output as reading the file itself.
 */
class StdinTest {

    @TempDir
    Path dir;

    /** nlscope with its stdin the read end of a pipe that {@code cat FILE} writes into. */
    static MainTest.Run throughPipe(Path file, String... args) throws IOException, InterruptedException {
        Process cat = new ProcessBuilder("cat", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (InputStream pipe = cat.getInputStream()) {
            code = Main.run(pipe, out, err, args);
        }
        assertEquals(0, cat.waitFor());
        return new MainTest.Run(code, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void readFromAPipeAsFromTheFile() throws Exception {
        // multipart is 190 KiB: many pipe buffers' worth, records crossing every 64 KiB boundary
        for (String name : new String[] {"multipart.pcapng", "tc.pcapng", "basic.pcap"}) {
            Path file = GoldenTest.CAPTURES.resolve(name);
            MainTest.Run piped = throughPipe(file, "read", "-V", "-");
            MainTest.Run direct = MainTest.run("read", "-V", file.toString());
            assertEquals(0, piped.code(), piped.err());
            assertEquals("", piped.err());
            assertEquals(direct.out(), new String(piped.out().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                    name);
        }
        assertTrue(Files.size(GoldenTest.CAPTURES.resolve("multipart.pcapng")) > 64 * 1024);
    }

    @Test
    void statsFromAPipe() throws Exception {
        Path file = GoldenTest.CAPTURES.resolve("links.pcapng");
        MainTest.Run piped = throughPipe(file, "stats", "-");
        MainTest.Run direct = MainTest.run("stats", file.toString());
        assertEquals(0, piped.code(), piped.err());
        assertTrue(piped.out().startsWith("standard input: 152 frames"), piped.out());
        assertEquals(direct.out().substring(direct.out().indexOf(':')), piped.out().substring(piped.out().indexOf(':')));
    }

    @Test
    void convertFromAPipeToAFileAndToStdout() throws Exception {
        Path file = GoldenTest.CAPTURES.resolve("multipart.pcapng");
        Path copy = dir.resolve("copy.pcap");
        MainTest.Run toFile = throughPipe(file, "convert", "-", copy.toString());
        assertEquals(0, toFile.code(), toFile.err());
        assertEquals(frames(file), frames(copy));

        MainTest.Run toStdout = throughPipe(file, "convert", "-", "-");
        assertEquals(0, toStdout.code(), toStdout.err());
        Path streamed = dir.resolve("streamed.pcapng");
        Files.write(streamed, toStdout.out().getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(frames(file), frames(streamed));
    }

    @Test
    void damageOnStdinIsNamedAsStandardInput() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a capture at all\n");
        throughPipe(notes, "read", "-").failedWithOneLine(2, "standard input: ");
    }

    /** Each frame's timestamp and bytes, in hex. */
    private static List<String> frames(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                out.add(f.timestampNanos() + " " + HexFormat.of().formatHex(f.data()));
            }
        }
        assertTrue(out.size() > 10);
        return out;
    }
}
