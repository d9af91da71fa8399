package org.nlscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Carries items from background threads to the FX thread in batches.
 *
 * <p>Any thread may {@link #add} items; they are handed to the consumer on the UI
 * thread as one list. At most one hand-over is pending at any time, and hand-overs
 * happen at most once per interval (about 30 a second by default), so a capture of a
 * million messages costs the UI thread a few dozen list changes a second, not a
 * million. This class is the only caller of {@link Platform#runLater} in nlscope.
 *
 * @param <T> what is carried
 */
public final class FxBatcher<T> {

    /** About 30 hand-overs a second. */
    public static final long DEFAULT_INTERVAL_MS = 33;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nlscope-fx-batcher");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<List<T>> consumer;
    private final Executor uiExecutor;
    private final long intervalNanos;

    private final Object lock = new Object();
    private List<T> pending = new ArrayList<>();
    private boolean scheduled;
    private boolean flushedOnce;
    private long lastFlushNanos;
    private long flushes;

    /** A batcher delivering on the JavaFX application thread. */
    public FxBatcher(Consumer<List<T>> consumer) {
        this(consumer, Platform::runLater, DEFAULT_INTERVAL_MS);
    }

    /**
     * @param consumer   receives each batch, on the UI executor
     * @param uiExecutor runs a hand-over (the FX thread in the app; a plain executor in tests)
     * @param intervalMs least time between two hand-overs
     */
    public FxBatcher(Consumer<List<T>> consumer, Executor uiExecutor, long intervalMs) {
        this.consumer = consumer;
        this.uiExecutor = uiExecutor;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
    }

    /** Queues one item; safe from any thread, never blocks on the UI. */
    public void add(T item) {
        synchronized (lock) {
            pending.add(item);
            scheduleLocked();
        }
    }

    /** Queues several items at once. */
    public void addAll(List<? extends T> items) {
        if (items.isEmpty()) {
            return;
        }
        synchronized (lock) {
            pending.addAll(items);
            scheduleLocked();
        }
    }

    /** How many hand-overs have run so far. */
    public long flushCount() {
        synchronized (lock) {
            return flushes;
        }
    }

    private void scheduleLocked() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        long wait = lastFlushNanos + intervalNanos - System.nanoTime();
        if (!flushedOnce || wait <= 0) {
            uiExecutor.execute(this::flush);
        } else {
            TIMER.schedule(() -> uiExecutor.execute(this::flush), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void flush() {
        List<T> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
            lastFlushNanos = System.nanoTime();
            flushedOnce = true;
            flushes++;
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }

    /** A batcher of plain UI actions, for the odd update (status, banner) from a background thread. */
    public static FxBatcher<Runnable> actions() {
        return new FxBatcher<>(batch -> batch.forEach(Runnable::run));
    }
}
