package org.nlscope.capture;

import java.time.Duration;
import java.util.List;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;

/**
 * A live capture. Opening it prepares everything that can fail (device, ring, filter,
 * the genl snapshot), so errors come before the first frame; {@link #start} then runs
 * it on its own thread until {@link #stop}. Close it to release the ring and remove a
 * monitor device the capture created; close is idempotent and safe from any thread
 * (a shutdown hook, a UI button).
 */
public interface CaptureSource extends AutoCloseable {

    /** The device frames come from ("nlmon0"). */
    String interfaceName();

    /** Where and how frames come, for a status line: "on nlmon0", "through sudo". */
    default String describe() {
        return "on " + interfaceName();
    }

    /**
     * How a capture of some processes attributed the ports it kept, once it has ended
     * ({@link org.nlscope.capture.scope.ScopeFilter#summary}); empty for a capture of everything.
     */
    default List<String> attribution() {
        return List.of();
    }

    /** Starts delivering frames to sink on a capture thread. Only once. */
    void start(FrameSink sink);

    /** Asks the capture thread to stop after the block in hand; returns at once. */
    void stop();

    /**
     * Waits up to timeout for the capture thread to end.
     *
     * @return true when it ended
     * @throws CaptureException when the capture thread ended with an error
     */
    boolean awaitStop(Duration timeout) throws InterruptedException;

    /**
     * Waits up to timeout for a capture thread to end, as {@link #awaitStop} does.
     *
     * @param thread the capture thread, or null when it never started
     * @return true when it has ended (or never started)
     */
    static boolean joined(Thread thread, Duration timeout) throws InterruptedException {
        if (thread != null) {
            thread.join(Math.max(1, timeout.toMillis()));
            return !thread.isAlive();
        }
        return true;
    }

    /** The kernel's counters since start: received, dropped, queue freezes. */
    CaptureStats stats();

    /** What the capture knows beyond its frames so far: genl families, port owners, stats. */
    CaptureMetadata metadata();

    /** Stops, waits for the capture thread, releases the ring, removes a device it created. */
    @Override
    void close();
}
