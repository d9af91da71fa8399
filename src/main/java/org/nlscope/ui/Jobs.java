package org.nlscope.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Background work of the window (loading, saving, replaying, capturing), one thread each. */
final class Jobs {

    /** A running job: stop() asks it to end; the job checks the flag between frames. */
    static final class Job {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;
        private volatile Runnable onStop = () -> { };

        Job(String name, Consumer<AtomicBoolean> body) {
            thread = new Thread(() -> body.accept(stop), "nlscope-" + name);
            thread.setDaemon(true);
        }

        void stop() {
            stop.set(true);
            onStop.run();
            thread.interrupt();
        }

        /** Extra work for stop(), such as closing a stream the job blocks on. */
        void onStop(Runnable r) {
            onStop = r;
        }

        boolean isAlive() {
            return thread.isAlive();
        }

        void join(long millis) throws InterruptedException {
            thread.join(millis);
        }
    }

    private Jobs() {
    }

    static Job start(String name, Consumer<AtomicBoolean> body) {
        Job job = new Job(name, body);
        job.thread.start();
        return job;
    }
}
