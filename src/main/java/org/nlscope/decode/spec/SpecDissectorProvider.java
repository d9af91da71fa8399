package org.nlscope.decode.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.DissectorProvider;
import org.nlscope.decode.DissectorSources;
import org.nlscope.decode.ynl.YnlDirectories;
import org.nlscope.decode.ynl.YnlFamily;
import org.nlscope.decode.ynl.YnlLoader;

/**
 * The data-driven dissectors: the built-in files, then
 * {@code ~/.config/nlscope/dissectors}, then the user's directories, a later file
 * replacing an earlier one with the same relative path; and the kernel's YNL specs
 * (built in under {@code dissectors/ynl/}, the system's kernel documentation, then
 * {@code --ynl} directories), a later spec replacing an earlier one of the same name.
 * A family with a spec is decoded by it, nlscope's own files of it laid over it
 * ({@link Overlays}), the system's spec as much as a built-in or --ynl one: the user's
 * kernel may be newer than nlscope. Loaded once per set of sources.
 */
public final class SpecDissectorProvider implements DissectorProvider {
    private final Path configDirectory;
    private final Path systemRoot;
    private final Map<DissectorSources, Loaded> loaded = new ConcurrentHashMap<>();

    /** What one set of sources gave. */
    private record Loaded(List<Dissector> dissectors, List<FamilyReport> reports) {
    }

    /** A translated spec, its tree (what a newer spec of its name is laid over), and whether it came from the system. */
    private record Spec(YnlFamily family, com.fasterxml.jackson.databind.JsonNode tree, boolean fromSystem, Spec builtIn) {
        /** What to use when the system's spec is not wanted: the built-in one it was laid over, or none. */
        Spec withoutSystem() {
            return fromSystem ? builtIn : this;
        }
    }

    /** The ServiceLoader's constructor: user files from ~/.config/nlscope/dissectors. */
    public SpecDissectorProvider() {
        this(Path.of(System.getProperty("user.home"), ".config", "nlscope", "dissectors"));
    }

    /** @param configDirectory the per-user dissector directory, or null for none */
    public SpecDissectorProvider(Path configDirectory) {
        this(configDirectory, Path.of("/"));
    }

    /** @param systemRoot where the system's kernel documentation is searched ("/"; tests give a tree of their own) */
    public SpecDissectorProvider(Path configDirectory, Path systemRoot) {
        this.configDirectory = configDirectory;
        this.systemRoot = systemRoot;
    }

    @Override
    public List<Dissector> dissectors(List<Path> userDirectories) {
        return dissectors(DissectorSources.of(userDirectories));
    }

    @Override
    public List<Dissector> dissectors(DissectorSources sources) {
        return loaded.computeIfAbsent(sources, this::load).dissectors();
    }

    /** Every family these sources give, for {@code nlscope dissectors}. */
    public List<FamilyReport> reports(DissectorSources sources) {
        return loaded.computeIfAbsent(sources, this::load).reports();
    }

    private Loaded load(DissectorSources sources) {
        DissectorFiles files = new DissectorFiles().addBuiltIn(SpecDissectorProvider.class.getClassLoader());
        if (configDirectory != null) {
            files.addDirectory(configDirectory);
        }
        for (Path dir : sources.dissectorDirs()) {
            if (!Files.isDirectory(dir)) {
                throw new DissectorLoadException(dir + ": no such dissector directory");
            }
            files.addDirectory(dir);
        }
        List<String> systemWarnings = new ArrayList<>();
        Map<String, Spec> specs = specs(files, sources, systemWarnings);
        Map<DissectorKey, List<SpecFile>> own = new LinkedHashMap<>();
        for (SpecFile f : files.files()) {
            own.computeIfAbsent(SpecCompiler.keyOf(f), k -> new ArrayList<>()).add(f);
        }
        Map<DissectorKey, List<Spec>> specsByKey = new LinkedHashMap<>();
        specs.values().forEach(s -> specsByKey.computeIfAbsent(s.family().key(), k -> new ArrayList<>()).add(s));
        List<DissectorKey> keys = new ArrayList<>(own.keySet());
        specsByKey.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);

