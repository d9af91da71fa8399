package org.nlscope.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.IntSupplier;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.RowOrder;
import org.nlscope.session.transactions.Transactions;

/**
 * The list model's worker side: which store rows pass the filter, in which order. Runs only on
 * the model's worker thread, and publishes what the table should show as {@link Update}s.
 * Without a filter nothing is decoded; a long rescan shows its progress and stops as soon as a
 * newer filter or sort is asked for.
 */
final class RowScan {

    /**
     * What goes to the FX thread: rows to show (all of them, or more at the end), progress text,
     * and some of the rows already decoded here (the first ones a view shows), so the FX thread
     * need not decode them.
     */
    record Update(int generation, boolean replace, int[] rows, Runnable then, String progress, List<MessageRow> decoded) {
        Update(int generation, boolean replace, int[] rows, Runnable then, String progress) {
            this(generation, replace, rows, then, progress, List.of());
        }
    }

    /** The first rows of a view (the first screen, and what column fitting measures) are decoded here. */
    static final int FIRST_ROWS = 400;
    /** More rows than a window shows at once. */
    private static final int FIRST_SCREEN = 64;

    /** Where updates go. */
    interface Publisher {
        void publish(Update u);
    }

    private static final int CHUNK = 4096;
    /** How long a rescan runs before it shows its progress. */
    private static final long PROGRESS_AFTER_NANOS = 100_000_000L;
    private static final long RESORT_NANOS = 1_000_000_000L;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nlscope-view-timer");
        t.setDaemon(true);
        return t;
    });

    private final Executor worker;
    private final Publisher out;
    private final IntSupplier version;

    private CaptureStore store;
    private Transactions transactions;
    private int generation;
    private BiPredicate<CaptureStore, MessageRow> filter;
    private MessageListModel.Sort sort;
    private int seen; // rows [0, seen) of the store have been tested against the filter
    private int[] kept = new int[1024]; // the rows that passed, in the order shown
    private int keptCount;
    private int sortedCount; // kept[0, sortedCount) are in the sort's order
    private long sortedAt;
    private boolean resortQueued;

    /** @param version the model's count of filter and sort requests: a scan stops when it moves */
    RowScan(Executor worker, Publisher out, IntSupplier version) {
        this.worker = worker;
        this.out = out;
        this.version = version;
    }

    CaptureStore store() {
        return store;
    }

    /** Shows a new store (its rows arrive through {@link #catchUp}). */
    void reset(CaptureStore newStore, Transactions newTransactions, int newGeneration) {
        store = newStore;
        transactions = newTransactions;
        generation = newGeneration;
        seen = 0;
        keptCount = 0;
        sortedCount = 0;
    }

    void setFilter(BiPredicate<CaptureStore, MessageRow> newFilter, int v, Runnable then) {
        filter = newFilter;
        rescan(v, then);
    }

    void setSort(MessageListModel.Sort newSort, int v, Runnable then) {
        sort = newSort;
        rescan(v, then);
    }

    /** Tests every row again from the first, and shows the result in one replacement. */
    private void rescan(int v, Runnable then) {
        if (store == null) {
            out.publish(new Update(generation, true, new int[0], then, null));
            return;
        }
        seen = 0;
        keptCount = 0;
        int size = store.size();
        long start = System.nanoTime();
        boolean progressShown = false;
        for (int from = 0; from < size; from += CHUNK) {
            if (version.getAsInt() != v) {
                return; // a newer filter or sort took over
            }
            test(from, Math.min(size, from + CHUNK));
            if (from % (CHUNK * 8) == 0 && System.nanoTime() - start > PROGRESS_AFTER_NANOS) {
                progressShown = true;
                out.publish(new Update(generation, false, null, null,
                        (filter != null ? "Filtering… " : "Reading… ") + (int) (100L * from / size) + "%"));
            }
        }
        seen = size;
        int[] shown = Arrays.copyOf(kept, keptCount);
        if (sort != null) {
            if (keptCount > CHUNK * 16) {
                progressShown = true;
                out.publish(new Update(generation, false, null, null, "Sorting " + keptCount + " messages…"));
            }
            shown = RowOrder.sort(store, transactions, shown, sort.column(), sort.ascending(), sort.info(),
                    () -> version.getAsInt() != v);
            if (shown == null) {
                return;
            }
            System.arraycopy(shown, 0, kept, 0, shown.length);
        }
        sortedCount = keptCount;
        sortedAt = System.nanoTime();
        out.publish(new Update(generation, true, shown, then, progressShown ? "" : null, decoded(shown, 0, shown.length)));
    }

    /** Takes the rows that arrived since the last look: shown at the end, and sorted in now and then. */
    void catchUp(CaptureStore from) {
        if (from != store) {
            return;
        }
        int size = store.size();
        int before = keptCount;
        for (int at = seen; at < size; at += CHUNK) {
            test(at, Math.min(size, at + CHUNK));
        }
        seen = size;
        if (keptCount == before) {
            return;
        }
        if (before < FIRST_SCREEN && keptCount > FIRST_SCREEN) {
            // the first screen goes first, so it is not kept waiting for the rest of the rows fitting measures
            out.publish(new Update(generation, false, Arrays.copyOfRange(kept, before, FIRST_SCREEN), null, null,
                    decoded(kept, before, FIRST_SCREEN)));
            before = FIRST_SCREEN;
        }
        out.publish(new Update(generation, false, Arrays.copyOfRange(kept, before, keptCount), null, null,
                decoded(kept, before, keptCount)));
        if (sort != null) {
            resortTail(generation);
        }
    }

    /**
     * Sorted while rows arrive: the new ones take their places in a full sort once they are a
     * quarter more, or a second later, so a big file loading sorted costs a few sorts, not one a batch.
     */
    private void resortTail(int gen) {
        if (sort == null || keptCount == sortedCount || gen != generation) {
            return;
        }
        if (keptCount < sortedCount + sortedCount / 4 + CHUNK && System.nanoTime() - sortedAt < RESORT_NANOS) {
            if (!resortQueued) {
                resortQueued = true;
                TIMER.schedule(() -> worker.execute(() -> {
                    resortQueued = false;
                    resortTail(gen);
                }), RESORT_NANOS, TimeUnit.NANOSECONDS);
            }
            return;
        }
        int v = version.getAsInt();
        int[] shown = RowOrder.sort(store, transactions, Arrays.copyOf(kept, keptCount), sort.column(), sort.ascending(),
                sort.info(), () -> version.getAsInt() != v);
        if (shown == null) {
            return;
        }
        System.arraycopy(shown, 0, kept, 0, shown.length);
        sortedCount = shown.length;
        sortedAt = System.nanoTime();
        out.publish(new Update(gen, true, shown, null, null, decoded(shown, 0, shown.length)));
    }

    /** The rows at positions [from, to) of a view that are among its first {@link #FIRST_ROWS}, decoded. */
    private List<MessageRow> decoded(int[] rows, int from, int to) {
        int end = Math.min(to, FIRST_ROWS);
        if (from >= end) {
            return List.of();
        }
        List<MessageRow> out = new ArrayList<>(end - from);
        for (int i = from; i < end; i++) {
            out.add(store.row(rows[i]));
        }
        return out;
    }

    /** Tests rows [from, to) and keeps those that pass. */
    private void test(int from, int to) {
        if (filter == null) {
            for (int row = from; row < to; row++) {
                keep(row);
            }
            return;
        }
        for (MessageRow row : store.rows(from, to)) {
            boolean pass;
            try {
                pass = filter.test(store, row);
            } catch (RuntimeException e) {
                pass = false; // a filter that cannot judge a row hides it rather than stopping the view
            }
            if (pass) {
                keep(row.index());
            }
        }
    }

    private void keep(int row) {
        if (keptCount == kept.length) {
            kept = Arrays.copyOf(kept, kept.length * 2);
        }
        kept[keptCount++] = row;
    }
}
