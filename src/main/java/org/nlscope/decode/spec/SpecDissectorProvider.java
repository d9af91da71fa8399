package org.nlscope.decode.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.DissectorProvider;

/**
 * The data-driven dissectors: the built-in files, then
 * {@code ~/.config/nlscope/dissectors}, then the user's directories, a later file
 * replacing an earlier one with the same relative path. Loaded once per set of
 * directories.
 */
public final class SpecDissectorProvider implements DissectorProvider {
    private final Path configDirectory;
    private final Map<List<Path>, List<Dissector>> loaded = new ConcurrentHashMap<>();

    /** The ServiceLoader's constructor: user files from ~/.config/nlscope/dissectors. */
    public SpecDissectorProvider() {
        this(Path.of(System.getProperty("user.home"), ".config", "nlscope", "dissectors"));
    }

    /** @param configDirectory the per-user dissector directory, or null for none */
    public SpecDissectorProvider(Path configDirectory) {
        this.configDirectory = configDirectory;
    }

    @Override
    public List<Dissector> dissectors(List<Path> userDirectories) {
        return loaded.computeIfAbsent(List.copyOf(userDirectories), this::load);
    }

    private List<Dissector> load(List<Path> userDirectories) {
        DissectorFiles files = new DissectorFiles().addBuiltIn(SpecDissectorProvider.class.getClassLoader());
        if (configDirectory != null) {
            files.addDirectory(configDirectory);
        }
        for (Path dir : userDirectories) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new DissectorLoadException(dir + ": no such dissector directory");
            }
            files.addDirectory(dir);
        }
        List<SpecDissector> compiled;
        try {
            compiled = SpecCompiler.compile(files.files(), valueDecoders());
        } catch (DissectorLoadException e) {
            throw blameReplacement(files.replacements(), e);
        }
        Map<DissectorKey, SpecExtension> extensions = extensions();
        List<Dissector> out = new ArrayList<>(compiled.size());
        for (SpecDissector d : compiled) {
            SpecExtension e = extensions.get(d.key());
            out.add(e == null ? d : e.extend(d));
        }
        return out;
    }

    /** The Java extensions of families described by files, by the family they extend. */
    static Map<DissectorKey, SpecExtension> extensions() {
        Map<DissectorKey, SpecExtension> out = new java.util.HashMap<>();
        for (SpecExtension e : ServiceLoader.load(SpecExtension.class, SpecDissectorProvider.class.getClassLoader())) {
            SpecExtension before = out.putIfAbsent(e.key(), e);
            if (before != null) {
                throw new DissectorLoadException("two extensions claim " + e.key() + ": "
                        + before.getClass().getName() + " and " + e.getClass().getName());
            }
        }
        return out;
    }

    /**
     * A built-in file that no longer compiles after a user's file replaced one it shares
     * definitions with (rtnetlink/common.yaml, say) is the user's doing: the error starts
     * with the user's file, nearest directory first.
     */
    private static DissectorLoadException blameReplacement(List<DissectorFiles.Replacement> replacements,
                                                           DissectorLoadException e) {
        String message = String.valueOf(e.getMessage());
        if (replacements.isEmpty() || !message.startsWith(DissectorFiles.BUILT_IN + "/")) {
            return e;
        }
        DissectorFiles.Replacement blamed = replacements.get(0);
        for (DissectorFiles.Replacement r : replacements) {
            String dir = r.builtInSource().substring(0, r.builtInSource().lastIndexOf('/') + 1);
            if (message.startsWith(dir)) {
                blamed = r;
                break;
            }
        }
        return new DissectorLoadException(blamed.userSource() + ": replaces " + blamed.builtInSource()
                + ", and then " + message, e);
    }

    /** The value decoders registered through ServiceLoader, by name. */
    static Map<String, ValueDecoder> valueDecoders() {
        Map<String, ValueDecoder> out = new TreeMap<>();
        for (ValueDecoder d : ServiceLoader.load(ValueDecoder.class, SpecDissectorProvider.class.getClassLoader())) {
            ValueDecoder before = out.putIfAbsent(d.name(), d);
            if (before != null) {
                throw new DissectorLoadException("two value decoders are named '" + d.name() + "': "
                        + before.getClass().getName() + " and " + d.getClass().getName());
            }
        }
        return out;
    }
}
