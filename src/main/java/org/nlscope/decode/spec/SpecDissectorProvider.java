package org.nlscope.decode.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.DissectorProvider;
import org.nlscope.decode.DissectorSources;
import org.nlscope.decode.ynl.YnlDirectories;
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

    /** What one set of sources gave: the dissectors (built-in families compiled when first used), and how. */
    private record Loaded(List<Dissector> dissectors, List<FamilyCompilation> families, List<String> systemWarnings) {
        /** Every family's report; compiles those not compiled yet. */
        List<FamilyReport> reports() {
            List<FamilyReport> out = new ArrayList<>();
            for (FamilyCompilation f : families) {
                FamilyReport r = f.compiled().report();
                if (r != null) {
                    out.add(r);
                }
            }
            if (!systemWarnings.isEmpty()) {
                out.add(new FamilyReport(null, List.of(), 0, systemWarnings));
            }
            return out;
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
        Set<KernelSpec> builtInSpecs = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, KernelSpec> specs = specs(files, sources, systemWarnings, builtInSpecs);
        Map<DissectorKey, List<SpecFile>> own = new LinkedHashMap<>();
        for (SpecFile f : files.files()) {
            own.computeIfAbsent(SpecCompiler.keyOf(f), k -> new ArrayList<>()).add(f);
        }
        Map<DissectorKey, List<KernelSpec>> specsByKey = new LinkedHashMap<>();
        specs.values().forEach(s -> specsByKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        List<DissectorKey> keys = new ArrayList<>(own.keySet());
        specsByKey.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);

        Map<String, ValueDecoder> decoders = Map.copyOf(valueDecoders());
        Map<DissectorKey, SpecExtension> extensions = extensions();
        List<Dissector> dissectors = new ArrayList<>();
        List<FamilyCompilation> families = new ArrayList<>();
        for (DissectorKey key : keys) {
            List<SpecFile> mine = own.getOrDefault(key, List.of());
            List<KernelSpec> kernel = specsByKey.getOrDefault(key, List.of());
            FamilyCompilation family = new FamilyCompilation(key, mine, kernel, decoders, extensions.get(key),
                    files.replacements());
            families.add(family);
            // only nlscope's own files, which its build compiles, may wait until a capture has the family
            boolean builtInOnly = files.replacements().isEmpty() && mine.stream().allMatch(files::isBuiltIn)
                    && kernel.stream().allMatch(k -> builtInSpecs.contains(k));
            if (builtInOnly) {
                dissectors.add(new DeferredDissector(family));
            } else {
                dissectors.addAll(family.compiled().dissectors());
            }
        }
        return new Loaded(List.copyOf(dissectors), List.copyOf(families), List.copyOf(systemWarnings));
    }

    /** The specs by name: built-in ones, then the system's (oldest kernel first), then --ynl's, later ones winning. */
    private Map<String, KernelSpec> specs(DissectorFiles files, DissectorSources sources, List<String> systemWarnings,
                                          Set<KernelSpec> builtIn) {
        Map<String, KernelSpec> specs = new LinkedHashMap<>();
        for (DissectorFiles.YnlSource s : files.ynlFiles()) {
            KernelSpec spec = add(specs, s.source(), s.tree(), false, s.builtIn());
            if (s.builtIn()) {
                builtIn.add(spec);
            }
        }
        if (sources.systemSpecs()) {
            List<Path> system = new ArrayList<>(YnlDirectories.system(systemRoot, System.getProperty("os.version")));
            java.util.Collections.reverse(system);
            for (Path folder : system) {
                for (Path p : YnlDirectories.specFiles(folder)) {
                    try {
                        add(specs, p.toString(), YnlLoader.read(p.toString(), Files.readAllBytes(p)), true, false);
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
                add(specs, p.toString(), YnlLoader.read(p.toString(), content), false, false);
            }
        }
        return specs;
    }

    /**
     * A spec, laid over the one of its name found before (a newer kernel's over nlscope's
     * built-in one). One that is not built in is translated now, so that its mistakes are
     * found at load (a system's spec's become warnings).
     */
    private static KernelSpec add(Map<String, KernelSpec> specs, String source, com.fasterxml.jackson.databind.JsonNode tree,
                                  boolean fromSystem, boolean builtIn) {
        KernelSpec before = specs.get(tree.path("name").asText());
        if (before != null) {
            tree = YnlLoader.over(tree, before.tree());
        }
        KernelSpec spec = new KernelSpec(source, tree, fromSystem, before == null ? null : before.withoutSystem());
        if (!builtIn) {
            spec.family();
        }
        specs.put(tree.path("name").asText(), spec);
        return spec;
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
