package org.nlscope.decode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every dissector, by what it claims. Built once and immutable, so decoders on any
 * thread can share it.
 */
public final class DissectorRegistry {
    private static final DissectorRegistry EMPTY = new DissectorRegistry(Map.of());

    private final Map<DissectorKey, Dissector> byKey;

    private DissectorRegistry(Map<DissectorKey, Dissector> byKey) {
        this.byKey = byKey;
    }

    public static DissectorRegistry empty() {
        return EMPTY;
    }

    /**
     * The dissectors of every {@link DissectorProvider} found through ServiceLoader.
     *
     * @param userDirectories directories of user dissector files, in increasing priority
     * @throws DissectorLoadException when a provider rejects a dissector file
     */
    public static DissectorRegistry load(List<Path> userDirectories) {
        return load(DissectorSources.of(userDirectories));
    }

    /**
     * The dissectors of every {@link DissectorProvider} found through ServiceLoader, for these sources.
     *
     * @throws DissectorLoadException when a provider rejects a dissector file or a spec
     */
    public static DissectorRegistry load(DissectorSources sources) {
        List<DissectorProvider> providers = new ArrayList<>();
        ServiceLoader.load(DissectorProvider.class).forEach(providers::add);
        return fromProviders(providers, sources);
    }

    /**
     * The dissectors of these providers: for one key, a provider of higher priority wins;
     * between equal priorities the later one in the list wins.
     */
    public static DissectorRegistry fromProviders(List<DissectorProvider> providers, List<Path> userDirectories) {
        return fromProviders(providers, DissectorSources.of(userDirectories == null ? List.of() : userDirectories));
    }

    /** As {@link #fromProviders(List, List)}, for these sources. */
    public static DissectorRegistry fromProviders(List<DissectorProvider> providers, DissectorSources sources) {
        List<DissectorProvider> ordered = new ArrayList<>(providers);
        ordered.sort(Comparator.comparingInt(DissectorProvider::priority)); // stable: keeps list order on ties
        List<Dissector> all = new ArrayList<>();
        for (DissectorProvider p : ordered) {
            List<Dissector> ds = p.dissectors(sources);
            if (ds != null) {
                all.addAll(ds);
            }
        }
        return of(all);
    }

    /** These dissectors; for one key the later one in the list wins. */
    public static DissectorRegistry of(List<Dissector> dissectors) {
        Map<DissectorKey, Dissector> map = new LinkedHashMap<>();
        for (Dissector d : dissectors) {
            map.put(d.key(), d);
        }
        return new DissectorRegistry(Collections.unmodifiableMap(map));
    }

    /** The dissector claiming this key, or null when none does. */
    public Dissector forKey(DissectorKey key) {
        return byKey.get(key);
    }

    /** Every dissector, one per key. */
    public Collection<Dissector> all() {
        return byKey.values();
    }
}
