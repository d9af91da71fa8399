package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.EngineDecoding;

/** gui -: frames streamed through a real pipe arrive in the live session as they come. */
class StdinCaptureTest {

    private static final Path CAPTURES = Path.of("src/test/resources/captures");

    @TempDir
    Path autosave;

    private static int frames(Path file) throws Exception {
        int n = 0;
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                n++;
            }
        }
        return n;
    }

    @Test
    void framesFromAPipeFillTheLiveSessionUntilTheStreamEnds() throws Exception {
        Path file = CAPTURES.resolve("multipart.pcapng"); // 190 KiB: many pipe buffers
        Process cat = new ProcessBuilder("cat", file.toString()).start();
        CompletableFuture<String> ended = new CompletableFuture<>();
        try (InputStream pipe = cat.getInputStream();
             CaptureSession live = CaptureSession.live(EngineDecoding.load(List.of()), autosave)) {
            CaptureLauncher.Running running = new StdinCapture(pipe).start(CaptureRequest.everything(), live, ended::complete);
            String why = ended.get(30, TimeUnit.SECONDS);
            assertEquals("standard input ended after " + frames(file) + " frames", why);
            assertEquals(frames(file), live.store().frameCount());
            assertTrue(running.how().contains("standard input"));
            // the rows decode as in a file: the Info column has the summaries
            assertTrue(live.store().rows(0, live.store().size()).stream().anyMatch(r -> r.info().contains("RTM_NEWLINK")));
        }
        assertEquals(0, cat.waitFor());
        assertNull(new StdinCapture(InputStream.nullInputStream()).check());
    }

    @Test
    void aStreamThatIsNoCaptureCannotStart() throws Exception {
        try (CaptureSession live = CaptureSession.live(EngineDecoding.load(List.of()), autosave)) {
            InputStream notes = new java.io.ByteArrayInputStream("not a capture\n".getBytes(StandardCharsets.US_ASCII));
            CaptureException e = assertThrows(CaptureException.class, () -> new StdinCapture(notes).start(CaptureRequest.everything(), live, why -> { }));
            assertTrue(e.getMessage().contains("standard input: not a pcap or pcapng file"), e.getMessage());
        }
    }
}
