package org.nlscope.ui;

import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;

/**
 * Keeps the table, the detail pane, the transaction bar and the status counts on the
 * session shown: a new session, new rows, a new display filter, a new selection.
 */
final class SessionView {

    private final MainViewModel vm;
    private final MessageListModel model;
    private final MessageTable table;
    private final DetailPane detail;
    private final TransactionBar transactionBar;
    private final StatusBar status;
    private final Follow follow;
    private final Filters filters;
    private final Navigator navigator;
    private TransactionText transactionText;
    /** How many rows the columns were last fitted to (they are refitted as the first rows arrive). */
    private int fittedRows;
    /** The display filter in force ("" for none): what the Statistics window counts. */
    private String appliedFilter = "";
    /** View > Fold Answers: ACKs and DONEs shown on their request's row instead of their own. */
    private boolean fold;

    SessionView(MainViewModel vm, MessageListModel model, MessageTable table, DetailPane detail,
                TransactionBar transactionBar, StatusBar status, Follow follow, Filters filters, Navigator navigator) {
        this.vm = vm;
        this.model = model;
        this.table = table;
        this.detail = detail;
        this.transactionBar = transactionBar;
        this.status = status;
        this.follow = follow;
        this.filters = filters;
        this.navigator = navigator;
    }

    String appliedFilter() {
        return appliedFilter;
    }

    /** The Latency column of a row. */
    String latency(MessageRow row) {
        return transactionText == null ? "" : transactionText.latency(row);
    }

    /** Puts the table, filter, transactions and detail on a new session. */
    void show(CaptureSession s, String filterText) {
        transactionText = new TransactionText(s.store(), s.transactions());
        table.setTimeOrigin(0);
        CaptureStore store = s.store();
        var transactions = s.transactions();
        table.setInfoText(r -> {
            String info = LinkNames.named(r, RowText.info(r), index -> {
                String n = store.context(r.frameNumber()).interfaceName(index);
                return n != null ? n : store.currentContext().interfaceName(index); // named later in the capture
            });
            return info == null || !fold ? info : info + Folding.suffix(r, transactions);
        });
        table.setPortText(r -> RowText.port(r.portId(), Ports.owner(store, r.frameNumber(), r.portId())));
        table.setPreviousCaptured(r -> r.messageIndex() > 0 || r.frameNumber() <= 1 ? r.timeNanos()
                : store.index().frameTime(r.frameNumber() - 1)); // from the index: no read of the frame's bytes
        fittedRows = 0;
        model.setStore(s.store(), s.transactions());
        String text = filterText;
        appliedFilter = filters.problem(text == null ? "" : text) == null && text != null ? text.strip() : "";
        model.setFilter(predicate(appliedFilter));
        detail.show(null, new byte[0], null);
        transactionBar.show("", false, false, false);
        // a live view keeps its newest message in sight; a file opens at its first
        follow.set(s.file() == null);
        table.scrollTo(0);
        afterRowsChanged();
    }

    void afterRowsChanged() {
        CaptureStore s = vm.session().store();
        if (s.frameCount() > 0 && !model.displayed().isEmpty()) {
            table.setTimeOriginIfUnset(s.index().frameTime(1));
        }
        long drops = s.metadata().stats() != null && s.metadata().stats().packets() > 0
                ? s.metadata().stats().drops() : -1;
        status.update(s.size(), s.frameCount(), model.displayed().size(), drops);
        table.setEmptyText(s.size() > 0 ? "No message matches the filter. Clear it to see all " + s.size() + "."
                : vm.isBusy() ? "No messages yet." : MessageTable.NO_CAPTURE);
        follow.afterRowsChanged();
        int sample = Math.min(model.displayed().size(), ColumnFit.SAMPLE);
        if (sample > fittedRows && (fittedRows <= 0 || sample == ColumnFit.SAMPLE || !vm.isBusy())) {
            fittedRows = sample;
            table.fitColumns();
        }
    }

    boolean isFolding() {
        return fold;
    }

    /** Folds ACKs and DONEs into their request's row (or shows them again); the selection stays. */
    void setFold(boolean on) {
        fold = on;
        table.refresh();
        applyFilter(appliedFilter);
    }

    /** The display filter's test, and with folding on, "not an answer folded into its request". */
    private java.util.function.BiPredicate<CaptureStore, MessageRow> predicate(String text) {
        var shown = filters.predicate(text);
        if (!fold) {
            return shown;
        }
        var transactions = vm.session().transactions();
        return (st, row) -> !Folding.hides(row, transactions) && (shown == null || shown.test(st, row));
    }

    void showDetail(MessageRow row) {
        if (row == null) {
            detail.show(null, new byte[0], null);
            transactionBar.show("", false, false, false);
            return;
        }
        TransactionText.Description d = transactionText.describe(row);
        transactionBar.show(d.text(), d.toRequest(), d.toResponse(), d.toAttribute());
        detail.showMessage(vm.session().store(), row);
    }

    /** Applies a filter; the message selected stays selected (and in view) when it passes. */
    void applyFilter(String text) {
        appliedFilter = text == null ? "" : text.strip();
        MessageRow selected = table.getSelectionModel().getSelectedItem();
        model.setFilter(predicate(text), () -> {
            int at = selected == null ? -1 : navigator.displayedIndexOf(selected.index());
            if (at >= 0) {
                navigator.select(at);
            }
        });
    }
}
