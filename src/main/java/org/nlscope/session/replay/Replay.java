package org.nlscope.session.replay;

import java.util.concurrent.CompletableFuture;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;

/**
 * Plays a store's frames into another store (the live view) at their recorded pace, ten times
 * faster, or as fast as possible, on its own thread, with pause, resume and stop. Every frame is
 * delivered, in order, with its original bytes and timestamp; only the moment of delivery is paced.
 */
public final class Replay {
    /** How fast: a factor on the recorded gaps between frames, or none at all. */
    public enum Speed {
        ONE_X(1), TEN_X(10), FULL(0);

        final int factor;

        Speed(int factor) {
            this.factor = factor;
        }
    }

    public enum State { RUNNING, PAUSED, FINISHED, STOPPED }

    /** A replay waits at most this long at once, so pause and stop take effect quickly. */
    static final long MAX_SLEEP_NANOS = 50_000_000L;

    /** Where replayed frames go: a store, or a session (which then counts as unsaved and is autosaved). */
    private interface Target {
        void append(Frame frame);

        void addMetadata(CaptureMetadata metadata);
    }

    private final CaptureStore source;
    private final Target target;
    private final ReplayClock clock;
    private final CompletableFuture<State> done = new CompletableFuture<>();
    private Speed speed;
    private State state = State.RUNNING;
    private boolean stopRequested;
    private boolean rebase = true;
    private int delivered;

    private Replay(CaptureStore source, Target target, Speed speed, ReplayClock clock) {
        this.source = source;
        this.target = target;
        this.speed = speed;
        this.clock = clock;
    }

    /** Starts replaying every frame of {@code source} into {@code target} on a new daemon thread. */
    public static Replay start(CaptureStore source, CaptureStore target, Speed speed) {
        return start(source, target, speed, ReplayClock.SYSTEM);
    }

    public static Replay start(CaptureStore source, CaptureStore target, Speed speed, ReplayClock clock) {
        return start(source, new Target() {
            public void append(Frame frame) {
                target.append(frame);
            }

            public void addMetadata(CaptureMetadata metadata) {
                target.addMetadata(metadata);
            }
        }, speed, clock);
    }

    /** Replays into a session: its frames count as new data, autosaved when the session is live. */
    public static Replay start(CaptureStore source, CaptureSession target, Speed speed) {
        return start(source, target, speed, ReplayClock.SYSTEM);
    }

    public static Replay start(CaptureStore source, CaptureSession target, Speed speed, ReplayClock clock) {
        return start(source, new Target() {
            public void append(Frame frame) {
                target.append(frame);
            }

            public void addMetadata(CaptureMetadata metadata) {
                target.store().addMetadata(metadata);
            }
        }, speed, clock);
    }

    private static Replay start(CaptureStore source, Target target, Speed speed, ReplayClock clock) {
        Replay r = new Replay(source, target, speed, clock);
        Thread t = new Thread(r::run, "nlscope-replay");
        t.setDaemon(true);
        t.start();
        return r;
    }

    public synchronized void pause() {
        if (state == State.RUNNING) {
            state = State.PAUSED;
        }
    }

    public synchronized void resume() {
        if (state == State.PAUSED) {
            state = State.RUNNING;
            rebase = true;
            notifyAll();
        }
    }

    /** Stops after the frame being delivered; the frames delivered so far stay. */
    public synchronized void stop() {
        stopRequested = true;
        notifyAll();
    }

    /** Changes the pace from the next frame on. */
    public synchronized void setSpeed(Speed newSpeed) {
        speed = newSpeed;
        rebase = true;
    }

    public synchronized Speed speed() {
        return speed;
    }

    public synchronized State state() {
        return state;
    }

    /** Frames delivered so far. */
    public synchronized int delivered() {
        return delivered;
    }

    /** Completes with FINISHED or STOPPED when the replay thread ends. */
    public CompletableFuture<State> done() {
        return done;
    }

    private void run() {
        State end = State.STOPPED;
        try {
            if (!source.metadata().isEmpty()) {
                target.addMetadata(source.metadata());
            }
            long anchorWall = 0;
            long anchorCapture = 0;
            for (int number = 1; number <= source.frameCount(); number++) {
                Frame frame = source.frame(number);
                // wait for its moment, re-anchoring after a pause or a change of speed
                while (true) {
                    Speed s;
                    long wait;
                    synchronized (this) {
                        while (state == State.PAUSED && !stopRequested) {
                            wait();
                        }
                        if (stopRequested) {
                            return;
                        }
                        s = speed;
                        if (rebase) {
                            anchorWall = clock.nanoTime();
                            anchorCapture = frame.timestampNanos();
                            rebase = false;
                        }
                    }
                    if (s == Speed.FULL) {
                        break;
                    }
                    long due = anchorWall + Math.max(0, frame.timestampNanos() - anchorCapture) / s.factor;
                    wait = due - clock.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                    clock.sleep(Math.min(wait, MAX_SLEEP_NANOS));
                }
                target.append(frame);
                synchronized (this) {
                    delivered++;
                }
            }
            end = State.FINISHED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                state = end;
                notifyAll();
            }
            done.complete(end);
        }
    }
}
