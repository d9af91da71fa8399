package org.nlscope.session;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.transactions.Transactions;
import org.nlscope.uapi.Netlink;

/**
 * Sorts rows of a store by a table column, as a permutation of row indexes: numbers come
 * from the index; Family and Type names are decoded once per kind of message; only Info
 * decodes every row. Stable: rows that tie keep their capture order (in both directions).
 * Meant for a background thread; a sort whose {@code cancelled} turns true returns null.
 */
public final class RowOrder {

    /** What a column sorts by. */
    public enum Column { NUMBER, TIME, DIRECTION, FAMILY, TYPE, FLAGS, SEQ, PORT, LENGTH, LATENCY, INFO }

    private static final int CHUNK = 1024;

    private RowOrder() {
    }

    /**
     * {@code rows} in the column's order.
     *
     * @param text the Info text of a row, as the table shows it
     */
    public static int[] sort(CaptureStore store, Transactions transactions, int[] rows, Column column, boolean ascending,
                             Function<MessageRow, String> text, BooleanSupplier cancelled) {
        long[] keys = keys(store, transactions, rows, column, text, cancelled);
        return keys == null ? null : sort(rows, keys, ascending);
    }

    /** {@code rows} ordered by {@code keys} (one per row), ties in the order given. */
    static int[] sort(int[] rows, long[] keys, boolean ascending) {
        int n = rows.length;
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[i] = i;
        }
        int[] tmp = new int[n];
        // bottom-up merge sort of positions: stable, no boxing of a million Integers
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    int c = Long.compare(keys[pos[a]], keys[pos[b]]);
                    tmp[k++] = (ascending ? c <= 0 : c >= 0) ? pos[a++] : pos[b++];
                }
                while (a < mid) {
                    tmp[k++] = pos[a++];
                }
                while (b < hi) {
                    tmp[k++] = pos[b++];
                }
            }
            int[] t = pos;
            pos = tmp;
            tmp = t;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rows[pos[i]];
        }
        return out;
    }

    private static long[] keys(CaptureStore store, Transactions transactions, int[] rows, Column column,
                               Function<MessageRow, String> text, BooleanSupplier cancelled) {
        long[] keys = new long[rows.length];
        switch (column) {
            case NUMBER -> {
                for (int i = 0; i < rows.length; i++) {
                    keys[i] = rows[i];
                }
            }
            case LATENCY -> {
                for (int i = 0; i < rows.length; i++) {
                    keys[i] = transactions.latencyNanos(rows[i]);
                }
            }
            case FAMILY, TYPE -> {
                return names(store, rows, column == Column.FAMILY, cancelled);
            }
            case INFO -> {
                return texts(store, rows, text, cancelled);
            }
            default -> {
                RowHeader.Field field = RowHeader.Field.valueOf(column.name());
                for (int i = 0; i < rows.length; i++) {
                    keys[i] = store.index().sortValue(rows[i], field);
                }
            }
        }
        return keys;
    }

    /** Family or Type names as ranks; each kind of message (family, type, genl command and family) is decoded once. */
    private static long[] names(CaptureStore store, int[] rows, boolean family, BooleanSupplier cancelled) {
        record Kind(int family, int type, int command, String genlFamily) {
        }
        Map<Kind, String> names = new HashMap<>();
        String[] of = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (i % CHUNK == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            int row = rows[i];
            RowHeader h = store.index().header(row);
            if (h == null) {
                of[i] = "";
                continue;
            }
            int number = store.frameOfRow(row);
            String genl = h.family() == Netlink.NETLINK_GENERIC ? store.context(number).genlFamily(h.type()) : null;
            of[i] = names.computeIfAbsent(new Kind(h.family(), h.type(), h.command(), genl), k -> {
                DecodedMessage m = store.message(row);
                return family ? RowBuilder.familyName(store.decoded(number), m) : RowBuilder.typeName(m);
            });
        }
        return ranks(of);
    }

    private static long[] texts(CaptureStore store, int[] rows, Function<MessageRow, String> text, BooleanSupplier cancelled) {
        String[] of = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (i % CHUNK == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            String t = text.apply(store.row(rows[i]));
            of[i] = t == null ? "" : t;
        }
        return ranks(of);
    }

    /** Each text's place among the distinct texts, in String order. */
    private static long[] ranks(String[] of) {
        String[] distinct = Arrays.stream(of).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> rank = new HashMap<>(distinct.length * 2);
        for (int i = 0; i < distinct.length; i++) {
            rank.put(distinct[i], i);
        }
        long[] keys = new long[of.length];
        for (int i = 0; i < of.length; i++) {
            keys[i] = rank.get(of[i]);
        }
        return keys;
    }
}
