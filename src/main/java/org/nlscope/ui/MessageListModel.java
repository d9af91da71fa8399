package org.nlscope.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.RowOrder;
import org.nlscope.session.transactions.Transactions;

/**
 * The rows the message table shows: the store's rows that pass the display filter, in capture
 * order or sorted by a column.
 *
 * <p>One background thread owns the filter and the order ({@link RowScan}). The store only tells
 * it that rows arrived; it tests them and hands row indexes to the FX thread through an
 * {@link FxBatcher} (at most every 60 ms), which shows them in a {@link RowList} that decodes
 * only the rows in view. A new filter or sort rescans the store in chunks, showing progress; the
 * next one typed cancels it. The FX thread never decodes more than the rows on screen.
 */
public final class MessageListModel implements AutoCloseable {

    /** A sort: the column, its direction, and the Info text (as the table shows it). */
    public record Sort(RowOrder.Column column, boolean ascending, Function<MessageRow, String> info) {
    }

    /** The FX thread gets rows at most this often. */
    static final long BATCH_MS = 60;

    private final RowList displayed = new RowList();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nlscope-view");
        t.setDaemon(true);
        return t;
    });
    private final FxBatcher<RowScan.Update> batcher;
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    /** Bumped by each new store, filter or sort: a scan that sees it move stops. */
    private volatile int version;
    private final RowScan scan;
    private CaptureStore.Listener listener; // the worker's
    private Runnable onChange = () -> { };
    private Consumer<String> onProgress = p -> { };
    // owned by the FX thread
    private int generation;

    public MessageListModel() {
        this(javafx.application.Platform::runLater, BATCH_MS);
    }

    /** For tests: deliver on a given executor instead of the FX thread. */
    MessageListModel(java.util.concurrent.Executor uiExecutor) {
        this(uiExecutor, FxBatcher.DEFAULT_INTERVAL_MS);
    }

    private MessageListModel(java.util.concurrent.Executor uiExecutor, long batchMs) {
        this.batcher = new FxBatcher<>(this::apply, uiExecutor, batchMs);
        this.scan = new RowScan(worker, batcher::add, () -> version);
    }

    /** The rows to show; changes only on the FX thread, in batches. Reading a row decodes it (cached). */
    public ObservableList<MessageRow> displayed() {
        return displayed;
    }

    /** The store row shown at a displayed index (no decode). */
    public int storeRow(int displayedIndex) {
        return displayed.storeRow(displayedIndex);
    }

    /** The store rows shown, in the order shown (a copy; no decode). */
    public int[] displayedStoreRows() {
        return displayed.storeRows();
    }

    /** Where a store row is shown, or -1 (no decode). */
    public int displayedIndexOf(int storeRow) {
        return displayed.indexOfStoreRow(storeRow);
    }

    /** Runs on the FX thread after each batch (status bar, follow the tail). */
    public void setOnChange(Runnable r) {
        onChange = r == null ? () -> { } : r;
    }

    /** What a long filter or sort says while it runs ("Filtering… 40%"), then "" (on the FX thread). */
    public void setOnProgress(Consumer<String> c) {
        onProgress = c == null ? p -> { } : c;
    }

    /** Shows this store from now on (null for none); call on the FX thread. */
    public void setStore(CaptureStore newStore) {
        setStore(newStore, null);
    }

    /** As {@link #setStore(CaptureStore)}, with the transactions a Latency sort reads. */
    public void setStore(CaptureStore newStore, Transactions newTransactions) {
        int gen = ++generation;
        displayed.setStore(newStore);
        onChange.run();
        version++;
        worker.execute(() -> {
            CaptureStore old = scan.store();
            if (old != null) {
                old.unsubscribe(listener);
            }
            scan.reset(newStore, newTransactions, gen);
            if (newStore == null) {
                return;
            }
            listener = (s, number) -> {
                if (catchUpQueued.compareAndSet(false, true)) {
                    worker.execute(() -> {
                        catchUpQueued.set(false);
                        scan.catchUp(newStore);
                    });
                }
            };
            newStore.subscribe(listener);
        });
    }

    /** Filters with this test from now on (null: every row); it runs on the worker, where it may decode. */
    public void setFilter(BiPredicate<CaptureStore, MessageRow> newFilter) {
        setFilter(newFilter, () -> { });
    }

    /** As {@link #setFilter(BiPredicate)}; {@code then} runs on the FX thread once the filtered rows are shown. */
    public void setFilter(BiPredicate<CaptureStore, MessageRow> newFilter, Runnable then) {
        int v = ++version;
        worker.execute(() -> scan.setFilter(newFilter, v, then));
    }

    /** Orders the rows by a column from now on (null: capture order); {@code then} runs on the FX thread after. */
    public void setSort(Sort newSort, Runnable then) {
        int v = ++version;
        worker.execute(() -> scan.setSort(newSort, v, then));
    }

    /** On the FX thread: a batch of updates becomes at most one change of the list. */
    private void apply(List<RowScan.Update> updates) {
        String progress = null;
        int[] replace = null;
        int[] add = new int[0];
        int addCount = 0;
        List<Runnable> thens = new ArrayList<>();
        for (RowScan.Update u : updates) {
            if (u.generation() != generation) {
                continue; // an older store's
            }
            if (u.progress() != null) {
                progress = u.progress();
            }
            displayed.cache(u.decoded());
            if (u.rows() == null) {
                continue;
            }
            if (u.replace()) {
                replace = u.rows();
                addCount = 0;
                if (u.then() != null) {
                    thens.add(u.then());
                }
            } else {
                if (addCount + u.rows().length > add.length) {
                    add = Arrays.copyOf(add, Math.max(addCount + u.rows().length, add.length * 2));
                }
                System.arraycopy(u.rows(), 0, add, addCount, u.rows().length);
                addCount += u.rows().length;
            }
        }
        if (replace != null) {
            int[] all = Arrays.copyOf(replace, replace.length + addCount);
            System.arraycopy(add, 0, all, replace.length, addCount);
            displayed.replace(all, all.length);
        } else if (addCount > 0) {
            displayed.append(add, addCount);
        }
        if (progress != null) {
            onProgress.accept(progress);
        }
        onChange.run();
        thens.forEach(Runnable::run);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
