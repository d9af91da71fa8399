package org.nlscope.decode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable map from unsigned 32-bit keys to values that shares structure between
 * versions: {@link #with} copies only the 8 nodes on the key's path (16 slots each), so a
 * capture that learns n ids costs O(n), where copying a whole map per id cost O(n²).
 */
final class SharedTrie<V> {
    private static final int BITS = 4;
    private static final int WIDTH = 1 << BITS;
    private static final int LEVELS = 32 / BITS;

    private static final SharedTrie<?> EMPTY = new SharedTrie<>(new Object[WIDTH], 0);

    private final Object[] root;
    private final int size;

    private SharedTrie(Object[] root, int size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <V> SharedTrie<V> empty() {
        return (SharedTrie<V>) EMPTY;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        if (key < 0 || key > 0xffffffffL) {
            return null;
        }
        Object[] node = root;
        for (int level = LEVELS - 1; level > 0; level--) {
            node = (Object[]) node[slot(key, level)];
            if (node == null) {
                return null;
            }
        }
        return (V) node[slot(key, 0)];
    }

    /** This map with key set to value (non-null); the same instance when nothing changes. */
    SharedTrie<V> with(long key, V value) {
        if (key < 0 || key > 0xffffffffL) {
            throw new IllegalArgumentException("key " + key + " is not an unsigned 32-bit value");
        }
        V old = get(key);
        if (value.equals(old)) {
            return this;
        }
        return new SharedTrie<>(with(root, LEVELS - 1, key, value), old == null ? size + 1 : size);
    }

    private static Object[] with(Object[] node, int level, long key, Object value) {
        Object[] copy = node == null ? new Object[WIDTH] : node.clone();
        int slot = slot(key, level);
        copy[slot] = level == 0 ? value : with((Object[]) copy[slot], level - 1, key, value);
        return copy;
    }

    /** Every entry in ascending key order. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<Long, V> action) {
        forEach(root, LEVELS - 1, 0, (BiConsumer<Long, Object>) (BiConsumer<?, ?>) action);
    }

    private static void forEach(Object[] node, int level, long prefix, BiConsumer<Long, Object> action) {
        for (int i = 0; i < WIDTH; i++) {
            Object o = node[i];
            if (o == null) {
                continue;
            }
            long key = (prefix << BITS) | i;
            if (level == 0) {
                action.accept(key, o);
            } else {
                forEach((Object[]) o, level - 1, key, action);
            }
        }
    }

    /** A copy as an ordinary map, in key order: O(n), for the rare callers that want all entries. */
    <K> Map<K, V> toMap(java.util.function.LongFunction<K> keys) {
        Map<K, V> out = new LinkedHashMap<>();
        forEach((k, v) -> out.put(keys.apply(k), v));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static int slot(long key, int level) {
        return (int) (key >>> (level * BITS)) & (WIDTH - 1);
    }
}
