package org.nlscope.cli;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.nlscope.model.Frame;

/**
 * Frames from the capture thread to the live printer, bounded by their bytes rather
 * than their number: a burst of large dump frames must not outgrow the heap while the
 * printer catches up. A put waits while the queue holds its limit; the capture's own
 * backlog, then the kernel's ring, take the rest (and the kernel counts what it drops).
 */
final class FrameQueue {
    private final long limitBytes;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private long bytes;

    FrameQueue(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Adds a frame, waiting while the queue is full; a frame larger than the limit goes in alone. */
    void put(Frame frame) throws InterruptedException {
        int size = frame.data().length;
        lock.lock();
        try {
            while (bytes > 0 && bytes + size > limitBytes) {
                notFull.await();
            }
            frames.addLast(frame);
            bytes += size;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest frame, waiting up to millis; null when none came. */
    Frame poll(long millis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (frames.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            Frame f = frames.removeFirst();
            bytes -= f.data().length;
            notFull.signal();
            return f;
        } finally {
            lock.unlock();
        }
    }

    /** The bytes of the frames waiting. */
    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }
}
