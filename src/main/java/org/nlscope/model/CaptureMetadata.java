package org.nlscope.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a live capture knew beyond its frames: the generic netlink families, their attribute
 * policies and the links at its start, the processes behind netlink port ids, and the kernel's
 * drop counters. Saved
 * in pcapng files as a custom block so a capture decodes the same way later, on another machine.
 *
 * @param genlFamilies generic netlink family id to name
 * @param processes    netlink port id to process
 * @param stats        the kernel's counters at the end of the capture
 * @param interfaces   interface index to name, as the links were at the start
 * @param policies     generic netlink family name to the kernel's policies of its attributes
 */
public record CaptureMetadata(Map<Integer, String> genlFamilies, Map<Long, ProcessInfo> processes, CaptureStats stats,
                              Map<Integer, String> interfaces, Map<String, FamilyPolicy> policies) {

    public static final CaptureMetadata EMPTY = new CaptureMetadata(Map.of(), Map.of(), CaptureStats.NONE);

    public CaptureMetadata {
        genlFamilies = Map.copyOf(genlFamilies);
        processes = Map.copyOf(processes);
        stats = stats == null ? CaptureStats.NONE : stats;
        interfaces = interfaces == null ? Map.of() : Map.copyOf(interfaces);
        policies = policies == null ? Map.of() : Map.copyOf(policies);
    }

    /** Metadata without a policy snapshot. */
    public CaptureMetadata(Map<Integer, String> genlFamilies, Map<Long, ProcessInfo> processes, CaptureStats stats,
                           Map<Integer, String> interfaces) {
        this(genlFamilies, processes, stats, interfaces, Map.of());
    }

    /** Metadata without a link snapshot. */
    public CaptureMetadata(Map<Integer, String> genlFamilies, Map<Long, ProcessInfo> processes, CaptureStats stats) {
        this(genlFamilies, processes, stats, Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return genlFamilies.isEmpty() && processes.isEmpty() && stats.equals(CaptureStats.NONE) && interfaces.isEmpty()
                && policies.isEmpty();
    }

    public CaptureMetadata withStats(CaptureStats newStats) {
        return new CaptureMetadata(genlFamilies, processes, newStats, interfaces, policies);
    }

    public CaptureMetadata withPolicies(Map<String, FamilyPolicy> newPolicies) {
        return new CaptureMetadata(genlFamilies, processes, stats, interfaces, newPolicies);
    }

    /** This metadata with other's entries added (other wins on conflicts, its stats replace ours when set). */
    public CaptureMetadata merge(CaptureMetadata other) {
        Map<Integer, String> g = new LinkedHashMap<>(genlFamilies);
        g.putAll(other.genlFamilies);
        Map<Long, ProcessInfo> p = new LinkedHashMap<>(processes);
        p.putAll(other.processes);
        Map<Integer, String> i = new LinkedHashMap<>(interfaces);
        i.putAll(other.interfaces);
        Map<String, FamilyPolicy> pol = new LinkedHashMap<>(policies);
        other.policies.forEach((name, f) -> pol.merge(name, f, FamilyPolicy::merge));
        return new CaptureMetadata(g, p, other.stats.equals(CaptureStats.NONE) ? stats : other.stats, i, pol);
    }

    /**
     * A line-based text form, stable and easy to read in a hex dump:
     * {@code genl <id> <name>}, {@code link <ifindex> <name>}, {@code port <portid> <pid> <gone 0|1> <comm>},
     * {@code stats <packets> <drops> <freezes>}, and the policies' {@code genl-op} and
     * {@code genl-policy} lines ({@link FamilyPolicy#appendText}).
     */
    public String toText() {
        StringBuilder sb = new StringBuilder("nlscope-metadata 1\n");
        genlFamilies.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("genl ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        interfaces.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("link ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        processes.values().stream().sorted((a, b) -> Long.compare(a.portId(), b.portId()))
                .forEach(p -> sb.append("port ").append(p.portId()).append(' ').append(p.pid()).append(' ')
                        .append(p.gone() ? 1 : 0).append(' ').append(p.name() == null ? "-" : p.name().replace('\n', ' ')).append('\n'));
        sb.append("stats ").append(stats.packets()).append(' ').append(stats.drops()).append(' ')
                .append(stats.queueFreezes()).append('\n');
        policies.keySet().stream().sorted().forEach(name -> policies.get(name).appendText(sb));
        return sb.toString();
    }

    /** Parses {@link #toText()}; lines it does not understand are skipped, so newer writers stay readable. */
    public static CaptureMetadata parse(String text) {
        Map<Integer, String> g = new LinkedHashMap<>();
        Map<Long, ProcessInfo> p = new LinkedHashMap<>();
        Map<Integer, String> links = new LinkedHashMap<>();
        Map<String, FamilyPolicy.Builder> policies = new LinkedHashMap<>();
        CaptureStats stats = CaptureStats.NONE;
        for (String line : text.split("\n")) {
            if (line.startsWith("genl-op ") || line.startsWith("genl-policy ")) {
                List<String> words = Arrays.asList(line.trim().split(" +"));
                FamilyPolicy.parseLine(words.get(0), words.subList(1, words.size()), policies);
                continue;
            }
            String[] w = line.trim().split(" ", 5);
            try {
                switch (w[0]) {
                    case "genl" -> {
                        if (w.length >= 3) {
                            g.put(Integer.parseInt(w[1]), w[2]);
                        }
                    }
                    case "link" -> {
                        if (w.length >= 3 && Integer.parseInt(w[1]) > 0) {
                            links.put(Integer.parseInt(w[1]), w[2]);
                        }
                    }
                    case "port" -> {
                        if (w.length >= 5) {
                            long port = Long.parseLong(w[1]);
                            p.put(port, new ProcessInfo(port, Integer.parseInt(w[2]), "-".equals(w[4]) ? null : w[4], "1".equals(w[3])));
                        }
                    }
                    case "stats" -> {
                        if (w.length >= 4) {
                            stats = new CaptureStats(Long.parseLong(w[1]), Long.parseLong(w[2]), Long.parseLong(w[3]));
                        }
                    }
                    default -> {
                    }
                }
            } catch (NumberFormatException e) {
                // a damaged line loses only itself
            }
        }
        Map<String, FamilyPolicy> pol = new LinkedHashMap<>();
        policies.forEach((name, b) -> pol.put(name, b.build()));
        return new CaptureMetadata(g, p, stats, links, pol);
    }

    /**
     * Metadata blocks merged as they are read, in O(entries of each block): merging
     * immutable records block by block copied everything per block (issue 12: 40k blocks,
     * 47 s). Entries beyond {@link Limits#MAX_GENL_IDS} ids and {@link Limits#MAX_PROCESSES}
     * ports are dropped. Not thread-safe.
     */
    public static final class Accumulator {
        private final Map<Integer, String> genl = new LinkedHashMap<>();
        private final Map<Long, ProcessInfo> ports = new LinkedHashMap<>();
        private final Map<Integer, String> links = new LinkedHashMap<>();
        private final Map<String, FamilyPolicy> policies = new LinkedHashMap<>();
        private int policyEntries;
        private int policyBlocks;
        private CaptureStats stats = CaptureStats.NONE;
        private CaptureMetadata snapshot = EMPTY;
        private boolean changed;

        /** Adds one block's entries (later ones win); returns what was new in it, or {@link #EMPTY}. */
        public CaptureMetadata add(CaptureMetadata block) {
            Map<Integer, String> newGenl = new LinkedHashMap<>();
            Map<Long, ProcessInfo> newPorts = new LinkedHashMap<>();
            Map<Integer, String> newLinks = new LinkedHashMap<>();
            block.interfaces.forEach((index, name) -> {
                if (!name.equals(links.get(index)) && (links.containsKey(index) || links.size() < Limits.MAX_INTERFACES)) {
                    links.put(index, name);
                    newLinks.put(index, name);
                }
            });
            block.genlFamilies.forEach((id, name) -> {
                if (!name.equals(genl.get(id)) && (genl.containsKey(id) || genl.size() < Limits.MAX_GENL_IDS)) {
                    genl.put(id, name);
                    newGenl.put(id, name);
                }
            });
            block.processes.forEach((port, p) -> {
                if (!p.equals(ports.get(port)) && (ports.containsKey(port) || ports.size() < Limits.MAX_PROCESSES)) {
                    ports.put(port, p);
                    newPorts.put(port, p);
                }
            });
            Map<String, FamilyPolicy> newPolicies = addPolicies(block.policies);
            CaptureStats newStats = block.stats.equals(CaptureStats.NONE) || block.stats.equals(stats) ? CaptureStats.NONE : block.stats;
            if (newGenl.isEmpty() && newPorts.isEmpty() && newLinks.isEmpty() && newStats.equals(CaptureStats.NONE)
                    && newPolicies.isEmpty()) {
                return EMPTY;
            }
            if (!newStats.equals(CaptureStats.NONE)) {
                stats = newStats;
            }
            changed = true;
            return new CaptureMetadata(newGenl, newPorts, newStats, newLinks, newPolicies);
        }

        /**
         * Merges a block's policies, within {@link Limits#MAX_POLICY_ENTRIES} and from at most
         * {@link Limits#MAX_POLICY_BLOCKS} blocks (a merge costs the family's size, so a file of
         * many small policy blocks must not cost their product); returns the families that changed.
         */
        private Map<String, FamilyPolicy> addPolicies(Map<String, FamilyPolicy> block) {
            if (block.isEmpty() || policyBlocks >= Limits.MAX_POLICY_BLOCKS) {
                return Map.of();
            }
            policyBlocks++;
            Map<String, FamilyPolicy> added = new LinkedHashMap<>();
            block.forEach((name, f) -> {
                FamilyPolicy old = policies.get(name);
                if (old == null && policies.size() >= Limits.MAX_GENL_IDS) {
                    return;
                }
                FamilyPolicy merged = old == null ? f : old.merge(f);
                int grown = merged.size() - (old == null ? 0 : old.size());
                if (!merged.equals(old) && policyEntries + grown <= Limits.MAX_POLICY_ENTRIES) {
                    policies.put(name, merged);
                    policyEntries += grown;
                    added.put(name, f);
                }
            });
            return added;
        }

        /** Everything added so far; the same instance until something new is added. */
        public CaptureMetadata snapshot() {
            if (changed) {
                snapshot = new CaptureMetadata(genl, ports, stats, links, policies);
                changed = false;
            }
            return snapshot;
        }
    }
}
