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
        for (int i = 0; i < size; i++) {
            if (rows[i] == row) {
                return i;
            }
        }
        return -1;
    }

    /** Appends store rows at the end. */
    void append(int[] more, int n) {
        if (n == 0) {
            return;
        }
        if (size + n > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(size + n, rows.length * 2));
        }
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
