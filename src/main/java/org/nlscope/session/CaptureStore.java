package org.nlscope.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;

/**
 * The frames of one capture, append-only, and the message rows they make.
 *
 * <p>Threading: one writer appends (a capture or a file loader); any number of readers
 * call {@link #size()}, {@link #rows(int, int)}, {@link #decoded(int)} at any time. Each frame
 * is decoded once when appended, to learn the capture's context in order (generic netlink
 * family ids from nlctrl replies) and to feed {@link Listener}s; afterwards only the frame's
 * bytes, its context and two ints per message are kept. Decoded frames are rebuilt on demand
 * and kept in a small LRU cache, so a million frames never sit decoded in memory at once.
 *
 * <p>Frame numbers are 1-based (as in Wireshark); row indexes are 0-based.
 */
public final class CaptureStore {

    /** Told about every appended frame, on the writer's thread, in order. Must be quick. */
    public interface Listener {
        /**
         * @param frame    the frame just appended, decoded
         * @param context  the context it was decoded with
         * @param firstRow the index of its first row
         */
        void frameAdded(DecodedFrame frame, DecodeContext context, int firstRow);

        /** Metadata was added (genl snapshot, port owners, kernel counters); the argument is what was new (on subscribe: all of it). */
        default void metadataChanged(CaptureMetadata metadata) {
        }
    }

    public static final int DEFAULT_CACHE_FRAMES = 1024;

    private final FrameDecoding decoding;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, DecodedFrame> cache;

    // guarded by this; appended by the writer under writeLock
    private Frame[] frames = new Frame[256];
    private DecodeContext[] contexts = new DecodeContext[256];
    private int[] frameFirstRow = new int[256];
    private int frameCount;
    private int[] rowFrame = new int[256];
    private int[] rowMessage = new int[256];
    private int rowCount;
    private DecodeContext nextContext;
    private final CaptureMetadata.Accumulator metadata = new CaptureMetadata.Accumulator();

    public CaptureStore(FrameDecoding decoding) {
        this(decoding, DEFAULT_CACHE_FRAMES);
    }

