package org.nlscope.pcap;

import java.io.IOException;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;

/** Writes one file format's records to a buffered stream owned by {@link CaptureWriter}. */
interface FormatWriter {

    void write(Frame frame) throws IOException;

    void writeMetadata(CaptureMetadata metadata) throws IOException;

    /** The snaplen the input declared, before the first frame; only pcap, whose header holds one, uses it. */
    default void snapLength(long declared) {
    }

    /** Frames cut to the snaplen so far. */
    default long cutFrames() {
        return 0;
    }

    /** Called before every flush: whatever a reader needs before the frames must be out now. */
    void beforeFlush() throws IOException;
}
