package org.nlscope.session.transactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlscope.decode.ErrorLocator;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.RowHeader;
import org.nlscope.uapi.Netlink;

/**
 * Pairs each request with its replies, its NLMSG_DONE and its ACK or error, by netlink family,
 * port id and sequence number ({@link Pairing}), as rows arrive.
 *
 * <p>Threading: fed by the store's writer thread (see {@link #attach}); queries from any thread.
 */
public final class Transactions implements CaptureStore.Listener {

    /** A transaction while it grows; snapshots are handed out as {@link Transaction}. */
    private static final class Open {
        final int id;
        final int family;
        final long seq;
        final int requestRow;
        final long requestNanos;
        final boolean wantsAck;
        final boolean dump;
        long port;
        final List<Integer> replies = new ArrayList<>();
        int doneRow = -1;
        int ackRow = -1;
        int errorCode;
        long firstReply = -1;
        long completion = -1;

        Open(int id, int family, NlMsgHeader h, int row, long nanos, boolean dump) {
            this.id = id;
            this.family = family;
            this.seq = h.seq();
            this.port = h.pid();
            this.requestRow = row;
            this.requestNanos = nanos;
            this.wantsAck = (h.flags() & Netlink.NLM_F_ACK) != 0;
            this.dump = dump;
        }

        void answer(RowHeader h, int row, long nanos) {
            long latency = Math.max(0, nanos - requestNanos);
            if (firstReply < 0) {
                firstReply = latency;
            }
            boolean completes;
            if (h.type() == Netlink.NLMSG_ERROR) {
                ackRow = row;
                errorCode = h.errorCode();
                completes = true;
            } else if (h.type() == Netlink.NLMSG_DONE) {
                doneRow = row;
                completes = endsAtDone();
            } else {
                replies.add(row);
                completes = !dump && !wantsAck && (h.flags() & Netlink.NLM_F_MULTI) == 0;
            }
            if (completes && completion < 0) {
                completion = latency;
            }
        }

        /**
         * A dump ends at its NLMSG_DONE; a do that asked for an ACK ends at the ACK, even when it
         * answered with a multipart reply and its own DONE first (team's TEAM_CMD_OPTIONS_GET).
         */
        boolean endsAtDone() {
            return dump || !wantsAck;
        }

        Transaction snapshot() {
            return new Transaction(id, family, port, seq, requestRow, requestNanos, replies, doneRow, ackRow,
                    errorCode, firstReply, completion);
        }
    }

    private final CaptureStore store;
    private final List<Open> all = new ArrayList<>();
    private final Pairing<Open> pairing = new Pairing<>();
    private int[] rowTransaction = new int[1024];
    private int rowsSeen;

    private Transactions(CaptureStore store) {
        this.store = store;
    }

    /** Transactions of a store: those of the frames already there, then of each new one. */
    public static Transactions attach(CaptureStore store) {
        Transactions t = new Transactions(store);
        store.subscribe(t);
        return t;
    }

    public CaptureStore store() {
        return store;
    }

    /** Pairs from the index alone: headers, error codes and times, no decode. */
    @Override
    public synchronized void frameAdded(CaptureStore from, int number) {
        int first = from.firstRowOf(number);
        int end = from.index().rowsEnd(number);
        if (end > rowTransaction.length) {
            rowTransaction = Arrays.copyOf(rowTransaction, Math.max(end, rowTransaction.length * 2));
        }
        Arrays.fill(rowTransaction, first, end, -1);
        rowsSeen = end;
        int family = from.index().frameFamily(number);
        for (int row = first; row < end; row++) {
            RowHeader h = from.index().header(row);
            if (h == null) {
                continue;
            }
            Open t = h.isRequest() ? request(family, h, row) : answered(family, h);
            if (t != null) {
                if (!h.isRequest()) {
                    t.answer(h, row, h.timeNanos());
                    if (t.ackRow >= 0 || t.doneRow >= 0 && t.endsAtDone()) {
                        pairing.forget(t.family, t.port, t.seq, t); // ended: what follows is another's
                    }
                }
                rowTransaction[row] = t.id;
            }
        }
    }

    private Open request(int family, RowHeader h, int row) {
        Open t = new Open(all.size(), family, h.nlmsghdr(), row, h.timeNanos(), (h.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP);
        all.add(t);
        pairing.request(family, h.nlmsghdr(), t);
        return t;
    }

    private Open answered(int family, RowHeader h) {
        Open t = pairing.answered(family, h.nlmsghdr());
        if (t != null && t.port == 0) {
            t.port = h.port(); // the kernel named the port the request left 0
        }
        return t;
    }

    // ---- queries ----

    /** How many requests were seen. */
    public synchronized int size() {
        return all.size();
    }

    public synchronized Transaction get(int id) {
        return all.get(id).snapshot();
    }

    /** Every transaction so far, in request order. */
    public synchronized List<Transaction> all() {
        List<Transaction> out = new ArrayList<>(all.size());
        for (Open t : all) {
            out.add(t.snapshot());
        }
        return out;
    }

    /** The transaction a row belongs to, or null (notifications, unanswered orphans). */
    public synchronized Transaction ofRow(int row) {
        int id = row >= 0 && row < rowsSeen ? rowTransaction[row] : -1;
        return id < 0 ? null : all.get(id).snapshot();
    }

    /**
     * The Latency column of a row without a snapshot: for a request the time to its completion,
     * for an answer the time since its request; -1 when there is none (yet).
     */
    public synchronized long latencyNanos(int row) {
        int id = row >= 0 && row < rowsSeen ? rowTransaction[row] : -1;
        if (id < 0) {
            return -1;
        }
        Open t = all.get(id);
        return row == t.requestRow ? t.completion : Math.max(0, store.index().rowTime(row) - t.requestNanos);
    }

    /** "Go to request": the request row of a row's transaction, or -1. */
    public int requestRowOf(int row) {
        Transaction t = ofRow(row);
        return t == null ? -1 : t.requestRow();
    }

    /**
     * "Go to response": from a request, its first answer; from an answer, the row that completed
     * the transaction (its ACK, error or DONE); -1 when there is nowhere to go.
     */
    public int responseRowOf(int row) {
        Transaction t = ofRow(row);
        if (t == null) {
            return -1;
        }
        int target = row == t.requestRow() ? t.firstResponseRow() : (t.ackRow() >= 0 ? t.ackRow() : t.doneRow());
        return target == row ? -1 : target;
    }

    /**
     * What an error row's extended ACK points at, resolved against the original request when the
     * kernel capped its echo; null when the row is not an error with NLMSGERR_ATTR_OFFS.
     */
    public Offender offender(int errorRow) {
        DecodedMessage m = store.message(errorRow);
        ErrorInfo e = m == null ? null : m.error();
        if (e == null || e.badAttrOffset() == null) {
            return null;
        }
        int offset = e.badAttrOffset();
        int requestRow = requestRowOf(errorRow);
        if (requestRow < 0) {
            // only the echo: it may hold the whole request when the kernel did not cap it
            return new Offender(errorRow, -1, offset, -1,
                    e.badAttr() != null ? e.badAttr() : ErrorLocator.path(e.request(), offset), e.message());
        }
        DecodedMessage request = store.message(requestRow);
        String path = ErrorLocator.path(request, offset);
        if (path == null) {
            path = e.badAttr();
        }
        return new Offender(errorRow, requestRow, offset, request.offset() + offset, path, e.message());
    }
}
