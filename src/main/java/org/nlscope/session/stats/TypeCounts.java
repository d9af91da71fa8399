package org.nlscope.session.stats;

import java.util.Arrays;

/**
 * The counts of one time bucket: messages, errors, and messages per type id as a small sparse
 * list (a second of a capture holds a few kinds of message), so a bucket costs some bytes per
 * kind it saw and no map.
 */
final class TypeCounts {
    long messages;
    long errors;
    private int[] ids = new int[4];
    private long[] counts = new long[4];
    private int n;
    private int last; // the slot of the last id counted: runs of one kind find it first

    void add(int id, long count) {
        int i = last < n && ids[last] == id ? last : find(id);
        if (i < 0) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                counts = Arrays.copyOf(counts, n * 2);
            }
            i = n++;
            ids[i] = id;
        }
        counts[i] += count;
        last = i;
    }

    /** Adds everything {@code other} counted. */
    void addAll(TypeCounts other) {
        messages += other.messages;
        errors += other.errors;
        for (int i = 0; i < other.n; i++) {
            add(other.ids[i], other.counts[i]);
        }
    }

    int kinds() {
        return n;
    }

    int id(int slot) {
        return ids[slot];
    }

    long count(int slot) {
        return counts[slot];
    }

    private int find(int id) {
        for (int i = 0; i < n; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
