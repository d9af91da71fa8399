package org.nlscope.capture;

import org.nlscope.model.Frame;

/** Where a capture delivers its frames, on the capture's own thread, in capture order. */
public interface FrameSink {

    /** One frame; its bytes are the sink's to keep. */
    void accept(Frame frame);

    /**
     * The capture handed a ring block back to the kernel: nothing more arrives until the
     * next block, so this is the moment to flush a file.
     */
    default void endOfBatch() {
    }
}
