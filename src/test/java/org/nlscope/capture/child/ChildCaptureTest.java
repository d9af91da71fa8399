package org.nlscope.capture.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.capture.linux.HelperPrivileges;
import org.nlscope.capture.FrameSink;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;

/** The privileged child's side, played by real processes that stream a real recorded capture. */
class ChildCaptureTest {

    private static final Path CAPTURE = Path.of("src/test/resources/captures/multipart.pcapng");

    /** Frames as they arrive, and the batch ends between them. */
    private static final class Recorder implements FrameSink {
        final List<Frame> frames = new ArrayList<>();
        int batches;

        @Override
        public synchronized void accept(Frame frame) {
            frames.add(frame);
        }

        @Override
        public synchronized void endOfBatch() {
            batches++;
        }

        synchronized int count() {
            return frames.size();
        }
    }

    private static List<Frame> framesOf(Path file) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void framesOfTheChildsStreamArriveAndStopEndsTheChild() throws Exception {
        List<Frame> expected = framesOf(CAPTURE);
        // a helper that has streamed its frames and goes on capturing until SIGTERM
        ChildCapture child = ChildCapture.start(List.of("sh", "-c", "cat \"$0\"; exec sleep 60", CAPTURE.toString()), "sh");
        Recorder sink = new Recorder();
        child.start(sink);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sink.count() < expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected.size(), sink.count());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(java.util.Arrays.equals(expected.get(i).data(), sink.frames.get(i).data()), "frame " + i);
        }
        assertTrue(sink.batches > 0, "a quiet stream ends a batch, so the session flushes its autosave");
        assertFalse(child.awaitStop(Duration.ofMillis(50)), "the child still runs");
        assertEquals("through sh", child.describe());
        ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow();
        child.close();
        assertFalse(handle.isAlive(), "close stopped the child");
        assertTrue(child.awaitStop(Duration.ofMillis(1)), "a stopped child is no failure");
    }

    @Test
    void closeWaitsWhileAStoppedChildStillSendsWhatItHeld() throws Exception {
        Path capture = Path.of("src/test/resources/captures/genl.pcapng");
        List<Frame> expected = framesOf(capture);
        // the header and a few frames; told to stop, the rest in pieces, for longer than a stop wait,
        // as a helper writes out its backlog after a capture faster than its reader
        String script = "n=$(wc -c < \"$0\"); head -c 3000 \"$0\"; stop=; trap 'stop=1' TERM;"
                + " while [ -z \"$stop\" ]; do sleep 0.05; done; off=3000;"
                + " while [ $off -lt $n ]; do tail -c +$((off + 1)) \"$0\" | head -c 1500; off=$((off + 1500)); sleep 0.2; done";
        Duration stopWait = Duration.ofMillis(700);
        ChildCapture child = ChildCapture.start(List.of("sh", "-c", script, capture.toString()), "sh", stopWait);
        Recorder sink = new Recorder();
        child.start(sink);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sink.count() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long before = System.nanoTime();
        child.close();
        long took = System.nanoTime() - before;
        assertEquals(expected.size(), sink.count(), "every frame the stopped child still sent");
        assertTrue(took > stopWait.toNanos(), "the rest took longer than one stop wait: " + took / 1_000_000 + " ms");
    }

    @Test
    void closeKillsAStoppedChildThatSendsNothingMore() throws Exception {
        ChildCapture child = ChildCapture.start(List.of("sh", "-c", "trap '' TERM; cat \"$0\"; exec sleep 60",
                CAPTURE.toString()), "sh", Duration.ofMillis(500));
        child.start(new Recorder());
        ProcessHandle handle = ProcessHandle.of(child.pid()).orElseThrow();
        long before = System.nanoTime();
        child.close();
        assertFalse(handle.isAlive(), "a child deaf to SIGTERM is killed");
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(5).toNanos(), "once nothing came for a stop wait");
    }

    @Test
    void aChildThatFailsBeforeItsCaptureSaysWhyInItsLastLine() {
        CaptureException e = assertThrows(CaptureException.class, () -> ChildCapture.start(List.of("sh", "-c",
                "echo 'nlscope: capture helper: keeping only CAP_NET_ADMIN' >&2;"
                        + " echo 'nlscope: this kernel has no nlmon support (CONFIG_NLMON)' >&2; exit 2"), "sudo"));
        assertEquals("this kernel has no nlmon support (CONFIG_NLMON)", e.getMessage());
    }

    @Test
    void aChildEndedByASignalSaysSoRatherThanItsLastLine() {
        // a crashing JVM aborts after its last line on stderr, which said nothing of the end
        CaptureException e = assertThrows(CaptureException.class, () -> ChildCapture.start(List.of("sh", "-c",
                "echo 'nlscope: capture helper: keeping only CAP_NET_ADMIN and CAP_NET_RAW' >&2; kill -ABRT $$"), "sudo"));
        assertEquals("the capture started through sudo was ended by signal 6 (SIGABRT: its JVM crashed), exit code 134",
                e.getMessage());
    }

    @Test
    void aChildThatDiesMidCaptureEndsItWithItsReason() throws Exception {
        ChildCapture child = ChildCapture.start(List.of("sh", "-c",
                "cat \"$0\"; echo 'nlscope: capture stopped: ENETDOWN' >&2; exit 2", CAPTURE.toString()), "sudo");
        Recorder sink = new Recorder();
        child.start(sink);
        CaptureException e = assertThrows(CaptureException.class, () -> {
            while (!child.awaitStop(Duration.ofSeconds(30))) {
                Thread.onSpinWait();
            }
        });
        assertEquals("capture stopped: ENETDOWN", e.getMessage());
        assertEquals(framesOf(CAPTURE).size(), sink.count());
        child.close();
    }

    @Test
    void theRequestBecomesTheHelpersOptions() {
        CaptureOptions options = CaptureOptions.defaults().withNetns("blue").withRingMegabytes(64)
                .withFamilies(Set.of(16, 0));
        CaptureRequest request = new CaptureRequest(options, List.of(1234), List.of("NetworkManager", "-odd"));
        assertEquals(List.of("--netns=blue", "--family=0,16", "--ring-mb=64", "--pid=1234",
                "--process=NetworkManager", "--process=-odd"), HelperCommand.arguments(request));
        assertEquals(List.of(), HelperCommand.arguments(CaptureRequest.everything()));
        List<String> command = HelperCommand.of(request);
        assertEquals(List.of("org.nlscope.cli.Main", "capture", "--helper"),
                command.subList(command.indexOf("org.nlscope.cli.Main"), command.indexOf("org.nlscope.cli.Main") + 3));
        // this nlscope's helper is started inside the namespace: it holds no CAP_SYS_ADMIN to enter it
        List<String> before = new ArrayList<>();
        if (Elevation.onPath("nice")) {
            before.addAll(List.of("nice", "-n", "-10"));   // the capture's priority, set while still root
        }
        before.addAll(List.of("nsenter", "--net=/run/netns/blue", "--"));
        if (Elevation.onPath("setpriv")) {
            before.addAll(HelperPrivileges.WHOLE_PROCESS);
        }
        assertEquals(before, command.subList(0, command.indexOf("-cp") - 1), command.toString());
        assertFalse(command.stream().anyMatch(a -> a.startsWith("--netns")), command.toString());
        assertEquals("/proc/77/ns/net", HelperCommand.namespacePath("77"));
        assertEquals("/var/run/docker/netns/x", HelperCommand.namespacePath("/var/run/docker/netns/x"));
        assertTrue(command.get(command.indexOf("-cp") - 1).endsWith("java"), command.toString());
    }

    @Test
    void theHelperRunsWithTheJvmOptionsTheLauncherNamed() {
        String before = System.getProperty(HelperCommand.JVM_OPTIONS_PROPERTY);
        // as scripts/nlscope passes scripts/capture-jvm-options to the desktop app
        System.setProperty(HelperCommand.JVM_OPTIONS_PROPERTY, "-XX:+UseShenandoahGC\n-Xmx256m\n");
        try {
            List<String> command = HelperCommand.of(CaptureRequest.everything());
            int java = command.indexOf("-cp") - 3;
            assertTrue(command.get(java).endsWith("java"), command.toString());
            assertEquals(List.of("-XX:+UseShenandoahGC", "-Xmx256m", "-cp"), command.subList(java + 1, java + 4));
        } finally {
            if (before == null) {
                System.clearProperty(HelperCommand.JVM_OPTIONS_PROPERTY);
            } else {
                System.setProperty(HelperCommand.JVM_OPTIONS_PROPERTY, before);
            }
        }
        assertEquals(List.of(), HelperCommand.jvmOptions(null));
    }
}
