package org.nlscope.session.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.CaptureStore;

/**
 * Writes a live capture's frames to a pcapng in the autosave directory as they arrive, so a
 * crash loses at most the last unflushed second. The file is named after this process's pid;
 * {@link Recovery} offers the files of processes that are gone.
 *
 * <p>Threading: frames arrive on the store's writer thread; {@link #flush()} and {@link #close()}
 * may come from any thread.
 */
public final class Autosave implements CaptureStore.Listener, AutoCloseable {
    /** Data is flushed to disk at least this often while frames arrive. */
    public static final long FLUSH_INTERVAL_NANOS = 1_000_000_000L;

    private final Path file;
    private final CaptureWriter writer;
    private final LongSupplier clock;
    private long lastFlush;
    private long frames;
    private boolean closed;
    private String problem;
    private Consumer<String> onProblem = p -> { };

    private Autosave(Path file, CaptureWriter writer, LongSupplier clock) {
        this.file = file;
        this.writer = writer;
        this.clock = clock;
        this.lastFlush = clock.getAsLong();
    }

    /** Starts autosaving a store into {@code directory} (created when missing); frames already there are written first. */
    public static Autosave start(CaptureStore store, Path directory) throws IOException {
        return start(store, directory, System::nanoTime);
    }

    static Autosave start(CaptureStore store, Path directory, LongSupplier clock) throws IOException {
        Files.createDirectories(directory);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = directory.resolve(Recovery.PREFIX + ProcessHandle.current().pid() + "-" + stamp + "-"
                + System.nanoTime() % 100000 + Recovery.SUFFIX);
        Autosave a = new Autosave(file, CaptureWriter.create(file, CaptureFormat.PCAPNG), clock);
        store.subscribe(a);
        a.flush();
        return a;
    }

    public Path file() {
        return file;
    }

    public synchronized long frames() {
        return frames;
    }

    @Override
    public synchronized void frameAdded(CaptureStore store, int number) {
        if (closed) {
            return;
        }
        try {
            writer.write(store.frame(number));
            frames++;
            long now = clock.getAsLong();
            if (now - lastFlush >= FLUSH_INTERVAL_NANOS) {
                writer.flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            failed(e); // the disk is full or gone: the capture itself goes on in memory
        }
    }

    @Override
    public synchronized void metadataChanged(CaptureMetadata metadata) {
        if (closed) {
            return;
        }
        try {
            writer.writeMetadata(metadata);
        } catch (IOException e) {
            failed(e);
        }
    }

    /** Makes everything written so far readable; a capture calls it when idle. */
    public synchronized void flush() {
        if (closed) {
            return;
        }
        try {
            writer.flush();
            lastFlush = clock.getAsLong();
        } catch (IOException e) {
            failed(e);
        }
    }

    /**
     * Why autosaving stopped and what the file kept, in one line; null while it works.
     * The writer has cut the file back to its last complete block, so it recovers cleanly.
     */
    public synchronized String problem() {
        return problem;
    }

    /** Told once, on the thread that hit it, when autosaving stops (the app shows it). */
    public synchronized void onProblem(Consumer<String> listener) {
        onProblem = listener;
        if (problem != null) {
            listener.accept(problem);
        }
    }

    private void failed(IOException e) {
        closed = true;
        try {
            writer.close();
        } catch (IOException ignored) {
            // closing a failed writer writes nothing more
        }
        problem = "Autosave stopped: " + file + ": " + e.getMessage() + ". It keeps the first "
                + writer.framesKept() + " of the captured frames; the capture goes on in memory, save it elsewhere";
        onProblem.accept(problem);
    }

    /** Closes the file and keeps it: the data has not been saved elsewhere. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                failed(e); // the last flush did not fit: what was flushed before stays readable
            }
        }
    }

    /** Closes and deletes the file: the user saved the data, or chose to drop it. */
    public synchronized void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }
}
