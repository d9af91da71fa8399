package org.nlscope.decode.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.ynl.YnlLoader;

/**
 * Finds dissector files: the built-in ones under {@code dissectors/} on the
 * classpath (a directory, or inside a jar), then user directories. A later file
 * with the same path relative to its directory replaces an earlier one.
 */
final class DissectorFiles {
    /** The classpath folder of the built-in files (the pom copies the top-level dissectors/ there). */
    static final String BUILT_IN = "dissectors";

    /** Kernel YNL specs sit in a folder of this name in any dissector directory. */
    static final String YNL_FOLDER = "ynl/";

    private final Map<String, SpecFile> byRelativePath = new LinkedHashMap<>();
    private final Map<String, YnlSource> ynlByRelativePath = new LinkedHashMap<>();

    /** A YNL spec file found among the dissector files, read but not yet translated; its tree when the bundle has it. */
    record YnlSource(String source, byte[] content, JsonNode parsed, boolean builtIn) {
        /** The spec as a YAML tree, aliases resolved. */
        JsonNode tree() {
            return parsed != null ? parsed : YnlLoader.read(source, content);
        }
    }
    private final List<Replacement> replacements = new ArrayList<>();
    /** The files that came with nlscope (by identity): a family of only these may compile when first used. */
    private final java.util.Set<SpecFile> builtInFiles = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The built-in files' trees made when nlscope was built. */
    private ParsedDissectors parsed;

    /** A user's file that took the place of a built-in one (same relative path). */
    record Replacement(String relativePath, String userSource, String builtInSource) {
    }

    /** Adds the built-in files; each is named "dissectors/REL" in errors. */
    DissectorFiles addBuiltIn(ClassLoader loader) {
        parsed = ParsedDissectors.load(loader);
        try {
            Enumeration<URL> roots = loader.getResources(BUILT_IN);
            List<URL> seen = new ArrayList<>();
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (!seen.contains(url)) {
                    seen.add(url);
                    addBuiltInRoot(url);
                }
            }
        } catch (IOException e) {
            throw new DissectorLoadException("cannot list the built-in dissectors: " + e.getMessage(), e);
        }
        return this;
    }

    private void addBuiltInRoot(URL url) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(url + ": " + e.getMessage(), e);
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            boolean opened = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                String inside = uri.getSchemeSpecificPart();
                inside = inside.substring(inside.indexOf("!/") + 1);
                addTree(fs.getPath(inside), BUILT_IN + "/", true);
            } finally {
                if (opened) {
                    fs.close();
                }
            }
        } else {
            addTree(Path.of(uri), BUILT_IN + "/", true);
        }
    }

    /** Adds the files of a user directory (missing directories are skipped); errors name the real path. */
    DissectorFiles addDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            addTree(dir, null, false);
        }
        return this;
    }

    private void addTree(Path root, String namePrefix, boolean builtIn) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> SpecLoader.isSpecFile(p.getFileName().toString())
                            || isYnl(root.relativize(p)) && YnlLoader.isSpecFile(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DissectorLoadException(root + ": cannot list dissector files: " + e.getMessage(), e);
        }
        for (Path p : files) {
            String relative = root.relativize(p).toString().replace('\\', '/');
            if (builtIn && byRelativePath.containsKey(relative)) {
                continue; // the same built-in folder twice on the classpath: the first wins
            }
            String source = namePrefix != null ? namePrefix + relative : p.toString();
            byte[] content;
            try {
                content = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new DissectorLoadException(source + ": cannot read: " + e.getMessage(), e);
            }
            boolean bundled = builtIn && parsed != null;
            if (relative.startsWith(YNL_FOLDER)) {
                ynlByRelativePath.put(relative, new YnlSource(source, content, bundled ? parsed.tree(relative, content) : null, builtIn));
                continue;
            }
            FamilySpec spec = bundled ? parsed.spec(relative, content) : null;
            SpecFile file = spec != null ? new SpecFile(source, spec) : SpecLoader.parse(source, content);
            SpecFile before = byRelativePath.put(relative, file);
            if (builtIn) {
                builtInFiles.add(file);
            }
            if (!builtIn && before != null && before.source().startsWith(BUILT_IN + "/")) {
                replacements.add(new Replacement(relative, source, before.source()));
            }
        }
    }

    /** The built-in files that user files replaced, in the order found. */
    List<Replacement> replacements() {
        return List.copyOf(replacements);
    }

    private static boolean isYnl(Path relative) {
        return relative.getNameCount() > 1 && relative.getName(0).toString().equals("ynl");
    }

    /** The YNL specs found in ynl/ folders, a user's replacing a built-in one of the same name. */
    List<YnlSource> ynlFiles() {
        return List.copyOf(ynlByRelativePath.values());
    }

    /** Whether this file is one of the built-in ones (not a user's file of the same path). */
    boolean isBuiltIn(SpecFile f) {
        return builtInFiles.contains(f);
    }

    List<SpecFile> files() {
        return List.copyOf(byRelativePath.values());
    }
}
