package org.nlscope.session.transactions;

import java.util.List;

/**
 * A request and what answered it, as known so far.
 *
 * @param id              0-based, in the order requests were seen
 * @param family          netlink family of the request
 * @param portId          the requesting socket's port id (as the kernel's answers name it; 0 until one arrives
 *                        when the request left nlmsg_pid 0)
 * @param seq             nlmsg_seq of the request
 * @param requestRow      the request's row
 * @param requestNanos    when the request was seen
 * @param replyRows       rows of replies and dump parts, in order
 * @param doneRow         the NLMSG_DONE row, or -1
 * @param ackRow          the NLMSG_ERROR row (an ACK or an error), or -1
 * @param errorCode       that NLMSG_ERROR's code (0 for an ACK or when there is none)
 * @param firstReplyNanos latency to the first answer of any kind, or -1 while none arrived
 * @param completionNanos latency to the answer that completed it, or -1 while it is open
 */
public record Transaction(int id, int family, long portId, long seq, int requestRow, long requestNanos,
                          List<Integer> replyRows, int doneRow, int ackRow, int errorCode,
                          long firstReplyNanos, long completionNanos) {

    public Transaction {
        replyRows = List.copyOf(replyRows);
    }

    /** A latency as the app and the command line show it: "0.178 ms" below a second, "15.195 s" above. */
    public static String latencyText(long nanos) {
        // the table draws one per visible row: digits, not String.format
        return nanos < 1_000_000_000L ? thousandths(nanos, 1_000L) + " ms" : thousandths(nanos, 1_000_000L) + " s";
    }

    /** {@code nanos / (unit * 1000)} with three decimals, rounded half away from zero (as "%.3f"). */
    static String thousandths(long nanos, long unit) {
        long n = Math.abs(nanos / unit) + (Math.abs(nanos % unit) * 2 >= unit ? 1 : 0);
        long fraction = n % 1000;
        StringBuilder sb = new StringBuilder(12);
        if (nanos < 0) {
            sb.append('-'); // "-0.000" too, as String.format writes it
        }
        sb.append(n / 1000).append('.');
        if (fraction < 100) {
            sb.append(fraction < 10 ? "00" : "0");
        }
        return sb.append(fraction).toString();
    }

    public boolean isComplete() {
        return completionNanos >= 0;
    }

    public boolean failed() {
        return errorCode != 0;
    }

    /** The row a "go to response" jumps to: the first answer (reply, DONE or ACK/error), or -1. */
    public int firstResponseRow() {
        int first = -1;
        for (int r : new int[] {replyRows.isEmpty() ? -1 : replyRows.get(0), doneRow, ackRow}) {
            if (r >= 0 && (first < 0 || r < first)) {
                first = r;
            }
        }
        return first;
    }

    /** Every row of the transaction, request first, in row order. */
    public List<Integer> rows() {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        out.add(requestRow);
        out.addAll(replyRows);
        if (doneRow >= 0) {
            out.add(doneRow);
        }
        if (ackRow >= 0) {
            out.add(ackRow);
        }
        out.sort(null);
        return out;
    }
}