    public CaptureStore(FrameDecoding decoding, int cacheFrames) {
        this.decoding = decoding;
        this.nextContext = DecodeContext.empty();
        this.cache = new LinkedHashMap<>(cacheFrames * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, DecodedFrame> eldest) {
                return size() > cacheFrames;
            }
        };
    }

    public FrameDecoding decoding() {
        return decoding;
    }

    // ---- writing (one thread) ----

    /** Appends a frame, decodes it, tells the listeners; returns its frame number. */
    public int append(Frame frame) {
        writeLock.lock();
        try {
            DecodeContext context;
            int number;
            int firstRow;
            synchronized (this) {
                context = nextContext;
                number = frameCount + 1;
                firstRow = rowCount;
            }
            DecodedFrame decoded = decoding.decode(number, frame, context);
            DecodeContext learned = decoding.learn(context, decoded);
            int rows = RowBuilder.rowCount(decoded);
            synchronized (this) {
                ensureFrameCapacity(number);
                frames[number - 1] = frame;
                contexts[number - 1] = context;
                frameFirstRow[number - 1] = firstRow;
                ensureRowCapacity(firstRow + rows);
                for (int i = 0; i < rows; i++) {
                    rowFrame[firstRow + i] = number;
                    rowMessage[firstRow + i] = decoded.messages().isEmpty() ? -1 : i;
                }
                rowCount = firstRow + rows;
                frameCount = number;
                nextContext = learned;
                cache.put(number, decoded);
            }
            for (Listener l : listeners) {
                l.frameAdded(decoded, context, firstRow);
            }
            return number;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Adds what a capture knows beyond its frames (genl snapshot, port owners, kernel counters).
     * Frames appended afterwards decode with it.
     */
    public void addMetadata(CaptureMetadata more) {
        writeLock.lock();
        try {
            CaptureMetadata added;
            synchronized (this) {
                // only what is new goes on: a capture of many blocks costs O(entries), not O(blocks x entries)
                added = metadata.add(more);
                if (added.isEmpty()) {
                    return;
                }
                nextContext = nextContext.withMetadata(added);
            }
            for (Listener l : listeners) {
                l.metadataChanged(added);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Registers a listener and first tells it about every frame already stored, so it sees
     * each frame exactly once. Appends wait while the past is replayed.
     */
    public void subscribe(Listener listener) {
        writeLock.lock();
        try {
            int n = frameCount();
            if (!metadata().isEmpty()) {
                listener.metadataChanged(metadata());
            }
            for (int number = 1; number <= n; number++) {
                listener.frameAdded(decoded(number), context(number), firstRowOf(number));
            }
            listeners.add(listener);
        } finally {
            writeLock.unlock();
        }
    }

    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    // ---- reading (any thread) ----

    /** The number of message rows. */
    public synchronized int size() {
        return rowCount;
    }

    public synchronized int frameCount() {
        return frameCount;
    }

    public synchronized CaptureMetadata metadata() {
        return metadata.snapshot();
    }

    /** The frame with this 1-based number. */
    public synchronized Frame frame(int number) {
        checkFrame(number);
        return frames[number - 1];
    }

    /** The context frame {@code number} decodes with; frames that learned nothing share one instance. */
    public synchronized DecodeContext context(int number) {
        checkFrame(number);
        return contexts[number - 1];
    }

    /**
     * The context after the last frame: what the whole capture has taught. Rows and filters name
     * processes from it, since a port's owner is often learned after the port's first message.
     */
    public synchronized DecodeContext currentContext() {
        return nextContext;
    }

    /** Frame {@code number}, decoded (from the cache, or decoded again). */
    public DecodedFrame decoded(int number) {
        Frame frame;
        DecodeContext context;
        synchronized (this) {
            DecodedFrame hit = cache.get(number);
            if (hit != null) {
                return hit;
            }
            checkFrame(number);
            frame = frames[number - 1];
            context = contexts[number - 1];
        }
        DecodedFrame d = decoding.decode(number, frame, context);
        synchronized (this) {
            cache.put(number, d);
        }
        return d;
    }

    /** The 1-based frame number of a row. */
    public synchronized int frameOfRow(int row) {
        checkRow(row);
        return rowFrame[row];
    }

    /** The message index within its frame of a row, -1 when the frame held no message. */
    public synchronized int messageOfRow(int row) {
        checkRow(row);
        return rowMessage[row];
    }

    /** The index of the first row of a frame. */
    public synchronized int firstRowOf(int frameNumber) {
        checkFrame(frameNumber);
        return frameFirstRow[frameNumber - 1];
    }

    /** The row of message {@code messageIndex} in frame {@code frameNumber}. */
    public int rowOf(int frameNumber, int messageIndex) {
        return firstRowOf(frameNumber) + Math.max(0, messageIndex);
    }

    /** The decoded message of a row, or null for a frame that held no message. */
    public DecodedMessage message(int row) {
        int number;
        int m;
        synchronized (this) {
            checkRow(row);
            number = rowFrame[row];
            m = rowMessage[row];
        }
        return m < 0 ? null : decoded(number).messages().get(m);
    }

    public MessageRow row(int index) {
        return rows(index, index + 1).get(0);
    }

    /** Rows [from, to), clipped to what is stored. Frames are decoded (or found in the cache) once each. */
    public List<MessageRow> rows(int from, int to) {
        int[] framesOfRows;
        int[] messagesOfRows;
        synchronized (this) {
            from = Math.max(0, from);
            to = Math.min(to, rowCount);
            if (from >= to) {
                return List.of();
            }
            framesOfRows = Arrays.copyOfRange(rowFrame, from, to);
            messagesOfRows = Arrays.copyOfRange(rowMessage, from, to);
        }
        List<MessageRow> out = new ArrayList<>(to - from);
        // port owners are often learned after a port's first message: name them from what is known now
        DecodeContext owners = currentContext();
        DecodedFrame f = null;
        for (int i = 0; i < framesOfRows.length; i++) {
            int number = framesOfRows[i];
            if (f == null || f.number() != number) {
                f = decoded(number);
            }
            int m = messagesOfRows[i];
            out.add(m < 0 ? RowBuilder.rows(f, owners, from + i).get(0) : RowBuilder.row(f, m, owners, from + i));
        }
        return out;
    }

    /** How many decoded frames the cache holds now (at most the size it was given). */
    synchronized int cachedFrames() {
        return cache.size();
    }

    // ---- internals ----

    private void checkFrame(int number) {
        if (number < 1 || number > frameCount) {
            throw new IndexOutOfBoundsException("frame " + number + " of " + frameCount);
        }
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rowCount) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rowCount);
        }
    }

    private void ensureFrameCapacity(int n) {
        if (n > frames.length) {
            int cap = Math.max(n, frames.length * 2);
            frames = Arrays.copyOf(frames, cap);
            contexts = Arrays.copyOf(contexts, cap);
            frameFirstRow = Arrays.copyOf(frameFirstRow, cap);
        }
    }

    private void ensureRowCapacity(int n) {
        if (n > rowFrame.length) {
            int cap = Math.max(n, rowFrame.length * 2);
            rowFrame = Arrays.copyOf(rowFrame, cap);
            rowMessage = Arrays.copyOf(rowMessage, cap);
        }
    }
}
