package org.nlscope.session.replay;

/** Time as a replay sees it; injectable so tests run instantly and deterministically. */
public interface ReplayClock {
    long nanoTime();

    /** Waits about that long (less is fine: the replay checks again). */
    void sleep(long nanos) throws InterruptedException;

    /** The real clock. */
    ReplayClock SYSTEM = new ReplayClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };
}
