package org.nlscope.capture.linux;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Empties the kernel's ring as fast as memory copies: a thread that only copies each
 * block out into a buffer of a pool and hands the block straight back, from the moment
 * the ring is bound. Frames are made and delivered on another thread from the queue of
 * copies ({@link #take}). The pool is the capture's second, larger buffer: a burst the
 * sink cannot take at once (a JVM still warming up, a slow disk, a decoder behind) waits
 * here instead of in the kernel ring, whose overrun loses frames. When the pool is
 * full too, the reader waits and the kernel drops, and counts it.
 */
final class RingReader implements AutoCloseable {
    /** A block copied out: its buffer (from the pool, given back with {@link #release}) and the bytes used. */
    record Copy(byte[] bytes, int length) {
    }

    private final RxRing ring;
    private final int pollMillis;
    private final int capacity;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Copy> filled;
    private final AtomicInteger allocated = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * @param backlogBytes how much the pool may hold, at least two blocks; buffers are made as they are first needed
     */
    RingReader(RxRing ring, long backlogBytes, int pollMillis) {
        this.ring = ring;
        this.pollMillis = pollMillis;
        this.capacity = (int) Math.max(2, Math.min(Integer.MAX_VALUE, backlogBytes / ring.config().blockSize()));
        this.free = new ArrayBlockingQueue<>(capacity);
        this.filled = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "nlscope-ring " + ring.interfaceName());
        thread.setDaemon(true);
    }

    /** Starts copying; blocks wait in the pool until {@link #take}. */
    void start() {
        thread.start();
    }

    private void run() {
        CapturePriority.raiseCurrentThread();
        try {
            byte[] buffer = null;
            while (!stopping) {
                if (buffer == null && (buffer = buffer()) == null) {
                    continue;   // the pool is full: the kernel's ring holds the rest meanwhile
                }
                int length = ring.copyNextBlock(buffer, pollMillis);
                if (length > 0) {
                    filled.add(new Copy(buffer, length));
                    peak.accumulateAndGet(filled.size(), Math::max);
                    buffer = null;
                }
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /** A free buffer: one given back, a new one while the pool has room, else null after waiting a poll. */
    private byte[] buffer() throws InterruptedException {
        byte[] b = free.poll();
        if (b != null) {
            return b;
        }
        if (allocated.get() < capacity) {
            allocated.incrementAndGet();
            return new byte[ring.config().blockSize()];
        }
        return free.poll(pollMillis, TimeUnit.MILLISECONDS);
    }

    /** The next copied block, waiting up to millis; null when none came (or the reader has ended and all were taken). */
    Copy take(long millis) throws InterruptedException {
        return filled.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** True when copies are waiting. */
    boolean hasMore() {
        return !filled.isEmpty();
    }

    /** Gives a buffer back to the pool once its frames are made. */
    void release(Copy copy) {
        free.offer(copy.bytes());
    }

    /** True once the reader thread has ended (stopped, or failed: see {@link #failure}). */
    boolean ended() {
        return !thread.isAlive();
    }

    Throwable failure() {
        return failure.get();
    }

    /** The most blocks that waited at once: how close the pool came to full. */
    int peakBlocks() {
        return peak.get();
    }

    int capacityBlocks() {
        return capacity;
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
