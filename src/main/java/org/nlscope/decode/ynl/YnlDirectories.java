package org.nlscope.decode.ynl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlscope.decode.DissectorLoadException;

/**
 * Where YNL specs are: a directory given by the user (a kernel tree, its
 * {@code Documentation/netlink}, or the {@code specs/} folder itself), and the running
 * system's kernel documentation, newest kernel first.
 */
public final class YnlDirectories {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private YnlDirectories() {
    }

    /** The specs folder a user's directory stands for: DIR/specs, DIR/Documentation/netlink/specs, or DIR. */
    public static Path specsFolder(Path dir) {
        for (Path candidate : List.of(dir.resolve("specs"), dir.resolve("Documentation/netlink/specs"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return dir;
    }

    /** The spec files of a folder (*.yaml, *.yml, gzipped or not), sorted by name. */
    public static List<Path> specFiles(Path folder) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                if (Files.isRegularFile(p) && YnlLoader.isSpecFile(p.getFileName().toString())) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new DissectorLoadException(folder + ": cannot list YNL specs: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    /**
     * The system's folders of kernel specs that exist, newest kernel first: Debian's
     * linux-doc packages, kernel sources under /usr/src, the running kernel's build tree.
     *
     * @param root    "/" on a real system (tests give another)
     * @param release the running kernel's release (uname -r)
     */
    public static List<Path> system(Path root, String release) {
        List<Path> found = new ArrayList<>();
        addMatching(found, root.resolve("usr/share/doc"), "linux-doc-", "Documentation/netlink/specs");
        addMatching(found, root.resolve("usr/src"), "linux", "Documentation/netlink/specs");
        found.sort(Comparator.comparing(YnlDirectories::version).reversed());
        if (release != null && !release.isBlank()) {
            Path build = root.resolve("lib/modules").resolve(release).resolve("build/Documentation/netlink/specs");
            if (Files.isDirectory(build) && !found.contains(build)) {
                found.add(0, build); // the running kernel's own tree describes what it speaks
            }
        }
        return found;
    }

    private static void addMatching(List<Path> out, Path parent, String prefix, String inside) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path d : dirs) {
                Path specs = d.resolve(inside);
                if (Files.isDirectory(specs)) {
                    out.add(specs);
                }
            }
        } catch (IOException e) {
            // an unreadable folder of the system's documentation is no folder of specs
        }
    }

    /** The kernel version in a path ("linux-doc-6.12" is 6.12.0), as one comparable number. */
    static long version(Path p) {
        Matcher m = VERSION.matcher(p.toString());
        long best = -1;
        while (m.find()) {
            long v = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) * 1000
                    + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
            best = Math.max(best, v);
        }
        return best;
    }
}
