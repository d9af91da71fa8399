package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Big files stream through a small heap; a writer killed mid-block leaves a readable file. */
class StreamingCaptureTest {

    private static final int FRAMES = 100_000;
    private static final int FRAME_SIZE = 2_400;

    @TempDir
    Path dir;

    private static String runToEnd(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** 240 MB through a 32 MB heap: the reader holds one block at a time. */
    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void a240MegabyteFileReadsThroughASmallHeap(CaptureFormat format) throws Exception {
        Path file = dir.resolve("big." + format.name().toLowerCase());
        LargeCapture.generate(file, format, FRAMES, FRAME_SIZE);
        assertTrue(Files.size(file) > 240_000_000L, "size " + Files.size(file));
        String out = runToEnd(LargeCapture.childJvm("32m", CaptureCount.class, file.toString()));
        assertEquals(FRAMES + " " + (long) FRAMES * FRAME_SIZE + " " + (FRAMES - 1), out);
        Files.delete(file);
    }

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void aWriterKilledMidWriteLeavesEveryFlushedFrameReadable(CaptureFormat format) throws Exception {
        Path file = dir.resolve("killed." + format.name().toLowerCase());
        Process writer = LargeCapture.childJvm("64m", KillableWriter.class, file.toString()).start();
        long flushed = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (flushed < 5_000 && (line = lines.readLine()) != null) {
                flushed = Long.parseLong(line.substring("flushed ".length()));
            }
            writer.destroyForcibly(); // SIGKILL: no close, no final flush
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(flushed >= 5_000, "writer got going");
        String[] out = runToEnd(LargeCapture.childJvm("64m", CaptureCount.class, file.toString())).split(" ", 4);
        long frames = Long.parseLong(out[0]);
        assertTrue(frames >= flushed, frames + " frames read, " + flushed + " were flushed");
        assertEquals(frames - 1, Long.parseLong(out[2]), "frames in order, none missing");
        if (out.length == 4) {
            // the kill may fall mid-block: then exactly that block is reported, after all the others
            assertTrue(out[3].startsWith("error: ") && out[3].contains("truncated"), out[3]);
        }
    }
}
