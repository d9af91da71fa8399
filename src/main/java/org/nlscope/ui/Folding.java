package org.nlscope.ui;

import org.nlscope.session.MessageRow;
import org.nlscope.session.transactions.Transaction;
import org.nlscope.session.transactions.Transactions;

/**
 * View > Fold ACKs and DONEs, as {@code read --fold} prints them: an ACK or NLMSG_DONE whose
 * request is in the capture gets no row of its own; its request's Info ends "→ ACK" or
 * "→ DONE, 3 parts". Errors keep their rows: they are what one looks for.
 */
final class Folding {

    private Folding() {
    }

    /** True for an ACK or DONE that answers a request of the capture. */
    static boolean hides(MessageRow row, Transactions transactions) {
        if (row.kind() != MessageRow.Kind.ACK && row.kind() != MessageRow.Kind.DONE) {
            return false;
        }
        Transaction tx = transactions.ofRow(row.index());
        return tx != null && tx.requestRow() != row.index();
    }

    /** What a request's Info gains from the answers folded into it ("" for any other row). */
    static String suffix(MessageRow row, Transactions transactions) {
        Transaction tx = transactions.ofRow(row.index());
        if (tx == null || tx.requestRow() != row.index()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (tx.doneRow() >= 0) {
            int parts = tx.replyRows().size();
            s.append(" → DONE, ").append(parts).append(parts == 1 ? " part" : " parts");
        }
        if (tx.ackRow() >= 0 && tx.errorCode() == 0) {
            s.append(" → ACK");
        }
        return s.toString();
    }
}
