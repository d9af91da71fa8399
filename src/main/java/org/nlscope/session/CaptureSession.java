package org.nlscope.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.model.Frame;
import org.nlscope.session.io.Autosave;
import org.nlscope.session.io.CaptureSaver;
import org.nlscope.session.io.FileLoader;
import org.nlscope.session.io.LoadResult;
import org.nlscope.session.stats.Statistics;
import org.nlscope.session.transactions.Transactions;

/**
 * One capture as the app holds it: its store, transactions and statistics, where it came from,
 * and whether it holds data that no file has yet (a live capture or a replay; those are
 * autosaved as they arrive).
 *
 * <p>Threading: exactly one thing fills a session (a file load, a live capture or a replay);
 * everything else may be called from any thread.
 */
public final class CaptureSession implements AutoCloseable {
    private final CaptureStore store;
    private final Transactions transactions;
    private final Statistics statistics;
    private volatile Path file;
    private volatile boolean unsaved;
    private volatile FileLoader.Loading loading;
    private volatile Autosave autosave;

    private CaptureSession(FrameDecoding decoding) {
        this(new CaptureStore(decoding));
    }

    private CaptureSession(CaptureStore store) {
        this.store = store;
        this.transactions = Transactions.attach(store);
        this.statistics = Statistics.attach(store);
    }

    /** An empty session, for example the view a replay plays into. */
    public static CaptureSession empty(FrameDecoding decoding) {
        return new CaptureSession(decoding);
    }

    /** A session that loads a file in the background; {@code onDone} runs on the loader's thread. */
    public static CaptureSession open(Path file, FrameDecoding decoding, Consumer<LoadResult> onDone) {
        // only the index stays in memory; rows decode from the file's bytes when shown
        CaptureSession s = new CaptureSession(CaptureStore.backedBy(decoding, file));
        s.file = file;
        s.loading = FileLoader.start(file, s.store, onDone);
        return s;
    }

    /**
     * A session for new frames (a live capture or a replay), autosaved into {@code autosaveDirectory}
     * (see {@link org.nlscope.session.io.Recovery#autosaveDirectory()}).
     */
    public static CaptureSession live(FrameDecoding decoding, Path autosaveDirectory) throws IOException {
        CaptureSession s = new CaptureSession(decoding);
        s.autosave = Autosave.start(s.store, autosaveDirectory);
        return s;
    }

    public CaptureStore store() {
        return store;
    }

    public Transactions transactions() {
        return transactions;
    }

    public Statistics statistics() {
        return statistics;
    }

    /** The file this session was opened from or last saved to, or null. */
    public Path file() {
        return file;
    }

    /** The load under way or finished, or null when this session was not opened from a file. */
    public FileLoader.Loading loading() {
        return loading;
    }

    /** The autosave of a live session, or null. */
    public Autosave autosave() {
        return autosave;
    }

    /** Appends a new frame (a live capture's or a replay's); it is autosaved and marks the session unsaved. */
    public void append(Frame frame) {
        unsaved = true;
        store.append(frame);
    }

    /**
     * The sink a live capture delivers into: frames are appended, and at each end of a ring block
     * the capture's metadata (port owners learned since) is taken in and the autosave flushed.
     */
    public FrameSink sinkFor(CaptureSource source) {
        store.addMetadata(source.metadata());
        return new FrameSink() {
            @Override
            public void accept(Frame frame) {
                append(frame);
            }

            @Override
            public void endOfBatch() {
                store.addMetadata(source.metadata());
                Autosave a = autosave;
                if (a != null) {
                    a.flush();
                }
            }
        };
    }

    /** True when frames arrived that no saved file holds. */
    public boolean hasUnsavedData() {
        return unsaved && store.frameCount() > 0;
    }

    /** Saves every frame; the session then counts as saved and its autosave is no longer needed. */
    public int save(Path target) throws IOException {
        int n = CaptureSaver.save(store, target);
        file = target;
        unsaved = false;
        Autosave a = autosave;
        if (a != null && n == store.frameCount()) {
            a.flush();
        }
        return n;
    }

    /** Drops unsaved data for good: the autosave file is deleted. */
    public void discard() throws IOException {
        unsaved = false;
        Autosave a = autosave;
        if (a != null) {
            a.delete();
        }
    }

    /**
     * Ends the session: a load stops; the autosave is deleted when everything was saved (or nothing
     * arrived), and kept for {@link org.nlscope.session.io.Recovery} otherwise.
     */
    @Override
    public void close() throws IOException {
        FileLoader.Loading l = loading;
        if (l != null) {
            l.cancel();
        }
        store.close();
        Autosave a = autosave;
        if (a != null) {
            if (hasUnsavedData()) {
                a.close();
            } else {
                a.delete();
            }
        }
    }
}
