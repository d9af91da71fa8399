package org.nlscope.capture.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nlscope.nativeio.NativeBuffer;

/**
 * The ring blocks copied out and not yet made into frames: one large buffer outside the
 * heap, used as a FIFO of variable-length copies, each exactly as long as its block's
 * data (a block the kernel retired after its timeout with a few packets takes a few KiB,
 * not the block size). One thread writes ({@link #room}, {@link #publish}), one reads
 * ({@link #take}, {@link #release}, in the order taken).
 */
final class Backlog {
    /** A block's copy: its bytes (a host-order view of exactly its data) and where it ends in the stream. */
    record Copy(ByteBuffer block, long end) {
    }

    private final NativeBuffer buffer;
    private final long capacity;
    private final LinkedBlockingQueue<Copy> filled = new LinkedBlockingQueue<>();
    /** Stream positions: written up to head (the writer's), released up to tail (the reader's). */
    private long head;
    private volatile long tail;
    private long reserved = -1;
    private volatile long peakBytes;

    /** @param bytes how much it may hold; it must take at least two of the largest copies */
    Backlog(long bytes) {
        this.buffer = new NativeBuffer(bytes);
        this.capacity = buffer.capacity();
    }

    long capacityBytes() {
        return capacity;
    }

    /**
     * Room for a copy of up to max bytes, contiguous (a copy never wraps), or null when the
     * copies waiting leave too little; {@link #publish} says how much of it was used.
     */
    ByteBuffer room(int max) {
        if (max > capacity / 2) {
            throw new IllegalArgumentException("a copy of " + max + " bytes does not fit twice in " + capacity);
        }
        long at = head;
        if (at % capacity + max > capacity) {
            at += capacity - at % capacity;   // to the start: the end's rest stays unused this lap
        }
        if (at + max - tail > capacity) {
            return null;
        }
        reserved = at;
        return buffer.view().slice((int) (at % capacity), max).order(ByteOrder.nativeOrder());
    }

    /** The last {@link #room} holds a copy of length bytes: hands it to the reader. */
    void publish(int length) {
        if (reserved < 0) {
            throw new IllegalStateException("publish without room");
        }
        long start = reserved;
        reserved = -1;
        head = start + length;
        ByteBuffer block = buffer.view().slice((int) (start % capacity), length).order(ByteOrder.nativeOrder());
        filled.add(new Copy(block, head));
        long used = head - tail;
        if (used > peakBytes) {
            peakBytes = used;
        }
    }

    /** The oldest copy not taken, waiting up to millis; null when none came. */
    Copy take(long millis) throws InterruptedException {
        return filled.poll(millis, TimeUnit.MILLISECONDS);
    }

    boolean hasMore() {
        return !filled.isEmpty();
    }

    /** Frees a taken copy's space (and all before it): its frames are made. */
    void release(Copy copy) {
        synchronized (this) {
            tail = copy.end();
            notifyAll();
        }
    }

    /** Waits up to millis for a {@link #release} when {@link #room} found the backlog full. */
    void awaitRelease(long releasedBefore, long millis) throws InterruptedException {
        synchronized (this) {
            if (tail == releasedBefore) {
                wait(millis);
            }
        }
    }

    /** How far the reader has released. */
    long released() {
        return tail;
    }

    /** The most bytes that waited at once. */
    long peakBytes() {
        return peakBytes;
    }
}
