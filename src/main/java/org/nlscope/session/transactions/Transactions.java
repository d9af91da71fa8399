package org.nlscope.session.transactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.ErrorLocator;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.RowBuilder;

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
            this.wantsAck = (h.flags() & NlMsgHeader.NLM_F_ACK) != 0;
            this.dump = dump;
        }

        void answer(DecodedMessage m, int row, long nanos) {
            long latency = Math.max(0, nanos - requestNanos);
            if (firstReply < 0) {
                firstReply = latency;
            }
            int type = m.header().type();
            boolean completes;
            if (type == RowBuilder.NLMSG_ERROR) {
                ackRow = row;
                errorCode = m.error() == null ? 0 : m.error().code();
                completes = true;
            } else if (type == RowBuilder.NLMSG_DONE) {
                doneRow = row;
                completes = true;
            } else {
                replies.add(row);
                completes = !dump && !wantsAck && (m.header().flags() & NlMsgHeader.NLM_F_MULTI) == 0;
            }
            if (completes && completion < 0) {
                completion = latency;
            }
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

    @Override
    public synchronized void frameAdded(DecodedFrame frame, DecodeContext context, int firstRow) {
        int rows = RowBuilder.rowCount(frame);
        if (firstRow + rows > rowTransaction.length) {
            int old = rowTransaction.length;
            rowTransaction = Arrays.copyOf(rowTransaction, Math.max(firstRow + rows, old * 2));
        }
        Arrays.fill(rowTransaction, firstRow, firstRow + rows, -1);
        rowsSeen = firstRow + rows;
        long nanos = frame.frame().timestampNanos();
        for (int i = 0; i < frame.messages().size(); i++) {
            DecodedMessage m = frame.messages().get(i);
            Open t = m.header().isRequest() ? request(frame, m, firstRow + i, nanos) : answered(frame.family(), m);
            if (t != null) {
                if (!m.header().isRequest()) {
                    t.answer(m, firstRow + i, nanos);
                    if (t.ackRow >= 0 || t.doneRow >= 0) {
                        pairing.forget(t.family, t.port, t.seq, t); // ended: what follows is another's
                    }
                }
                rowTransaction[firstRow + i] = t.id;
            }
        }
    }

    private Open request(DecodedFrame frame, DecodedMessage m, int row, long nanos) {
        NlMsgHeader h = m.header();
        boolean dump = (h.flags() & 0x300) == 0x300 || m.flagNames().contains("NLM_F_DUMP");
        Open t = new Open(all.size(), frame.family(), h, row, nanos, dump);
        all.add(t);
        pairing.request(frame.family(), h, t);
        return t;
    }

    private Open answered(int family, DecodedMessage m) {
        Open t = pairing.answered(family, m.header());
        if (t != null && t.port == 0) {
            t.port = m.header().pid(); // the kernel named the port the request left 0
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
