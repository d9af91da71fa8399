package org.nlscope.pcap;

import java.util.List;
import org.nlscope.model.CaptureMetadata;

/** Turns one file format into frames of any link type; {@link CaptureReader} picks the netlink ones. */
interface FrameParser {

    /** The next frame, or null at a clean end of the input. */
    RawFrame next() throws CaptureFileException;

    default CaptureMetadata metadata() {
        return CaptureMetadata.EMPTY;
    }

    /** The largest snaplen the file declared so far (pcap header, pcapng interfaces), 0 when none. */
    long snapLength();

    /** The metadata entries read since the last call that were new, or EMPTY. */
    default CaptureMetadata takeNewMetadata() {
        return CaptureMetadata.EMPTY;
    }

    default List<String> sectionComments() {
        return List.of();
    }

    /**
     * A frame as the file stored it, before the cooked header is looked at; {@code dataOffset} is
     * where its captured bytes start in the input (so a reader may fetch them again later).
     */
    record RawFrame(long timestampNanos, int linkType, byte[] data, long originalLength, String comment, long dataOffset) {
    }
}
