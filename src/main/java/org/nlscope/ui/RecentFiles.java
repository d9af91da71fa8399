package org.nlscope.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files opened lately, newest first, kept one path a line in
 * {@code ~/.config/nlscope/recent-files}. A file that cannot be read or written is
 * simply an empty list: recent files are a convenience, never an error.
 */
public final class RecentFiles {

    public static final int MAX = 10;

    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The default place: $XDG_CONFIG_HOME/nlscope, else ~/.config/nlscope. */
    public static RecentFiles standard() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RecentFiles(base.resolve("nlscope").resolve("recent-files"));
    }

    /** The file the list is kept in. */
    public Path file() {
        return store;
    }

    public List<Path> list() {
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Path.of(line.strip()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts a file first (once) and keeps at most {@link #MAX}. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(list());
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX) {
            list.remove(list.size() - 1);
        }
        try {
            Files.createDirectories(store.getParent());
            List<String> lines = new ArrayList<>();
            list.forEach(p -> lines.add(p.toString()));
            Files.write(store, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a read-only home loses the list, nothing else
        }
    }
}
