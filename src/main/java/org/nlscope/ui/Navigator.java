package org.nlscope.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.MessageRow;
import org.nlscope.session.transactions.Transactions;

/** Jumps in the table: to a message's request or response, and to the attribute an error blames. */
final class Navigator {

    private final MessageTable table;
    private final List<MessageRow> displayed;
    private final DetailPane detail;
    private final Supplier<CaptureSession> session;
    private final Consumer<String> note;
    private final Runnable stopFollowing;
    private String lastNote = "";

    /**
     * @param note          tells the user why a jump went nowhere (the status line)
     * @param stopFollowing turns Follow off, so the jump stays in view while a capture runs
     */
    Navigator(MessageTable table, List<MessageRow> displayed, DetailPane detail, Supplier<CaptureSession> session,
              Consumer<String> note, Runnable stopFollowing) {
        this.table = table;
        this.displayed = displayed;
        this.detail = detail;
        this.session = session;
        this.note = note;
        this.stopFollowing = stopFollowing;
    }

    /** The last "went nowhere" note, so the window can clear it once another message is selected. */
    String lastNote() {
        return lastNote;
    }

    private void note(String text) {
        lastNote = text;
        note.accept(text);
    }

    private MessageRow selectedRow() {
        return table.getSelectionModel().getSelectedItem();
    }

    /** Selects the request of the selected message's transaction. */
    void goToRequest() {
        MessageRow row = selectedRow();
        if (row != null) {
            selectStoreRow(transactions().requestRowOf(row.index()), "request");
        }
    }

    /** Selects the answer of the selected request (or the ACK/DONE completing an answer). */
    void goToResponse() {
        MessageRow row = selectedRow();
        if (row != null) {
            selectStoreRow(transactions().responseRowOf(row.index()), "response");
        }
    }

    /**
     * Selects the attribute an error's extended ACK blames: in the echoed request when the
     * error carries it whole, else in the original request.
     */
    void showOffendingAttribute() {
        MessageRow row = selectedRow();
        CaptureSession s = session.get();
        ErrorInfo error = row == null ? null : new TransactionText(s.store(), s.transactions()).errorOf(row);
        if (error == null || error.badAttrOffset() == null) {
            return;
        }
        DecodedMessage echoed = error.request();
        if (echoed != null && echoed.header().length() > error.badAttrOffset()
                && detail.root() != null && detail.root().length() > echoed.offset() + error.badAttrOffset()) {
            detail.selectByte(echoed.offset() + error.badAttrOffset());
            return;
        }
        int requestRow = transactions().requestRowOf(row.index());
        if (requestRow >= 0 && selectStoreRow(requestRow, "request")) {
            DecodedMessage request = s.store().message(requestRow);
            detail.selectByte(request.offset() + error.badAttrOffset());
        }
    }

    /** Go to Packet: selects the first message of frame {@code number}; false (with a note) when it is not shown. */
    boolean goToFrame(int number) {
        int lo = 0;
        int hi = displayed.size() - 1;
        while (lo < hi) { // the first displayed row of a frame at or after the number (read from the index)
            int mid = (lo + hi) >>> 1;
            if (frameAt(mid) < number) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (displayed.isEmpty() || frameAt(lo) != number) {
            int frames = session.get().store().frameCount();
            note(number < 1 || number > frames ? "There is no frame " + number + " (the capture has " + frames + ")"
                    : "Frame " + number + " is hidden by the display filter");
            return false;
        }
        select(lo);
        return true;
    }

    /** The frame of the row shown at a displayed index, without decoding it. */
    private int frameAt(int displayedIndex) {
        return session.get().store().frameOfRow(storeRowAt(displayedIndex));
    }

    /** The store row shown at a displayed index, without decoding it. */
    private int storeRowAt(int displayedIndex) {
        return displayed instanceof RowList rows ? rows.storeRow(displayedIndex) : displayed.get(displayedIndex).index();
    }

    /**
     * Selects an error: the first one ({@code step} 0), or the next (1) or previous (-1) one
     * from the message selected; says so when there is none.
     */
    void goToError(int step) {
        var index = session.get().store().index();
        goTo(step, row -> index.kind(row) == MessageRow.Kind.ERROR, "error");
    }

    /** As {@link #goToError}, for the messages marked (Ctrl+M). */
    void goToMark(int step, Marks marks) {
        goTo(step, marks::isMarked, "marked message");
    }

    /** Steps through the displayed rows testing store row numbers: the index answers, nothing is decoded. */
    private void goTo(int step, java.util.function.IntPredicate which, String what) {
        int from = step == 0 ? -1 : table.getSelectionModel().getSelectedIndex();
        int start = step < 0 ? (from < 0 ? displayed.size() : from) - 1 : from + 1;
        int direction = step < 0 ? -1 : 1;
        for (int i = start; i >= 0 && i < displayed.size(); i += direction) {
            if (which.test(storeRowAt(i))) {
                select(i);
                return;
            }
        }
        note(step == 0 ? "No " + what + " is displayed"
                : step > 0 ? "No " + what + " after this message" : "No " + what + " before this message");
    }

    /** Selects a store row in the table; false (with a note) when it is not displayed. */
    boolean selectStoreRow(int storeRow, String what) {
        if (storeRow < 0) {
            note("No " + what + " in the capture for this message");
            return false;
        }
        int at = displayedIndexOf(storeRow);
        if (at < 0) {
            note("The " + what + " is hidden by the display filter");
            return false;
        }
        select(at);
        return true;
    }

    /** Selects a displayed row and brings it into view, a few rows below the top. */
    void select(int displayedIndex) {
        stopFollowing.run();
        table.getSelectionModel().clearAndSelect(displayedIndex);
        table.scrollTo(Math.max(0, displayedIndex - 3));
    }

    /** Where a store row sits in the displayed list (in capture order or sorted), or -1; decodes nothing. */
    int displayedIndexOf(int storeRow) {
        if (displayed instanceof RowList rows) {
            return rows.indexOfStoreRow(storeRow);
        }
        for (int i = 0; i < displayed.size(); i++) {
            if (displayed.get(i).index() == storeRow) {
                return i;
            }
        }
        return -1;
    }

    private Transactions transactions() {
        return session.get().transactions();
    }
}