        Map<String, ValueDecoder> decoders = valueDecoders();
        Map<DissectorKey, SpecExtension> extensions = extensions();
        List<Dissector> dissectors = new ArrayList<>();
        List<FamilyReport> reports = new ArrayList<>();
        for (DissectorKey key : keys) {
            List<SpecFile> mine = own.getOrDefault(key, List.of());
            List<Spec> kernel = specsByKey.getOrDefault(key, List.of());
            List<String> warnings = new ArrayList<>();
            kernel.forEach(s -> warnings.addAll(s.family().warnings()));
            List<SpecFile> group = mine;
            if (!kernel.isEmpty()) {
                group = Overlays.apply(mine, kernel.stream().map(s -> s.family().file()).toList());
            }
            List<SpecDissector> compiled;
            try {
                compiled = compile(group, decoders, files.replacements());
            } catch (DissectorLoadException e) {
                if (kernel.isEmpty() || kernel.stream().noneMatch(Spec::fromSystem)) {
                    throw e;
                }
                // the system's spec is not this nlscope's to fix: decode as if it were not there
                warnings.clear();
                warnings.add(e.getMessage() + " (the system's spec is not used)");
                kernel = kernel.stream().map(Spec::withoutSystem).filter(java.util.Objects::nonNull).toList();
                group = kernel.isEmpty() ? mine : Overlays.apply(mine, kernel.stream().map(k -> k.family().file()).toList());
                if (group.isEmpty()) {
                    continue;
                }
                compiled = compile(group, decoders, files.replacements());
            }
            for (SpecDissector d : compiled) {
                SpecExtension e = extensions.get(d.key());
                dissectors.add(e == null ? d : e.extend(d));
            }
            List<String> origin = new ArrayList<>();
            if (extensions.containsKey(key)) {
                // the Java that chooses among the files' layouts is part of where the family comes from
                origin.add("built in (Java: " + extensions.get(key).getClass().getSimpleName() + ")");
            }
            for (int i = kernel.size() - 1; i >= 0; i--) {
                origin.add(kernel.get(i).family().file().source());
            }
            for (int i = mine.size() - 1; i >= 0; i--) {
                origin.add(mine.get(i).source());
            }
            int messages = group.stream().mapToInt(f -> f.spec().messages().size()).sum();
            reports.add(new FamilyReport(key, origin, messages, warnings));
        }
        if (!systemWarnings.isEmpty()) {
            reports.add(new FamilyReport(null, List.of(), 0, systemWarnings));
        }
        return new Loaded(List.copyOf(dissectors), List.copyOf(reports));
    }

    /** The specs by name: built-in ones, then the system's (oldest kernel first), then --ynl's, later ones winning. */
    private Map<String, Spec> specs(DissectorFiles files, DissectorSources sources, List<String> systemWarnings) {
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (DissectorFiles.YnlSource s : files.ynlFiles()) {
            add(specs, s.source(), s.tree(), false);
        }
        if (sources.systemSpecs()) {
            List<Path> system = new ArrayList<>(YnlDirectories.system(systemRoot, System.getProperty("os.version")));
            java.util.Collections.reverse(system);
            for (Path folder : system) {
                for (Path p : YnlDirectories.specFiles(folder)) {
                    try {
                        add(specs, p.toString(), YnlLoader.read(p.toString(), Files.readAllBytes(p)), true);
                    } catch (DissectorLoadException | java.io.IOException e) {
                        systemWarnings.add(e instanceof DissectorLoadException ? e.getMessage()
                                : p + ": cannot read: " + e.getMessage());
                    }
                }
            }
        }
        for (Path dir : sources.ynlDirs()) {
            if (!Files.isDirectory(dir)) {
                throw new DissectorLoadException(dir + ": no such directory of YNL specs");
            }
            for (Path p : YnlDirectories.specFiles(YnlDirectories.specsFolder(dir))) {
                byte[] content;
                try {
                    content = Files.readAllBytes(p);
                } catch (java.io.IOException e) {
                    throw new DissectorLoadException(p + ": cannot read: " + e.getMessage(), e);
                }
                add(specs, p.toString(), YnlLoader.read(p.toString(), content), false);
            }
        }
        return specs;
    }

    /** A spec, laid over the one of its name found before (a newer kernel's over nlscope's built-in one). */
    private static void add(Map<String, Spec> specs, String source, com.fasterxml.jackson.databind.JsonNode tree,
                            boolean fromSystem) {
        Spec before = specs.get(tree.path("name").asText());
        if (before != null) {
            tree = YnlLoader.over(tree, before.tree());
        }
        YnlFamily f = YnlLoader.translate(source, tree);
        Spec builtIn = before == null ? null : before.fromSystem() ? before.builtIn() : before;
        specs.put(f.name(), new Spec(f, tree, fromSystem, builtIn));
    }

    private static List<SpecDissector> compile(List<SpecFile> group, Map<String, ValueDecoder> decoders,
                                               List<DissectorFiles.Replacement> replacements) {
        try {
            return SpecCompiler.compile(group, decoders);
        } catch (DissectorLoadException e) {
            throw blameReplacement(replacements, e);
        }
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
