package org.nlscope.decode;

import static org.nlscope.uapi.Genetlink.GENL_ID_CTRL;

import java.util.HashMap;
import java.util.Map;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.FamilyPolicy;
import org.nlscope.model.Limits;
import org.nlscope.model.NftSet;
import org.nlscope.model.ProcessInfo;

/**
 * What one capture knows that its frames alone may not say: generic netlink family
 * ids learned from nlctrl (or a snapshot at capture start), the processes behind
 * port ids, and interface names learned from the capture's own link messages (or a
 * snapshot at capture start), and the kernel's attribute policies of genl families as a
 * live capture saved them (they type the attributes of families nobody described), and the key
 * types of the nftables sets it defined (they type the sets' elements). Immutable: learning returns a new context, so a decode is
 * a pure function of (frame, context) and can be repeated on any thread.
 */
public final class DecodeContext {
    private static final DecodeContext EMPTY = new DecodeContext(
            SharedTrie.<String>empty().with(GENL_ID_CTRL, "nlctrl"), SharedTrie.empty(), SharedTrie.empty(), Map.of(),
            NftSetTable.EMPTY);

    // structurally shared: learning one id copies a path, not the map (issue 12: 65,535 ids took 47 s)
    private final SharedTrie<String> genlFamilies;
    private final SharedTrie<ProcessInfo> processes;
    private final SharedTrie<String> interfaces;
    /** By family name; few families, each added once from a capture's metadata. */
    private final Map<String, FamilyPolicy> policies;
    /** The key and data types of the nftables sets the capture defined, which their elements do not repeat. */
    private final NftSetTable nftSets;

    private DecodeContext(SharedTrie<String> genlFamilies, SharedTrie<ProcessInfo> processes,
                          SharedTrie<String> interfaces, Map<String, FamilyPolicy> policies, NftSetTable nftSets) {
        this.genlFamilies = genlFamilies;
        this.processes = processes;
        this.interfaces = interfaces;
        this.policies = policies;
        this.nftSets = nftSets;
    }

    public static DecodeContext empty() {
        return EMPTY;
    }

    /** A context seeded with what a live capture saved (genl snapshot, port owners). */
    public static DecodeContext of(CaptureMetadata metadata) {
        return EMPTY.withMetadata(metadata);
    }

    /** This context with the entries of one metadata block added: O(entries of the block). */
    public DecodeContext withMetadata(CaptureMetadata metadata) {
        DecodeContext out = this;
        for (Map.Entry<Integer, String> e : metadata.genlFamilies().entrySet()) {
            out = out.withGenlFamily(e.getKey(), e.getValue());
        }
        for (ProcessInfo p : metadata.processes().values()) {
            out = out.withProcess(p);
        }
        for (Map.Entry<Integer, String> e : metadata.interfaces().entrySet()) {
            out = out.withInterface(e.getKey(), e.getValue());
        }
        if (!metadata.policies().isEmpty()) {
            out = out.withPolicies(metadata.policies());
        }
        return out;
    }

    /** The kernel's policies of a genl family as the capture saved them, or null. */
    public FamilyPolicy policy(String family) {
        return family == null ? null : policies.get(family);
    }

    /** Every family's policies this context knows, by family name. */
    public Map<String, FamilyPolicy> policies() {
        return policies;
    }

    /** This context with these families' policies merged into what it knew (the new entries win). */
    public DecodeContext withPolicies(Map<String, FamilyPolicy> added) {
        Map<String, FamilyPolicy> p = new HashMap<>(policies);
        boolean changed = false;
        for (Map.Entry<String, FamilyPolicy> e : added.entrySet()) {
            FamilyPolicy old = p.get(e.getKey());
            if (old != e.getValue()) {   // a capture's metadata hands the same instances again
                p.put(e.getKey(), old == null ? e.getValue() : old.merge(e.getValue()));
                changed = true;
            }
        }
        return changed ? new DecodeContext(genlFamilies, processes, interfaces, Map.copyOf(p), nftSets) : this;
    }

    /** The generic netlink family name of a dynamic id, or null when this capture never named it. */
    public String genlFamily(int id) {
        return genlFamilies.get(id);
    }

    /** Every id this capture named, in id order: a copy, O(ids). */
    public Map<Integer, String> genlFamilies() {
        return genlFamilies.toMap(k -> (int) k);
    }

