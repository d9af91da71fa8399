package org.nlscope.decode;

import org.nlscope.model.NftSet;

/**
 * The nftables sets a capture defined, by a key string (family, table, and name or batch id):
 * immutable and structurally shared like the other maps of {@link DecodeContext}, keyed by the
 * string's hash with a short chain where hashes collide.
 */
final class NftSetTable {
    static final NftSetTable EMPTY = new NftSetTable(SharedTrie.empty(), 0);

    /** One key's entry, and the next of the same hash. */
    private record Entry(String key, NftSet set, Entry next) {
    }

    private final SharedTrie<Entry> byHash;
    private final int size;

    private NftSetTable(SharedTrie<Entry> byHash, int size) {
        this.byHash = byHash;
        this.size = size;
    }

    int size() {
        return size;
    }

    NftSet get(String key) {
        for (Entry e = byHash.get(hash(key)); e != null; e = e.next()) {
            if (e.key().equals(key)) {
                return e.set();
            }
        }
        return null;
    }

    /** This table with key set to set; the same instance when it already said so. */
    NftSetTable with(String key, NftSet set) {
        long h = hash(key);
        Entry chain = byHash.get(h);
        Entry rest = null;
        boolean had = false;
        for (Entry e = chain; e != null; e = e.next()) {
            if (e.key().equals(key)) {
                if (e.set().equals(set)) {
                    return this;
                }
                had = true;
            } else {
                rest = new Entry(e.key(), e.set(), rest);
            }
        }
        return new NftSetTable(byHash.with(h, new Entry(key, set, rest)), had ? size : size + 1);
    }

    private static long hash(String key) {
        return key.hashCode() & 0xffffffffL;
    }
}
