package org.nlscope.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The desktop app's preferences (columns, time format, theme, filter history, saved filters),
 * kept as {@code key=value} lines in {@code settings.properties} beside the recent-files list.
 * Written through on every change; a file that cannot be read or written leaves the defaults,
 * as preferences are a convenience, never an error.
 */
public final class Settings {

    /** Separates the items of a list value; a character no filter, column id or colour uses. */
    private static final String LIST_SEPARATOR = "\u001f";

    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path file) {
        this.file = file;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException | RuntimeException e) {
            values.clear();
        }
    }

    /** The settings file in the same folder as the recent files. */
    public static Settings besides(RecentFiles recent) {
        return new Settings(recent.file().resolveSibling("settings.properties"));
    }

    Path file() {
        return file;
    }

    String get(String key, String otherwise) {
        return values.getProperty(key, otherwise);
    }

    double getDouble(String key, double otherwise) {
        try {
            return Double.parseDouble(values.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    List<String> getList(String key) {
        String v = values.getProperty(key);
        return v == null || v.isEmpty() ? List.of() : List.copyOf(Arrays.asList(v.split(LIST_SEPARATOR, -1)));
    }

    void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        write();
    }

    void putList(String key, List<String> items) {
        put(key, items.isEmpty() ? null : String.join(LIST_SEPARATOR, new ArrayList<>(items)));
    }

    /** Drops every key that starts with {@code prefix}. */
    void removeAll(String prefix) {
        values.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(values::remove);
        write();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(out, "nlscope desktop settings");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a read-only home keeps the settings for this run only
        }
    }
}
