package org.nlscope.session.transactions;

import java.util.Arrays;

/**
 * The transactions of a capture as primitive columns, one slot of ints and one of longs per
 * transaction, so that a million requests cost some sixty bytes each and no object.
 *
 * <p>One writer adds and answers; readers read transactions below the published count without
 * a lock (the columns are volatile fields replaced when they grow, and the count is written after
 * a new transaction's slot). A transaction answered while a reader reads it may show some of
 * the answer's effects and not yet others; a reader on the writer's thread sees them all.
 */
final class TransactionTable {
    // the ints of a transaction
    static final int FAMILY = 0;
    static final int PORT = 1;
    static final int SEQ = 2;
    static final int REQUEST_ROW = 3;
    static final int DONE_ROW = 4;
    static final int ACK_ROW = 5;
    static final int ERROR_CODE = 6;
    /** The last row answering it: its replies are among the rows from the request's to this one. */
    static final int LAST_ROW = 7;
    static final int BITS = 8;
    private static final int INTS = 9;
    // the longs
    static final int REQUEST_NANOS = 0;
    static final int FIRST_REPLY = 1;
    static final int COMPLETION = 2;
    private static final int LONGS = 3;
    // in BITS
    static final int WANTS_ACK = 1;
    static final int DUMP = 2;

    private volatile int[] ints = new int[INTS * 1024];
    private volatile long[] longs = new long[LONGS * 1024];
    private volatile int size;

    int size() {
        return size;
    }

    /** A new transaction for a request; returns its id. */
    int add(int family, long port, long seq, int requestRow, long requestNanos, int bits) {
        int id = size;
        if ((id + 1) * INTS > ints.length) {
            ints = Arrays.copyOf(ints, ints.length * 2);
            longs = Arrays.copyOf(longs, longs.length * 2);
        }
        int[] i = ints;
        int at = id * INTS;
        i[at + FAMILY] = family;
        i[at + PORT] = (int) port;
        i[at + SEQ] = (int) seq;
        i[at + REQUEST_ROW] = requestRow;
        i[at + DONE_ROW] = -1;
        i[at + ACK_ROW] = -1;
        i[at + ERROR_CODE] = 0;
        i[at + LAST_ROW] = requestRow;
        i[at + BITS] = bits;
        long[] l = longs;
        l[id * LONGS + REQUEST_NANOS] = requestNanos;
        l[id * LONGS + FIRST_REPLY] = -1;
        l[id * LONGS + COMPLETION] = -1;
        size = id + 1; // last: a reader that sees the count sees the slot
        return id;
    }

    int get(int id, int field) {
        return ints[id * INTS + field];
    }

    void set(int id, int field, int value) {
        ints[id * INTS + field] = value;
    }

    long getLong(int id, int field) {
        return longs[id * LONGS + field];
    }

    void setLong(int id, int field, long value) {
        longs[id * LONGS + field] = value;
    }

    boolean has(int id, int bit) {
        return (get(id, BITS) & bit) != 0;
    }
}
