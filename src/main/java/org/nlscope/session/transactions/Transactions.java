package org.nlscope.session.transactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlscope.decode.ErrorLocator;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.StoreIndex;
import org.nlscope.uapi.Netlink;

/**
 * Pairs each request with its replies, its NLMSG_DONE and its ACK or error, by netlink family,
 * port id and sequence number ({@link Pairing}), as rows arrive, from the store's index alone.
 * Transactions are kept in primitive columns ({@link TransactionTable}); a {@link Transaction}
 * is a snapshot made when asked for.
 *
 * <p>Threading: fed by the store's writer thread (see {@link #attach}); queries from any thread,
 * without a lock (the FX thread never waits for a loader): a row's transaction is known once the
 * row's frame was paired.
 */
public final class Transactions implements CaptureStore.Listener {
    private final CaptureStore store;
    private final TransactionTable table = new TransactionTable();
    private final Pairing<Integer> pairing = new Pairing<>(); // the writer's
    /** The transaction of each row, -1 for none; rows below rowsSeen are filled. */
    private volatile int[] rowTransaction = new int[1024];
    private volatile int rowsSeen;

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
    public void frameAdded(CaptureStore from, int number) {
        StoreIndex index = from.index();
        int first = from.firstRowOf(number);
        int end = index.rowsEnd(number);
        int[] of = rowTransaction;
        if (end > of.length) {
            of = Arrays.copyOf(of, Math.max(end, of.length * 2));
            rowTransaction = of;
        }
        int family = index.frameFamily(number);
        long nanos = index.frameTime(number);
        for (int row = first; row < end; row++) {
            of[row] = -1;
            if (!index.hasMessage(row)) {
                continue;
            }
            int flags = index.flags(row);
            long port = index.port(row);
            long seq = index.seq(row);
            if ((flags & Netlink.NLM_F_REQUEST) != 0) {
                int bits = ((flags & Netlink.NLM_F_ACK) != 0 ? TransactionTable.WANTS_ACK : 0)
                        | ((flags & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP ? TransactionTable.DUMP : 0);
                int id = table.add(family, port, seq, row, nanos, bits);
                pairing.request(family, port, seq, id);
                of[row] = id;
                continue;
            }
            int type = index.type(row);
            Integer id = pairing.answered(family, port, seq, type, flags);
            if (id == null) {
                continue;
            }
            if (table.get(id, TransactionTable.PORT) == 0) {
                table.set(id, TransactionTable.PORT, (int) port); // the kernel named the port the request left 0
            }
            if (answer(id, row, type, flags, index.errorCode(row), nanos)) {
                // ended: what follows is another's
                pairing.forget(family, Integer.toUnsignedLong(table.get(id, TransactionTable.PORT)),
                        Integer.toUnsignedLong(table.get(id, TransactionTable.SEQ)), id);
            }
            of[row] = id;
        }
        rowsSeen = end;
    }

    /** Takes an answer into transaction {@code id}; true when it ended the transaction (its ACK, error or final DONE). */
    private boolean answer(int id, int row, int type, int flags, int errorCode, long nanos) {
        long latency = Math.max(0, nanos - table.getLong(id, TransactionTable.REQUEST_NANOS));
        if (table.getLong(id, TransactionTable.FIRST_REPLY) < 0) {
            table.setLong(id, TransactionTable.FIRST_REPLY, latency);
        }
        boolean dump = table.has(id, TransactionTable.DUMP);
        boolean wantsAck = table.has(id, TransactionTable.WANTS_ACK);
        boolean completes;
        if (type == Netlink.NLMSG_ERROR) {
            table.set(id, TransactionTable.ACK_ROW, row);
            table.set(id, TransactionTable.ERROR_CODE, errorCode);
            completes = true;
        } else if (type == Netlink.NLMSG_DONE) {
            table.set(id, TransactionTable.DONE_ROW, row);
            completes = endsAtDone(dump, wantsAck);
        } else {
            completes = !dump && !wantsAck && (flags & Netlink.NLM_F_MULTI) == 0;
        }
        if (completes && table.getLong(id, TransactionTable.COMPLETION) < 0) {
            table.setLong(id, TransactionTable.COMPLETION, latency);
        }
        table.set(id, TransactionTable.LAST_ROW, row);
        return table.get(id, TransactionTable.ACK_ROW) >= 0
                || table.get(id, TransactionTable.DONE_ROW) >= 0 && endsAtDone(dump, wantsAck);
    }

    /**
     * A dump ends at its NLMSG_DONE; a do that asked for an ACK ends at the ACK, even when it
     * answered with a multipart reply and its own DONE first (team's TEAM_CMD_OPTIONS_GET).
     */
    private static boolean endsAtDone(boolean dump, boolean wantsAck) {
        return dump || !wantsAck;
    }

    /** Transaction {@code id} as known now; its replies are the rows it answered with that are no DONE or NLMSG_ERROR. */
    private Transaction snapshot(int id) {
        int requestRow = table.get(id, TransactionTable.REQUEST_ROW);
        int last = table.get(id, TransactionTable.LAST_ROW);
        int seen = rowsSeen;
        int[] of = rowTransaction;
        List<Integer> replies = new ArrayList<>();
        for (int row = requestRow + 1; row <= last && row < seen; row++) {
            if (of[row] == id) {
                int type = store.index().type(row);
                if (type != Netlink.NLMSG_ERROR && type != Netlink.NLMSG_DONE) {
                    replies.add(row);
                }
            }
        }
        return new Transaction(id, table.get(id, TransactionTable.FAMILY),
                Integer.toUnsignedLong(table.get(id, TransactionTable.PORT)),
                Integer.toUnsignedLong(table.get(id, TransactionTable.SEQ)), requestRow,
                table.getLong(id, TransactionTable.REQUEST_NANOS), replies, table.get(id, TransactionTable.DONE_ROW),
                table.get(id, TransactionTable.ACK_ROW), table.get(id, TransactionTable.ERROR_CODE),
                table.getLong(id, TransactionTable.FIRST_REPLY), table.getLong(id, TransactionTable.COMPLETION));
    }

    /** The transaction id of a row, -1 for none (yet). */
    private int idOf(int row) {
        int seen = rowsSeen; // before the column: a reader that sees the count sees the rows
        return row >= 0 && row < seen ? rowTransaction[row] : -1;
    }

    // ---- queries ----

    /** How many requests were seen. */
    public int size() {
        return table.size();
    }

    public Transaction get(int id) {
        if (id < 0 || id >= table.size()) {
            throw new IndexOutOfBoundsException("transaction " + id + " of " + table.size());
        }
        return snapshot(id);
    }

    /** Every transaction so far, in request order. */
    public List<Transaction> all() {
        int n = table.size();
        List<Transaction> out = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            out.add(snapshot(id));
        }
        return out;
    }

    /** The transaction a row belongs to, or null (notifications, unanswered orphans). */
    public Transaction ofRow(int row) {
        int id = idOf(row);
        return id < 0 ? null : snapshot(id);
    }

    /**
     * The Latency column of a row without a snapshot: for a request the time to its completion,
     * for an answer the time since its request; -1 when there is none (yet).
     */
    public long latencyNanos(int row) {
        int id = idOf(row);
        if (id < 0) {
            return -1;
        }
        long requested = table.getLong(id, TransactionTable.REQUEST_NANOS);
        return row == table.get(id, TransactionTable.REQUEST_ROW) ? table.getLong(id, TransactionTable.COMPLETION)
                : Math.max(0, store.index().rowTime(row) - requested);
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