    /**
     * Why this context would not take a name for a genl id, or null when it would: nlctrl's
     * id is the kernel's and fixed, and a capture names at most {@link Limits#MAX_GENL_IDS} ids.
     */
    public String refusal(int id, String name) {
        if (id == GENL_ID_CTRL && !"nlctrl".equals(name)) {
            return "family id " + GENL_ID_CTRL + " is nlctrl's, fixed by the kernel; not renamed";
        }
        if (genlFamilies.get(id) == null && genlFamilies.size() >= Limits.MAX_GENL_IDS) {
            return "family id " + id + " not learned: the capture already named " + Limits.MAX_GENL_IDS
                    + " ids, the limit";
        }
        return null;
    }

    /** The process behind a netlink port id, or null. */
    public ProcessInfo process(long portId) {
        return processes.get(portId);
    }

    /** Every port owner known, in port order: a copy, O(ports). */
    public Map<Long, ProcessInfo> processes() {
        return processes.toMap(k -> k);
    }

    /** This context, knowing that a genl family id has this name; the same instance when nothing changes or {@link #refusal} refuses. */
    public DecodeContext withGenlFamily(int id, String name) {
        if (name == null || id < 0 || refusal(id, name) != null) {
            return this;
        }
        SharedTrie<String> g = genlFamilies.with(id, name);
        return g == genlFamilies ? this : new DecodeContext(g, processes, interfaces, policies, nftSets);
    }

    public DecodeContext withProcess(ProcessInfo info) {
        if (info.portId() < 0 || info.portId() > 0xffffffffL
                || (processes.get(info.portId()) == null && processes.size() >= Limits.MAX_PROCESSES)) {
            return this;
        }
        SharedTrie<ProcessInfo> p = processes.with(info.portId(), info);
        return p == processes ? this : new DecodeContext(genlFamilies, p, interfaces, policies, nftSets);
    }

    /** The name of an interface index as this capture last named it, or null. */
    public String interfaceName(long index) {
        return index > 0 && index <= Integer.MAX_VALUE ? interfaces.get(index) : null;
    }

    /** Every interface named so far, in index order: a copy, O(interfaces). */
    public Map<Integer, String> interfaces() {
        return interfaces.toMap(k -> (int) k);
    }

    /**
     * This context, knowing that interface {@code index} is called {@code name} (a rename
     * replaces the name); the same instance when nothing changes or past {@link Limits#MAX_INTERFACES}.
     */
    public DecodeContext withInterface(int index, String name) {
        if (index <= 0 || name == null || name.isEmpty()
                || (interfaces.get(index) == null && interfaces.size() >= Limits.MAX_INTERFACES)) {
            return this;
        }
        SharedTrie<String> i = interfaces.with(index, name);
        return i == interfaces ? this : new DecodeContext(genlFamilies, processes, i, policies, nftSets);
    }

    /**
     * The nftables set of this name (or, with {@code id} at least 0, of this NFTA_SET_ID of the
     * same batch) in a table of an NFPROTO family, as its NFT_MSG_NEWSET defined it; null when the
     * capture holds no definition.
     */
    public NftSet nftSet(int family, String table, String name, long id) {
        // a named set by its name; an anonymous one ("__set%d" until the kernel numbers it) by its batch id
        boolean named = name != null && !name.contains("%");
        NftSet first = named ? nftSets.get(nftSetKey(family, table, name))
                : id >= 0 ? nftSets.get(nftSetKey(family, table, idName(id))) : null;
        if (first != null) {
            return first;
        }
        return named ? (id >= 0 ? nftSets.get(nftSetKey(family, table, idName(id))) : null)
                : name != null ? nftSets.get(nftSetKey(family, table, name)) : null;
    }

    /**
     * This context, knowing a set's types by its name and (id at least 0) its batch id; the same
     * instance when it knew, or past {@link Limits#MAX_NFT_SETS}.
     */
    public DecodeContext withNftSet(int family, String table, String name, long id, NftSet set) {
        NftSetTable t = nftSets;
        if (name != null && !name.isEmpty()) {
            t = bounded(t, nftSetKey(family, table, name), set);
        }
        if (id >= 0) {
            t = bounded(t, nftSetKey(family, table, idName(id)), set);
        }
        return t == nftSets ? this : new DecodeContext(genlFamilies, processes, interfaces, policies, t);
    }

    private static NftSetTable bounded(NftSetTable t, String key, NftSet set) {
        return t.get(key) == null && t.size() >= Limits.MAX_NFT_SETS ? t : t.with(key, set);
    }

    /** NUL separates: no C string holds one, so no table and set name make another's key. */
    private static String nftSetKey(int family, String table, String name) {
        return family + "\0" + table + "\0" + name;
    }

    /** A batch id's key part: a NUL first, so no set name equals it. */
    private static String idName(long id) {
        return "\0#" + id;
    }
}
