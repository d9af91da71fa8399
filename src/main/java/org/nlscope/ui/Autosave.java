package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureWriter;

/**
 * A live capture written to a pcapng file as it arrives, so a crash loses nothing.
 * The file is named after this process ({@code live-<pid>-<millis>.pcapng}); one whose
 * process is gone is an orphan the next start offers back. Deleted once the user saved
 * the capture or chose to discard it.
 */
public final class Autosave implements AutoCloseable {

    private final Path file;
    private final CaptureWriter writer;
    private long unflushed;
    private long lastFlush = System.nanoTime();

    private Autosave(Path file, CaptureWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** $XDG_CACHE_HOME/nlscope/autosave, else ~/.cache/nlscope/autosave. */
    public static Path standardDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("nlscope").resolve("autosave");
    }

    public static Autosave create(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("live-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + ".pcapng");
        return new Autosave(file, CaptureWriter.create(file, CaptureFormat.PCAPNG));
    }

    public Path file() {
        return file;
    }

    /** Appends a frame; flushes at least once a second and every 256 frames so a crash loses little. */
    public synchronized void write(Frame frame) throws IOException {
        writer.write(frame);
        unflushed++;
        long now = System.nanoTime();
        if (unflushed >= 256 || now - lastFlush > 1_000_000_000L) {
            writer.flush();
            unflushed = 0;
            lastFlush = now;
        }
    }

    /** Writes what the capture knew beyond its frames, then closes; the file stays. */
    public synchronized void finish(CaptureMetadata metadata) throws IOException {
        if (metadata != null && !metadata.isEmpty()) {
            writer.writeMetadata(metadata);
        }
        writer.close();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }

    /** Closes and deletes the file: the capture was saved elsewhere or discarded. */
    public synchronized void discard() {
        try {
            writer.close();
        } catch (IOException ignored) {
            // deleting anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is offered back next time, which is harmless
        }
    }

    /** Autosaves left behind by processes that are no longer running, newest first. */
    public static List<Path> orphans(Path directory) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> p.getFileName().toString().matches("live-\\d+-\\d+\\.pcapng"))
                    .filter(p -> !ownerAlive(p))
                    .forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()));
        return out;
    }

    private static boolean ownerAlive(Path p) {
        long pid = Long.parseLong(p.getFileName().toString().split("-")[1]);
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
