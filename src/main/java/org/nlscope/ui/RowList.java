package org.nlscope.ui;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableListBase;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;

/**
 * The rows the table shows, as an observable list over store row indexes: a row is decoded
 * only when the table asks for it (the few dozen in view) and a few thousand are cached, so a
 * million displayed rows cost four bytes each. Changed on the FX thread only, in whole batches.
 * Read-only for everyone else.
 */
final class RowList extends ObservableListBase<MessageRow> {
    private static final int CACHE_ROWS = 4096;

    private CaptureStore store;
    private int[] rows = new int[0];
    private int size;
    /** True while the rows are in capture order (the usual case): found by binary search. */
    private boolean ascending = true;
    /** Where each store row is shown (-1: not), built when first asked of a sorted view; null after a change. */
    private int[] positions;
    private final Map<Integer, MessageRow> cache = new LinkedHashMap<>(CACHE_ROWS * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, MessageRow> eldest) {
            return size() > CACHE_ROWS;
        }
    };

    @Override
    public MessageRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        int row = rows[index];
        MessageRow r = cache.get(row);
        if (r == null) {
            r = store.row(row);
            cache.put(row, r);
        }
        return r;
    }

    /** Keeps rows decoded elsewhere (the worker decodes the first ones a view shows), so showing them decodes nothing. */
    void cache(List<MessageRow> decoded) {
        for (MessageRow r : decoded) {
            cache.put(r.index(), r);
        }
    }

    @Override
    public int size() {
        return size;
    }

    /** By store row, without decoding the rows (the selection model looks items up after a change). */
    @Override
    public int indexOf(Object o) {
        return o instanceof MessageRow r ? indexOfStoreRow(r.index()) : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o); // a store row is shown once
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** The store row shown at {@code index}. */
    int storeRow(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        return rows[index];
    }

    /** The store rows shown, in order (a copy). */
    int[] storeRows() {
        return Arrays.copyOf(rows, size);
    }

    /** Where store row {@code row} is shown, or -1. */
    int indexOfStoreRow(int row) {
        if (ascending) {
            int at = Arrays.binarySearch(rows, 0, size, row);
            return at < 0 ? -1 : at;
        }
        if (positions == null) {
            // a sorted view: one pass builds where each store row is, until the rows change again
            int max = -1;
            for (int i = 0; i < size; i++) {
                max = Math.max(max, rows[i]);
            }
            positions = new int[max + 1];
            Arrays.fill(positions, -1);
            for (int i = 0; i < size; i++) {
                positions[rows[i]] = i;
            }
        }
        return row >= 0 && row < positions.length ? positions[row] : -1;
    }

    private static boolean ascending(int[] a, int from, int to, int after) {
        for (int i = from; i < to; i++) {
            if (a[i] <= after) {
                return false;
            }
            after = a[i];
        }
        return true;
    }

    /** Appends store rows at the end. */
    void append(int[] more, int n) {
        if (n == 0) {
            return;
        }
        if (size + n > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(size + n, rows.length * 2));
        }
        ascending = ascending && RowList.ascending(more, 0, n, size == 0 ? -1 : rows[size - 1]);
        positions = null;
        System.arraycopy(more, 0, rows, size, n);
        beginChange();
        nextAdd(size, size + n);
        size += n;
        endChange();
    }

    /** Shows no row, of this store from now on. */
    void setStore(CaptureStore newStore) {
        replace(new int[0], 0);
        store = newStore;
        cache.clear();
    }

    /** Shows exactly these store rows, in this order. */
    void replace(int[] newRows, int n) {
        int old = size;
        beginChange();
        if (old > 0) {
            // listeners get the count of what went; the rows themselves are not decoded for them
            nextRemove(0, placeholders(old));
        }
        rows = n == newRows.length ? newRows : Arrays.copyOf(newRows, n);
        size = n;
        ascending = ascending(rows, 0, n, -1);
        positions = null;
        if (n > 0) {
            nextAdd(0, n);
        }
        endChange();
    }

    private static List<MessageRow> placeholders(int n) {
        return new AbstractList<>() {
            @Override
            public MessageRow get(int index) {
                return null;
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
