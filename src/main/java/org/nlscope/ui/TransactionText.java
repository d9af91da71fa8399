package org.nlscope.ui;

import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.transactions.Transaction;
import org.nlscope.session.transactions.Transactions;

/** What the transaction bar and the Latency column say about a message's request and answers. */
final class TransactionText {

    /** The bar's line, and which of its jumps make sense. */
    record Description(String text, boolean toRequest, boolean toResponse, boolean toAttribute) {
        static final Description NONE = new Description("", false, false, false);
    }

    private final CaptureStore store;
    private final Transactions transactions;

    TransactionText(CaptureStore store, Transactions transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    /** The Latency column: completion time on a request, time since the request on an answer. */
    String latency(MessageRow row) {
        // drawn for every visible row: no snapshot of the transaction (a dump's has thousands of rows)
        long nanos = transactions.latencyNanos(row.index());
        return nanos < 0 ? "" : millis(nanos);
    }

    /** "0.178 ms" below a second, "15.195 s" above. */
    static String millis(long nanos) {
        return Transaction.latencyText(nanos);
    }

    Description describe(MessageRow row) {
        Transaction tx = transactions.ofRow(row.index());
        if (tx == null) {
            return new Description(row.kind() == MessageRow.Kind.NOTIFICATION
                    ? "Notification: answers no request" : "Not part of a request/response pair", false, false, false);
        }
        StringBuilder text = new StringBuilder();
        if (row.index() == tx.requestRow()) {
            text.append("Request: ");
            if (tx.firstResponseRow() < 0) {
                text.append("no answer in the capture");
            } else {
                if (!tx.replyRows().isEmpty()) {
                    text.append(tx.replyRows().size()).append(tx.replyRows().size() == 1 ? " reply" : " replies");
                }
                if (tx.doneRow() >= 0) {
                    text.append(text.length() > 9 ? ", " : "").append("DONE");
                }
                if (tx.ackRow() >= 0) {
                    text.append(text.length() > 9 ? ", " : "").append(tx.failed() ? errorName(tx) : "ACK");
                }
                if (tx.isComplete()) {
                    text.append(" — completed in ").append(millis(tx.completionNanos()));
                }
            }
        } else {
            MessageRow request = store.row(tx.requestRow());
            text.append("Answer to No. ").append(request.frameNumber()).append(' ').append(request.typeName())
                    .append(" after ").append(millis(row.timeNanos() - tx.requestNanos()));
        }
        ErrorInfo error = errorOf(row);
        boolean attribute = error != null && error.badAttrOffset() != null;
        if (error != null && error.message() != null) {
            text.append(" — kernel says: \"").append(error.message()).append('"');
        }
        if (attribute && error.badAttr() != null) {
            text.append(" (").append(error.badAttr()).append(')');
        }
        return new Description(text.toString(), row.index() != tx.requestRow(),
                transactions.responseRowOf(row.index()) >= 0, attribute);
    }

    /** "error EEXIST" for a failed transaction, from its NLMSG_ERROR. */
    private String errorName(Transaction tx) {
        DecodedMessage ack = store.message(tx.ackRow());
        String name = ack != null && ack.error() != null ? ack.error().name() : null;
        return "error " + (name != null ? name : Integer.toString(tx.errorCode()));
    }

    /** The extended ACK of an error row, or null. */
    ErrorInfo errorOf(MessageRow row) {
        if (row.kind() != MessageRow.Kind.ERROR || row.messageIndex() < 0) {
            return null;
        }
        DecodedMessage m = store.message(row.index());
        return m == null ? null : m.error();
    }
}
