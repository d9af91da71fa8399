package org.nlscope.capture.linux;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Empties the kernel's ring as fast as memory copies: a thread that only copies each
 * block's data out into the {@link Backlog} and hands the block straight back, from the
 * moment the ring is bound. Frames are made and delivered on another thread from the
 * copies ({@link #take}). The backlog is the capture's second, larger buffer: a burst the
 * sink cannot take at once (a JVM still warming up, a slow disk, a decoder behind) waits
 * there instead of in the kernel ring, whose overrun loses frames. When the backlog is
 * full too, the reader waits and the kernel drops, and counts it.
 */
final class RingReader implements AutoCloseable {
    private final RxRing ring;
    private final int pollMillis;
    private final Backlog backlog;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    /** @param backlogBytes how much the backlog may hold, at least two blocks */
    RingReader(RxRing ring, long backlogBytes, int pollMillis) {
        this.ring = ring;
        this.pollMillis = pollMillis;
        this.backlog = new Backlog(Math.max(2L * ring.config().blockSize(), backlogBytes));
        this.thread = new Thread(this::run, "nlscope-ring " + ring.interfaceName());
        thread.setDaemon(true);
    }

    /** Starts copying; copies wait in the backlog until {@link #take}. */
    void start() {
        thread.start();
    }

    private void run() {
        CapturePriority.raiseCurrentThread();
        try {
            int blockSize = ring.config().blockSize();
            while (!stopping) {
                long released = backlog.released();
                ByteBuffer room = backlog.room(blockSize);
                if (room == null) {
                    // the backlog is full: the kernel's ring holds the rest meanwhile
                    backlog.awaitRelease(released, pollMillis);
                    continue;
                }
                int length = ring.copyNextBlock(room, pollMillis);
                if (length > 0) {
                    backlog.publish(length);
                }
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /** The next copied block, waiting up to millis; null when none came (or the reader has ended and all were taken). */
    Backlog.Copy take(long millis) throws InterruptedException {
        return backlog.take(millis);
    }

    /** True when copies are waiting. */
    boolean hasMore() {
        return backlog.hasMore();
    }

    /** Gives a copy's space back once its frames are made; copies are released in the order taken. */
    void release(Backlog.Copy copy) {
        backlog.release(copy);
    }

    /** True once the reader thread has ended (stopped, or failed: see {@link #failure}). */
    boolean ended() {
        return !thread.isAlive();
    }

    Throwable failure() {
        return failure.get();
    }

    /** The most bytes that waited at once: how close the backlog came to full. */
    long peakBytes() {
        return backlog.peakBytes();
    }

    long capacityBytes() {
        return backlog.capacityBytes();
    }

    /** Stops copying (after the block in hand) and waits up to millis for the thread. */
    void stop(long millis) throws InterruptedException {
        stopping = true;
        if (thread.isAlive() && thread != Thread.currentThread()) {
            thread.join(Math.max(1, millis));
        }
    }

    @Override
    public void close() {
        stopping = true;
    }
}
