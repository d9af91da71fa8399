package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;

/**
 * One family's files, nlscope's own laid over the kernel's specs of it ({@link Overlays}),
 * compiled into its dissector once, when first asked: at load for a family a user's file
 * or the system's spec has a part in (their mistakes are found at load), else when a
 * capture first has the family ({@link DeferredDissector}). Thread-safe.
 */
final class FamilyCompilation {
    /** What the files gave: the dissector (none when nothing is left to decode the family) and the report. */
    record Compiled(List<Dissector> dissectors, FamilyReport report) {
    }

    private final DissectorKey key;
    private final List<SpecFile> mine;
    private final List<KernelSpec> kernel;
    private final Map<String, ValueDecoder> decoders;
    private final SpecExtension extension;
    private final List<DissectorFiles.Replacement> replacements;
    private volatile Compiled compiled;

    FamilyCompilation(DissectorKey key, List<SpecFile> mine, List<KernelSpec> kernel, Map<String, ValueDecoder> decoders,
                      SpecExtension extension, List<DissectorFiles.Replacement> replacements) {
        this.key = key;
        this.mine = List.copyOf(mine);
        this.kernel = List.copyOf(kernel);
        this.decoders = decoders;
        this.extension = extension;
        this.replacements = List.copyOf(replacements);
    }

    DissectorKey key() {
        return key;
    }

    /** Whether it has been compiled yet. */
    boolean isCompiled() {
        return compiled != null;
    }

    /** The family compiled; the first call compiles it (and throws what the compiler throws). */
    Compiled compiled() {
        Compiled c = compiled;
        if (c == null) {
            synchronized (this) {
                c = compiled;
                if (c == null) {
                    c = compile();
                    compiled = c;
                }
            }
        }
        return c;
    }

    private Compiled compile() {
        List<KernelSpec> specs = kernel;
        List<String> warnings = new ArrayList<>();
        specs.forEach(s -> warnings.addAll(s.family().warnings()));
        List<SpecFile> group = specs.isEmpty() ? mine : Overlays.apply(mine, files(specs));
        List<SpecDissector> out;
        try {
            out = compile(group);
        } catch (DissectorLoadException e) {
            if (specs.stream().noneMatch(KernelSpec::fromSystem)) {
                throw e;
            }
            // the system's spec is not this nlscope's to fix: decode as if it were not there
            warnings.clear();
            warnings.add(e.getMessage() + " (the system's spec is not used)");
            specs = specs.stream().map(KernelSpec::withoutSystem).filter(Objects::nonNull).toList();
            group = specs.isEmpty() ? mine : Overlays.apply(mine, files(specs));
            if (group.isEmpty()) {
                return new Compiled(List.of(), null);
            }
            out = compile(group);
        }
        List<Dissector> dissectors = new ArrayList<>();
        for (SpecDissector d : out) {
            dissectors.add(extension == null || !extension.key().equals(d.key()) ? d : extension.extend(d));
        }
        List<String> origin = new ArrayList<>();
        if (extension != null) {
            // the Java that chooses among the files' layouts is part of where the family comes from
            origin.add("built in (Java: " + extension.getClass().getSimpleName() + ")");
        }
        for (int i = specs.size() - 1; i >= 0; i--) {
            origin.add(specs.get(i).family().file().source());
        }
        for (int i = mine.size() - 1; i >= 0; i--) {
            origin.add(mine.get(i).source());
        }
        int messages = group.stream().mapToInt(f -> f.spec().messages().size()).sum();
        return new Compiled(List.copyOf(dissectors), new FamilyReport(key, origin, messages, warnings));
    }

    private static List<SpecFile> files(List<KernelSpec> specs) {
        return specs.stream().map(s -> s.family().file()).toList();
    }

    private List<SpecDissector> compile(List<SpecFile> group) {
        try {
            return SpecCompiler.compile(group, decoders);
        } catch (DissectorLoadException e) {
            throw blameReplacement(e);
        }
    }

    /**
     * A built-in file that no longer compiles after a user's file replaced one it shares
     * definitions with (rtnetlink/common.yaml, say) is the user's doing: the error starts
     * with the user's file, nearest directory first.
     */
    private DissectorLoadException blameReplacement(DissectorLoadException e) {
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
}
