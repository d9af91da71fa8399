package org.nlscope.session;

import java.nio.file.Path;
import java.util.List;
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
 * <p>Appending a frame only indexes it: the cooked header and each message's nlmsghdr go into
 * primitive columns ({@link FrameTable}, {@link RowTable}), and the few messages that teach the
 * capture's context (nlctrl's family ids, interface names) are read for that. Nothing is
 * decoded: rows, trees and hex views are decoded on demand from the frame's bytes and kept in a
 * small LRU cache, and a frame read from a file ({@link #append(Frame, long)} on a store
 * {@link #backedBy backed by} it) keeps only its place in the file.
 *
 * <p>Threading: one writer appends (a capture or a file loader); any number of readers call
 * {@link #size()}, {@link #rows(int, int)}, {@link #decoded(int)} and the row accessors at any time.
 * Readers take no lock the writer holds while it indexes: the writer publishes the counts of
 * frames and rows in one volatile word after writing them, and readers read below those counts
 * (so the FX thread never waits for a loader).
 *
 * <p>Frame numbers are 1-based (as in Wireshark); row indexes are 0-based.
 */
public final class CaptureStore implements AutoCloseable {

    /** Told about every appended frame, on the writer's thread, in order. Must be quick. */
    public interface Listener {
        /** Frame {@code number} was appended: its rows are {@code firstRowOf(number)} up to {@code rowsEnd(number)}. */
        void frameAdded(CaptureStore store, int number);

        /** Metadata was added (genl snapshot, port owners, kernel counters); the argument is what was new (on subscribe: all of it). */
        default void metadataChanged(CaptureMetadata metadata) {
        }
    }

    /**
     * Decoded frames kept: a screen of rows needs a few dozen, a filter's scan uses each once, and
     * a big frame's tree (a dump of many messages) is a few hundred kilobytes.
     */
    public static final int DEFAULT_CACHE_FRAMES = 256;

    private final FrameDecoding decoding;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final DecodedCache cache;

    // written by the writer under writeLock; read below the published counts
    private final FrameTable frames;
    private final RowTable rows = new RowTable();
    private final FrameStream stream;
    private final CaptureMetadata.Accumulator metadata = new CaptureMetadata.Accumulator(); // guarded by itself
    private final StoreIndex index;
    /** The frames (high 32 bits) and rows (low 32 bits) readers may read: written last by each append. */
    private volatile long published;
    /** What the frames so far taught (the stream's next context), for readers. */
    private volatile DecodeContext current = DecodeContext.empty();

    public CaptureStore(FrameDecoding decoding) {
        this(decoding, DEFAULT_CACHE_FRAMES, null);
    }

    public CaptureStore(FrameDecoding decoding, int cacheFrames) {
        this(decoding, cacheFrames, null);
    }

    private CaptureStore(FrameDecoding decoding, int cacheFrames, Path file) {
        this.decoding = decoding;
        this.stream = new FrameStream(decoding);
        this.frames = new FrameTable(file);
        this.index = new StoreIndex(this, frames, rows);
        this.cache = new DecodedCache(cacheFrames);
    }

    /** A store whose frames appended with a file offset are read back from {@code file} when needed. */
    public static CaptureStore backedBy(FrameDecoding decoding, Path file) {
        return backedBy(decoding, file, DEFAULT_CACHE_FRAMES);
    }

    static CaptureStore backedBy(FrameDecoding decoding, Path file, int cacheFrames) {
        return new CaptureStore(decoding, cacheFrames, file);
    }

    public FrameDecoding decoding() {
        return decoding;
    }

    /** What the index knows of each frame and row, without a decode. */
    public StoreIndex index() {
        return index;
    }

    // ---- writing (one thread) ----

    /** Appends a frame, keeping its bytes; returns its frame number. */
    public int append(Frame frame) {
        return append(frame, -1);
    }

    /**
     * Appends a frame read from the store's file at {@code fileOffset} (where its captured bytes
     * start): only its index is kept. Returns its frame number.
     */
    public int append(Frame frame, long fileOffset) {
        writeLock.lock();
        try {
            if (fileOffset >= 0 && frames.size() == 0) {
                frames.openFile();
            }
            int number = frames.size() + 1;
            int firstRow = rows.size();
            FrameIndexer.Facts facts = FrameIndexer.index(frame, number, rows);
            // the context learns from the nlmsghdrs and bytes alone: nothing is decoded
            DecodeContext context = stream.skip(FrameIndexer.forLearning(decoding, frame, number, facts, rows, firstRow));
            frames.add(frame, fileOffset, context, firstRow, facts);
            current = stream.nextContext();
            published = (long) number << 32 | rows.size();
            for (Listener l : listeners) {
                l.frameAdded(this, number);
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
            synchronized (metadata) {
                // only what is new goes on: a capture of many blocks costs O(entries), not O(blocks x entries)
                added = metadata.add(more);
            }
            if (added.isEmpty()) {
                return;
            }
            stream.addMetadata(added);
            current = stream.nextContext();
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
                listener.frameAdded(this, number);
            }
            listeners.add(listener);
        } finally {
            writeLock.unlock();
        }
    }

    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    /** Lets go of the file the frames are read back from. */
    @Override
    public void close() {
        frames.close();
    }

    // ---- frames (any thread) ----

    /** The number of message rows. */
    public int size() {
        return (int) published;
    }

    public int frameCount() {
        return (int) (published >>> 32);
    }

    /** Both counts in one read: {@link #frameCount()} in the high 32 bits, {@link #size()} in the low. */
    long published() {
        return published;
    }

    public CaptureMetadata metadata() {
        synchronized (metadata) {
            return metadata.snapshot();
        }
    }

    /** The frame with this 1-based number (read back from the file when its bytes are not kept). */
    public Frame frame(int number) {
        return frames.frame(checkFrame(number));
    }

    /** The context frame {@code number} decodes with; frames that learned nothing share one instance. */
    public DecodeContext context(int number) {
        return frames.context(checkFrame(number));
    }

    /**
     * The context after the last frame: what the whole capture has taught. Rows and filters name
     * processes from it, since a port's owner is often learned after the port's first message.
     */
    public DecodeContext currentContext() {
        return current;
    }

    /** Frame {@code number}, decoded (from the cache, or decoded again). */
    public DecodedFrame decoded(int number) {
        DecodedFrame hit = cache.get(number);
        if (hit != null) {
            return hit;
        }
        DecodedFrame d = decoding.decode(number, frame(number), context(number));
        cache.put(number, d);
        return d;
    }

    /** The index of the first row of a frame. */
    public int firstRowOf(int frameNumber) {
        return frames.firstRow(checkFrame(frameNumber));
    }

    /** The row of message {@code messageIndex} in frame {@code frameNumber}. */
    public int rowOf(int frameNumber, int messageIndex) {
        return firstRowOf(frameNumber) + Math.max(0, messageIndex);
    }

    // ---- rows from the index (any thread) ----

    /** The 1-based frame number of a row. */
    public int frameOfRow(int row) {
        return rows.frame(checkRow(row));
    }

    /** The message index within its frame of a row, -1 when the frame held no message. */
    public int messageOfRow(int row) {
        return rows.message(checkRow(row));
    }

    // ---- decoded rows (any thread) ----

    /** The decoded message of a row, or null for a frame that held no message. */
    public DecodedMessage message(int row) {
        checkRow(row);
        int number = rows.frame(row);
        int m = rows.message(row);
        return m < 0 ? null : decoded(number).messages().get(m);
    }

    public MessageRow row(int index) {
        return rows(index, index + 1).get(0);
    }

    /** Rows [from, to), clipped to what is stored. Frames are decoded (or found in the cache) once each. */
    public List<MessageRow> rows(int from, int to) {
        // port owners are often learned after a port's first message: name them from what is known now
        return RowBuilder.rows(this, Math.max(0, from), Math.min(to, size()), currentContext());
    }

    /** How many decoded frames the cache holds now (at most the size it was given). */
    int cachedFrames() {
        return cache.size();
    }

    /** The 0-based index of a published frame. */
    int checkFrame(int number) {
        int n = frameCount();
        if (number < 1 || number > n) {
            throw new IndexOutOfBoundsException("frame " + number + " of " + n);
        }
        return number - 1;
    }

    /** A published row. */
    int checkRow(int row) {
        int n = size();
        if (row < 0 || row >= n) {
            throw new IndexOutOfBoundsException("row " + row + " of " + n);
        }
        return row;
    }
}
