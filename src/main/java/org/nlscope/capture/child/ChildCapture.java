package org.nlscope.capture.child;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;

/**
 * A live capture run by a child process, the capture helper ({@code nlscope capture --helper}
 * through sudo or pkexec), whose pcapng stream is read from its stdout, as Wireshark reads
 * dumpcap's. Stopping closes the child's stdin, which the helper takes as its parent gone
 * (so it also stops when this process dies), and sends it SIGTERM (sudo passes it on; a root
 * child under pkexec may not be signalled): it stops, removes the nlmon device it made and
 * ends its stream. Close waits for that as long as the stream goes on (what the child still
 * holds when a fast capture outran this reader is the user's, however long it takes), and
 * kills what it may once nothing came for {@link #STOP_WAIT}.
 */
public final class ChildCapture implements CaptureSource {
    /** How long close waits for the child's next frame after it was told to stop, and then for its stream's end (a JVM under emulation is slow). */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    static final String NAME = "the capture helper";
    /** Where packaging/nlscope-capture-helper reads the calling user from. */
    private static final List<String> CALLER_VARIABLES = List.of("SUDO_UID", "SUDO_GID", "SUDO_USER", "PKEXEC_UID");

    private final Process process;
    private final StreamCapture stream;
    private final ChildStderr stderr;
    private final String via;
    private final Duration stopWait;

    private ChildCapture(Process process, StreamCapture stream, String via, ChildStderr stderr, Duration stopWait) {
        this.process = process;
        this.stream = stream;
        this.via = via;
        this.stderr = stderr;
        this.stopWait = stopWait;
    }

    /**
     * Starts the child; returns once it has written its capture's header (so its device and
     * ring are ready), or throws with its last stderr line when it failed before.
     *
     * @param via what starts it, in messages ("sudo")
     */
    public static ChildCapture start(List<String> command, String via) {
        return start(command, via, STOP_WAIT);
    }

    /** {@link #start(List, String)}, giving up on a stopped child after stopWait without a frame. */
    static ChildCapture start(List<String> command, String via, Duration stopWait) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
            // who called: sudo and pkexec set these for their child themselves; root's own child (a
            // window started with sudo) is root's, and the helper script must not take it for the user's
            builder.environment().keySet().removeAll(CALLER_VARIABLES);
            process = builder.start();
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Reason.SYSTEM, "could not start " + via + ": " + e.getMessage(), e);
        }
        ChildStderr stderr = ChildStderr.follow(process);
        try {
            StreamCapture stream = StreamCapture.open(process.getInputStream(), NAME,
                    (failure, frames) -> failure != null ? failure.getMessage() : stderr.whyEnded(process, via),
                    () -> tellToStop(process));
            return new ChildCapture(process, stream, via, stderr, stopWait);
        } catch (CaptureException e) {
            // the child wrote no capture: it failed to start, and its stderr says why
            String why = stderr.whyEnded(process, via);
            process.destroyForcibly();
            throw new CaptureException(CaptureException.Reason.SYSTEM, why);
        }
    }

    /**
     * Closes the child's stdin and sends it SIGTERM; not Process.destroy, which would also close
     * the pipe it still flushes its last frames into.
     */
    private static void tellToStop(Process process) {
        try {
            process.getOutputStream().close();
        } catch (java.io.IOException ignored) {
            // it is gone already
        }
        process.toHandle().destroy();
    }

    @Override
    public String interfaceName() {
        return stream.interfaceName();
    }

    @Override
    public String describe() {
        return "through " + via;
    }

    @Override
    public void start(FrameSink sink) {
        stream.start(sink);
    }

    /** SIGTERM to the child; its stream ends once it has finished. */
    @Override
    public void stop() {
        stream.stop();
    }

    @Override
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stream.awaitStop(timeout);
    }

    @Override
    public CaptureStats stats() {
        return stream.stats();
    }

    @Override
    public CaptureMetadata metadata() {
        return stream.metadata();
    }

    /** Once the child has gone: what it said of the ports it kept, for a capture of some processes. */
    @Override
    public List<String> attribution() {
        return process.isAlive() ? List.of() : stderr.attribution();
    }

    /** The child's process id (sudo's or pkexec's). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stream.stop();
        try {
            long delivered = -1;
            while (!process.waitFor(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                long now = stream.frames();
                if (now == delivered) {   // stuck: nothing came for a whole wait
                    process.destroyForcibly().waitFor(stopWait.toMillis(), TimeUnit.MILLISECONDS);
                    break;
                }
                delivered = now;
            }
            stream.awaitStop(stopWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CaptureException endedBeforeTheStop) {
            // it ended on its own first; whoever watched it has heard why
        }
        stream.close();
    }
}
