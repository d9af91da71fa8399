package org.nlscope.capture.scope;

import org.nlscope.capture.FrameSink;
import org.nlscope.model.Frame;

/**
 * A sink that passes on only the frames a {@link ScopeFilter} keeps, in capture order,
 * each once its verdict is known (at the latest {@link ScopeFilter#WAIT_NANOS} after it
 * was captured, or at {@link #finish}). Used on the capture thread; {@link #finish}
 * once that thread has ended.
 */
public final class ScopedSink implements FrameSink {
    private final ScopeFilter filter;
    private final FrameSink next;

    public ScopedSink(ScopeFilter filter, FrameSink next) {
        this.filter = filter;
        this.next = next;
    }

    @Override
    public void accept(Frame frame) {
        filter.add(frame);
    }

    @Override
    public void endOfBatch() {
        pass(false);
    }

    /** The capture ended: decides and passes on what is still held. */
    public void finish() {
        pass(true);
    }

    private void pass(boolean all) {
        // frame timestamps are CLOCK_REALTIME nanoseconds
        for (Frame f : filter.release(System.currentTimeMillis() * 1_000_000L, all)) {
            next.accept(f);
        }
        next.endOfBatch();
    }

    public ScopeFilter filter() {
        return filter;
    }
}
