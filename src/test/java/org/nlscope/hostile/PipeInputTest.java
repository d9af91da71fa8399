package org.nlscope.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.cli.Main;
import org.nlscope.pcap.CaptureFormat;

/** Item 1 of issue 12: captures read through pipes and FIFOs, far past one 64 KiB buffer. */
class PipeInputTest {
    private static final int FRAMES = 20_000; // about 1.5 MB

    @TempDir
    Path dir;

    @Test
    void readsAFifoToItsEnd() throws Exception {
        Path file = HostileInputs.write(dir.resolve("big.pcap"), CaptureFormat.PCAP, FRAMES, HostileInputs::link);
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread feeder = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                Files.copy(file, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        feeder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, "read", fifo.toString());
        feeder.join();
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertEquals(FRAMES, out.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aFailingReadIsReportedAsAReadErrorNotAsDamage() throws Exception {
        Path file = HostileInputs.write(dir.resolve("big.pcap"), CaptureFormat.PCAP, FRAMES, HostileInputs::link);
        byte[] bytes = Files.readAllBytes(file);
        java.io.InputStream failing = new java.io.InputStream() {
            int pos;

            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("Input/output error");
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (pos >= 100_000) {
                    throw new java.io.IOException("Input/output error");
                }
                int n = Math.min(len, Math.min(4096, 100_000 - pos));
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        int frames = 0;
        try (org.nlscope.pcap.CaptureReader r = org.nlscope.pcap.CaptureReader.open(failing, "pipe")) {
            while (r.next() != null) {
                frames++;
            }
            throw new AssertionError("no error");
        } catch (org.nlscope.pcap.CaptureFileException e) {
            assertEquals("pipe: cannot read after byte 100000: Input/output error", e.getMessage());
            assertEquals(-1, e.offset());
        }
        assertTrue(frames > 1000, "frames before the failure: " + frames);
    }

    @Test
    void readsDevStdinFromAPipeInAChildProcess() throws Exception {
        Path file = HostileInputs.write(dir.resolve("big.pcapng"), CaptureFormat.PCAPNG, FRAMES, HostileInputs::link);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("bash", "-c", "cat \"$1\" | \"$2\" -cp \"$3\" org.nlscope.cli.Main read /dev/stdin | wc -l",
                "bash", file.toString(), java, System.getProperty("java.class.path"))
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals("", err);
        assertEquals(List.of(String.valueOf(FRAMES)), List.of(out));
    }
}
