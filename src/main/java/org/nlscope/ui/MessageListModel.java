package org.nlscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.RowBuilder;

/**
 * The rows the message table shows: the store's rows that pass the display filter.
 *
 * <p>One background thread owns the filter: it receives each new frame's rows from the
 * store (on the writer's thread they are only queued), tests them, and hands the
 * survivors to the FX thread through an {@link FxBatcher}. A new filter rescans the
 * store on that thread and replaces the list in one change. The FX thread never
 * decodes or filters, so a 100k-frame file or a busy capture cannot freeze it.
 */
public final class MessageListModel implements AutoCloseable {

    /** What the worker sends to the FX thread. Stale generations (an older store) are dropped. */
    private record Update(int generation, boolean replace, List<MessageRow> rows, Runnable then) {
    }

    private final ObservableList<MessageRow> displayed = FXCollections.observableArrayList();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nlscope-view");
        t.setDaemon(true);
        return t;
    });
    private final FxBatcher<Update> batcher;
    private Runnable onChange = () -> { };

    // owned by the worker thread
    private CaptureStore store;
    private CaptureStore.Listener listener;
    private BiPredicate<CaptureStore, MessageRow> filter = (store, row) -> true;
    private int seen; // rows [0, seen) of the store have been tested against the filter

    // owned by the FX thread
    private int generation;
    private int fxGeneration;

    public MessageListModel() {
        this.batcher = new FxBatcher<>(this::apply);
    }

    /** For tests: deliver on a given executor instead of the FX thread. */
    MessageListModel(java.util.concurrent.Executor uiExecutor) {
        this.batcher = new FxBatcher<>(this::apply, uiExecutor, FxBatcher.DEFAULT_INTERVAL_MS);
    }

    /** The rows to show; changes only on the FX thread, in batches. */
    public ObservableList<MessageRow> displayed() {
        return displayed;
    }

    /** Runs on the FX thread after each batch (status bar, follow the tail). */
    public void setOnChange(Runnable r) {
        onChange = r == null ? () -> { } : r;
    }

    /** Shows this store from now on (null for none); call on the FX thread. */
    public void setStore(CaptureStore newStore) {
        int gen = ++generation;
        fxGeneration = gen;
        displayed.clear();
        onChange.run();
        worker.execute(() -> {
            if (store != null) {
                store.unsubscribe(listener);
            }
            store = newStore;
            seen = 0;
            if (newStore == null) {
                return;
            }
            listener = (frame, context, firstRow) -> {
                List<MessageRow> rows = RowBuilder.rows(frame, context, firstRow);
                worker.execute(() -> take(gen, newStore, rows));
            };
            newStore.subscribe(listener);
        });
    }

    /** Filters with this test from now on; it runs on the worker, where it may decode the row's frame. */
    public void setFilter(BiPredicate<CaptureStore, MessageRow> newFilter) {
        setFilter(newFilter, () -> { });
    }

    /** As {@link #setFilter(BiPredicate)}; {@code then} runs on the FX thread once the filtered rows are shown. */
    public void setFilter(BiPredicate<CaptureStore, MessageRow> newFilter, Runnable then) {
        int gen = generation;
        worker.execute(() -> {
            filter = newFilter == null ? (st, row) -> true : newFilter;
            if (store == null) {
                batcher.add(new Update(gen, true, List.of(), then));
                return;
            }
            List<MessageRow> kept = new ArrayList<>();
            int size = seen;
            for (int from = 0; from < size; from += 1024) {
                for (MessageRow row : store.rows(from, Math.min(size, from + 1024))) {
                    if (test(row)) {
                        kept.add(row);
                    }
                }
            }
            batcher.add(new Update(gen, true, kept, then));
        });
    }

    private void take(int gen, CaptureStore from, List<MessageRow> rows) {
        if (from != store) {
            return;
        }
        List<MessageRow> kept = new ArrayList<>(rows.size());
        for (MessageRow row : rows) {
            if (row.index() < seen) {
                continue; // already covered by a rescan
            }
            seen = row.index() + 1;
            if (test(row)) {
                kept.add(row);
            }
        }
        if (!kept.isEmpty()) {
            batcher.add(new Update(gen, false, kept, null));
        }
    }

    private boolean test(MessageRow row) {
        try {
            return filter.test(store, row);
        } catch (RuntimeException e) {
            return false; // a filter that cannot judge a row hides it rather than stopping the view
        }
    }

    private void apply(List<Update> updates) {
        List<MessageRow> add = new ArrayList<>();
        List<MessageRow> replace = null;
        List<Runnable> thens = new ArrayList<>();
        for (Update u : updates) {
            if (u.generation() != fxGeneration) {
                continue;
            }
            if (u.replace()) {
                replace = new ArrayList<>(u.rows());
                add.clear();
                if (u.then() != null) {
                    thens.add(u.then());
                }
            } else {
                add.addAll(u.rows());
            }
        }
        if (replace != null) {
            replace.addAll(add);
            displayed.setAll(replace);
        } else if (!add.isEmpty()) {
            displayed.addAll(add);
        }
        onChange.run();
        thens.forEach(Runnable::run);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

}
