package org.nlscope.ui;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;

/**
 * Plays a capture file into a sink at the pace it was recorded, scaled by a speed,
 * with pause. Speed and pause may change from another thread while it plays; the
 * clock is re-based at each change so the replay never jumps.
 */
public final class Replay {

    /** How fast to replay. */
    public enum Speed {
        REAL_TIME("1x", 1), TEN_TIMES("10x", 10), FULL("full speed", 0);

        private final String label;
        private final int factor;

        Speed(String label, int factor) {
            this.label = label;
            this.factor = factor;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Path file;
    private Speed speed;
    private boolean paused;
    private boolean woken;
    private long baseWall;
    private long baseStamp = Long.MIN_VALUE;
    private long lastStamp;

    public Replay(Path file, Speed speed) {
        this.file = file;
        this.speed = speed;
    }

    /** Reads the file and hands each frame to the sink when it is due; returns at the end or on stop. */
    public void run(Consumer<Frame> sink, AtomicBoolean stop) throws CaptureFileException {
        try (CaptureReader reader = CaptureReader.open(file)) {
            Frame frame;
            while (!stop.get() && (frame = reader.next()) != null) {
                if (!awaitDue(frame.timestampNanos(), stop)) {
                    return;
                }
                sink.accept(frame);
            }
        }
    }

    public synchronized void setSpeed(Speed newSpeed) {
        rebase();
        speed = newSpeed;
        notifyAll();
    }

    public synchronized void setPaused(boolean pause) {
        rebase();
        paused = pause;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Wakes a waiting replay so it notices a stop. */
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    private void rebase() {
        baseWall = System.nanoTime();
        baseStamp = lastStamp;
    }

    /** Waits until the frame stamped so is due; false when stopped meanwhile. */
    private synchronized boolean awaitDue(long stamp, AtomicBoolean stop) {
        if (baseStamp == Long.MIN_VALUE) {
            baseStamp = stamp;
            baseWall = System.nanoTime();
        }
        try {
            while (!stop.get() && !woken) {
                if (paused) {
                    wait();
                    continue;
                }
                if (speed.factor == 0) {
                    break;
                }
                long due = baseWall + Math.max(0, stamp - baseStamp) / speed.factor;
                long left = due - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000), 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        lastStamp = stamp;
        return !stop.get() && !woken;
    }
}
