package org.nlscope.ui;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.stats.Statistics;

/**
 * What the Statistics window counts: the whole capture, or, while a display filter is
 * applied, only the messages it lets through (their frames cut down to them). The filtered
 * counts are worked out again, in the background and from the store's index, only when the
 * rows shown change; until they are ready the window keeps what it shows.
 */
final class DisplayedStatistics {

    private final Supplier<CaptureSession> session;
    private final MessageListModel model;
    private final Supplier<String> filter;
    private final TaskRunner runner;
    private Runnable onCounted = () -> { };
    // on the FX thread
    private List<Object> requested = List.of();
    private List<Object> countedKey = List.of();
    private Statistics counted;
    /** Bumped by each new count: an older one still running stops. */
    private volatile int generation;

    /** @param filter the display filter applied, blank for none */
    DisplayedStatistics(Supplier<CaptureSession> session, MessageListModel model, Supplier<String> filter,
                        TaskRunner runner) {
        this.session = session;
        this.model = model;
        this.filter = filter;
        this.runner = runner;
    }

    /** Runs on the FX thread when a count asked for by {@link #get()} is ready. */
    void setOnCounted(Runnable r) {
        onCounted = r == null ? () -> { } : r;
    }

    /** The counts of what is shown, or null while they are being counted (on the FX thread). */
    Statistics get() {
        CaptureSession s = session.get();
        String f = filter.get();
        if (f == null || f.isBlank()) {
            return s.statistics();
        }
        List<Object> now = List.of(s, f, model.displayed().size());
        if (now.equals(countedKey)) {
            return counted;
        }
        if (!now.equals(requested)) {
            requested = now;
            int gen = ++generation;
            int[] rows = model.displayedStoreRows();
            CaptureStore store = s.store();
            runner.background("statistics", () -> {
                Statistics result = count(store, rows, gen);
                if (result != null) {
                    runner.ui(() -> {
                        if (now.equals(requested)) {
                            counted = result;
                            countedKey = now;
                            onCounted.run();
                        }
                    });
                }
            });
        }
        return null;
    }

    /** "Display filter: error. " while one applies, else "". */
    String scope() {
        String f = filter.get();
        return f == null || f.isBlank() ? "" : "Display filter: " + f + ". ";
    }

    /** Counts store rows by frame, from the index; null when a newer count took over. */
    private Statistics count(CaptureStore store, int[] rows, int gen) {
        Arrays.sort(rows); // a sorted view shows a frame's rows apart; counted together, each frame counts once
        Statistics stats = Statistics.detached(Statistics.ONE_SECOND);
        int i = 0;
        while (i < rows.length) {
            if ((i & 0xfff) == 0 && generation != gen) {
                return null;
            }
            int number = store.frameOfRow(rows[i]);
            int end = i + 1;
            while (end < rows.length && store.frameOfRow(rows[end]) == number) {
                end++;
            }
            stats.addRows(store, number, rows, i, end);
            i = end;
        }
        return stats;
    }
}
