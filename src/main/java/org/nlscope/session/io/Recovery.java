package org.nlscope.session.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the autosave files that a crashed or killed nlscope left behind, so the app can offer
 * them back at its next start.
 */
public final class Recovery {
    static final String PREFIX = "capture-";
    static final String SUFFIX = ".pcapng";

    /**
     * An autosave file whose process is gone.
     *
     * @param file     where it is
     * @param bytes    its size
     * @param modified when it was last written
     * @param pid      the process that wrote it
     */
    public record Leftover(Path file, long bytes, Instant modified, long pid) {
    }

    private Recovery() {
    }

    /** ~/.cache/nlscope/autosave, or $XDG_CACHE_HOME/nlscope/autosave. */
    public static Path autosaveDirectory() {
        return autosaveDirectory(System.getenv(), System.getProperty("user.home"));
    }

    static Path autosaveDirectory(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return cache.resolve("nlscope").resolve("autosave");
    }

    /** Leftovers in the default directory, newest first. */
    public static List<Leftover> find() throws IOException {
        return find(autosaveDirectory());
    }

    /** Leftovers in a directory, newest first: files of live processes (this one included) are not leftovers. */
    public static List<Leftover> find(Path directory) throws IOException {
        List<Leftover> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                long pid = pidOf(f.getFileName().toString());
                if (pid < 0 || !Files.isRegularFile(f) || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (Files.size(f) == 0) {
                    Files.deleteIfExists(f); // nothing was ever written: nothing to offer
                    continue;
                }
                out.add(new Leftover(f, Files.size(f), Files.getLastModifiedTime(f).toInstant(), pid));
            }
        }
        out.sort((a, b) -> b.modified().compareTo(a.modified()));
        return out;
    }

    /** Removes a leftover once it was saved elsewhere or the user declined it. */
    public static void discard(Leftover leftover) throws IOException {
        Files.deleteIfExists(leftover.file());
    }

    /** capture-PID-... .pcapng gives PID; anything else -1. */
    static long pidOf(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return -1;
        }
        int end = name.indexOf('-', PREFIX.length());
        try {
            return Long.parseLong(name.substring(PREFIX.length(), end < 0 ? name.length() - SUFFIX.length() : end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
