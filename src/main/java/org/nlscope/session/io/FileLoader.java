package org.nlscope.session.io;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureStore;

/**
 * Reads a pcap or pcapng file into a store on a background thread, appending each frame
 * as it is read, so the first rows can be shown at once while the rest loads.
 */
public final class FileLoader {

    /** A load under way. */
    public static final class Loading {
        private final CompletableFuture<LoadResult> result = new CompletableFuture<>();
        private volatile boolean cancelled;
        private volatile long frames;

        /** Stops reading after the current frame; what was read stays in the store. */
        public void cancel() {
            cancelled = true;
        }

        /** Frames appended so far. */
        public long frames() {
            return frames;
        }

        public boolean isDone() {
            return result.isDone();
        }

        /** Completes when the read ends, never exceptionally. */
        public CompletableFuture<LoadResult> result() {
            return result;
        }
    }

    private FileLoader() {
    }

    /**
     * Starts loading on a new daemon thread; {@code onDone} runs on that thread when the read ends,
     * before {@link Loading#result()} completes.
     * The caller must not append to the store while it loads.
     */
    public static Loading start(Path file, CaptureStore store, Consumer<LoadResult> onDone) {
        Loading loading = new Loading();
        Thread t = new Thread(() -> {
            LoadResult r = read(file, store, loading);
            try {
                if (onDone != null) {
                    onDone.accept(r);
                }
            } finally {
                loading.result.complete(r);
            }
        }, "nlscope-load " + file.getFileName());
        t.setDaemon(true);
        t.start();
        return loading;
    }

    /** Loads on the calling thread. */
    public static LoadResult load(Path file, CaptureStore store) {
        return read(file, store, new Loading());
    }

    private static LoadResult read(Path file, CaptureStore store, Loading loading) {
        String name = file.toString();
        long frames = 0;
        try (CaptureReader reader = CaptureReader.open(file)) {
            try {
                Frame f;
                while (!loading.cancelled && (f = reader.next()) != null) {
                    addMetadata(reader, store);
                    store.append(f, reader.lastFrameOffset());
                    loading.frames = ++frames;
                }
                addMetadata(reader, store);
                return new LoadResult(name, frames, reader.skippedFrames(), null, loading.cancelled);
            } catch (CaptureFileException e) {
                addMetadata(reader, store);
                return new LoadResult(name, frames, reader.skippedFrames(), e.getMessage(), false);
            }
        } catch (CaptureFileException e) {
            return new LoadResult(name, frames, 0, e.getMessage(), false);
        } catch (RuntimeException e) {
            // a bug below us: keep what was read, say what happened in one line
            return new LoadResult(name, frames, 0, name + ": " + e, false);
        }
    }

    /** Metadata blocks may come anywhere in a pcapng; pass each new one on before the next frame decodes. */
    private static void addMetadata(CaptureReader reader, CaptureStore store) {
        CaptureMetadata added = reader.takeNewMetadata();
        if (!added.isEmpty()) {
            store.addMetadata(added);
        }
    }
}
