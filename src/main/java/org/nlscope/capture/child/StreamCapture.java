package org.nlscope.capture.child;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;

/**
 * A capture read from a pcap or pcapng stream another process writes (the capture
 * helper's stdout, a pipe). Opening reads the stream's header, so a writer that failed
 * before it wrote a capture fails there; {@link #start} then delivers the frames on a
 * thread of its own. The sink hears {@link FrameSink#endOfBatch} whenever the stream has
 * nothing more for now (the writer flushes per ring block) and before a frame that new
 * metadata (genl families, port owners) came with. The stream's end, unless
 * {@link #stop} came first, is the capture ending on its own: {@link #awaitStop} then
 * throws a {@link CaptureException} saying why.
 */
public final class StreamCapture implements CaptureSource {

    /** Why a stream ended on its own. */
    @FunctionalInterface
    public interface EndReason {
        /**
         * @param failure the read error, or null when the stream just ended
         * @param frames  the frames delivered
         */
        String why(CaptureFileException failure, long frames);
    }

    private final String name;
    private final CaptureReader reader;
    private final QuietPoints input;
    private final EndReason endReason;
    private final Runnable stopAction;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile CaptureMetadata metadata;
    private volatile Thread thread;
    private volatile String endedWhy;
    private volatile long frames;

    private StreamCapture(String name, CaptureReader reader, QuietPoints input, EndReason endReason, Runnable stopAction) {
        this.name = name;
        this.reader = reader;
        this.input = input;
        this.endReason = endReason;
        this.stopAction = stopAction == null ? reader::close : stopAction;
        this.metadata = reader.metadata();
    }

    /**
     * Reads the stream's header; blocks until its first bytes arrive.
     *
     * @param name       what the stream is, in messages ("standard input")
     * @param stopAction what {@link #stop} does to end the stream (signal its writer); null closes it
     * @throws CaptureException when the stream is no capture, with the reader's one line
     */
    public static StreamCapture open(InputStream in, String name, EndReason endReason, Runnable stopAction) {
        QuietPoints input = new QuietPoints(in);
        try {
            return new StreamCapture(name, CaptureReader.open(input, name), input, endReason, stopAction);
        } catch (CaptureFileException e) {
            throw new CaptureException(CaptureException.Reason.SYSTEM, e.getMessage(), e);
        }
    }

    /** The stream's name: it names no device of its own. */
    @Override
    public String interfaceName() {
        return name;
    }

    @Override
    public String describe() {
        return "from " + name;
    }

    @Override
    public void start(FrameSink sink) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a capture starts once");
        }
        Thread t = new Thread(() -> pump(sink), "nlscope-stream-capture");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void pump(FrameSink sink) {
        CaptureFileException failure = null;
        input.onQuiet(sink::endOfBatch);
        try {
            Frame frame;
            while ((frame = reader.next()) != null) {
                if (!reader.takeNewMetadata().isEmpty()) {
                    // the sink adds what is new before the frame that may need it is decoded
                    metadata = reader.metadata();
                    sink.endOfBatch();
                }
                sink.accept(frame);
                input.delivered();
                frames++;
            }
        } catch (CaptureFileException e) {
            failure = e;
        }
        metadata = reader.metadata();
        sink.endOfBatch();
        if (!stopping.get()) {
            endedWhy = endReason.why(failure, frames);
        }
    }

    @Override
    public void stop() {
        if (stopping.compareAndSet(false, true)) {
            stopAction.run();
        }
    }

    @Override
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        if (!CaptureSource.joined(thread, timeout)) {
            return false;
        }
        String why = endedWhy;
        if (why != null) {
            throw new CaptureException(CaptureException.Reason.SYSTEM, why);
        }
        return true;
    }

    /** The kernel's counters as the writer last recorded them (a capture helper writes them at its end). */
    @Override
    public CaptureStats stats() {
        CaptureStats s = metadata.stats();
        return s == null ? CaptureStats.NONE : s;
    }

    @Override
    public CaptureMetadata metadata() {
        return metadata;
    }

    /** The frames delivered so far. */
    public long frames() {
        return frames;
    }

    /** Stops and closes the stream; a thread blocked reading it ends when its writer writes or goes. */
    @Override
    public void close() {
        stop();
        reader.close();
    }

    /**
     * The stream as the reader sees it, telling when a read would wait: then every whole
     * frame read so far has been delivered, and the writer has flushed all it had.
     */
    private static final class QuietPoints extends FilterInputStream {
        private volatile Runnable onQuiet;
        private boolean deliveredSinceQuiet;

        QuietPoints(InputStream in) {
            super(in);
        }

        void onQuiet(Runnable action) {
            onQuiet = action;
        }

        void delivered() {
            deliveredSinceQuiet = true;
        }

        private void beforeRead() throws IOException {
            Runnable action = onQuiet;
            if (action != null && deliveredSinceQuiet && in.available() == 0) {
                deliveredSinceQuiet = false;
                action.run();
            }
        }

        @Override
        public int read() throws IOException {
            beforeRead();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            beforeRead();
            return in.read(b, off, len);
        }
    }
}
