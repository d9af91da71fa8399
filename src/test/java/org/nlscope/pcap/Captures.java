package org.nlscope.pcap;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.Frame;

/** Small helpers shared by the pcap tests. */
final class Captures {

    private Captures() {
    }

    static CaptureReader open(byte[] file) throws CaptureFileException {
        return CaptureReader.open(new ByteArrayInputStream(file), "test.cap");
    }

    /** Every frame of a reader, to its clean end. */
    static List<Frame> readAll(CaptureReader reader) throws CaptureFileException {
        List<Frame> frames = new ArrayList<>();
        Frame f;
        while ((f = reader.next()) != null) {
            frames.add(f);
        }
        return frames;
    }

    static List<Frame> readAll(byte[] file) throws CaptureFileException {
        try (CaptureReader r = open(file)) {
            return readAll(r);
        }
    }

    /** What a damaged file gives: the frames before the damage and the error that ended it (or null). */
    record Outcome(List<Frame> frames, CaptureFileException error) {
    }

    static Outcome readUntilError(byte[] file) {
        List<Frame> frames = new ArrayList<>();
        try (CaptureReader r = open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                frames.add(f);
            }
            return new Outcome(frames, null);
        } catch (CaptureFileException e) {
            return new Outcome(frames, e);
        }
    }
}
