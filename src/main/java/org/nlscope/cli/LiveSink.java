package org.nlscope.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.model.Frame;
import org.nlscope.model.ProcessInfo;
import org.nlscope.pcap.CaptureWriter;

/**
 * What {@code nlscope capture} does with each frame on the capture thread: counts it, writes
 * it to -w (with its port owners as a comment, redacted when asked) and hands it to the live
 * printer; stops the capture at -c. A write error stops the capture; the writer keeps the
 * failure for the end.
 */
final class LiveSink implements FrameSink {
    private final CaptureSource capture;
    private final CaptureWriter writer;
    private final FileRedaction redaction;
    private final FrameQueue toDecode;
    private final long count;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    /** The port owners for packet comments, as known at the last ring block. */
    private final AtomicReference<Map<Long, ProcessInfo>> owners;

    /**
     * @param writer    the -w file or stdout, or null
     * @param redaction for --redact, or null
     * @param toDecode  the live printer's queue, or null when nothing is printed
     * @param count     -c, or 0 for no limit
     */
    LiveSink(CaptureSource capture, CaptureWriter writer, FileRedaction redaction, FrameQueue toDecode, long count) {
        this.capture = capture;
        this.writer = writer;
        this.redaction = redaction;
        this.toDecode = toDecode;
        this.count = count;
        this.owners = new AtomicReference<>(capture.metadata().processes());
    }

    @Override
    public void accept(Frame frame) {
        if (count > 0 && frames.get() >= count) {
            return;
        }
        frames.incrementAndGet();
        messages.addAndGet(CaptureArguments.countMessages(frame.data()));
        try {
            if (writer != null) {
                Frame out = CaptureComments.withProcesses(frame, owners.get());
                writer.write(redaction == null ? out : redaction.apply(out, capture));
            }
        } catch (IOException e) {
            capture.stop();
        }
        if (toDecode != null) {
            try {
                toDecode.put(frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (count > 0 && frames.get() >= count) {
            capture.stop();
        }
    }

    @Override
    public void endOfBatch() {
        try {
            if (writer != null) {
                writer.flush();
                owners.set(capture.metadata().processes());
            }
        } catch (IOException e) {
            capture.stop();
        }
    }

    long frames() {
        return frames.get();
    }

    long messages() {
        return messages.get();
    }
}
