package org.nlscope.session;

import org.nlscope.model.Direction;

/**
 * What a store's index knows of its frames and rows without decoding them: times, families,
 * directions, nlmsghdr fields and roles. This is what pairing, statistics and sorting read.
 * Thread-safe without a lock: it reads the frames and rows the store has published (see
 * {@link CaptureStore}), so a reader never waits for the writer. Frame numbers are 1-based,
 * rows 0-based.
 */
public final class StoreIndex {
    private final CaptureStore store;
    private final FrameTable frames;
    private final RowTable rows;

    StoreIndex(CaptureStore store, FrameTable frames, RowTable rows) {
        this.store = store;
        this.frames = frames;
        this.rows = rows;
    }

    /** The capture time of a frame, nanoseconds since the Unix epoch. */
    public long frameTime(int number) {
        return frames.time(store.checkFrame(number));
    }

    /** The netlink family of a frame's cooked header, -1 when it has none. */
    public int frameFamily(int number) {
        return frames.family(store.checkFrame(number));
    }

    public Direction frameDirection(int number) {
        return frames.direction(store.checkFrame(number));
    }

    public int capturedLength(int number) {
        return frames.capturedLength(store.checkFrame(number));
    }

    /** The index after the last row of a frame (its first row is {@link CaptureStore#firstRowOf}). */
    public int rowsEnd(int number) {
        long published = store.published(); // both counts from one append
        int n = (int) (published >>> 32);
        if (number < 1 || number > n) {
            throw new IndexOutOfBoundsException("frame " + number + " of " + n);
        }
        return number < n ? frames.firstRow(number) : (int) published;
    }

    /** True when a row holds a message (false for a frame that held none). */
    public boolean hasMessage(int row) {
        return rows.message(store.checkRow(row)) >= 0;
    }

    /** The header of a row's message, or null for a frame that held none. */
    public RowHeader header(int row) {
        if (!hasMessage(row)) {
            return null;
        }
        int f = rows.frame(row) - 1;
        return new RowHeader(rows.length(row), rows.type(row), rows.flags(row), rows.seq(row), rows.port(row),
                rows.errorCode(row), rows.command(row), frames.family(f), frames.time(f), rows.kind(row));
    }

    /** nlmsg_type of a row, -1 for a frame that held no message. */
    public int type(int row) {
        return rows.type(store.checkRow(row));
    }

    public int flags(int row) {
        return rows.flags(store.checkRow(row));
    }

    public long seq(int row) {
        return rows.seq(store.checkRow(row));
    }

    /** nlmsg_pid of a row. */
    public long port(int row) {
        return rows.port(store.checkRow(row));
    }

    /** An NLMSG_ERROR's error field (negative errno, 0 for an ACK), else 0. */
    public int errorCode(int row) {
        return rows.errorCode(store.checkRow(row));
    }

    /** A generic netlink message's genl command, else 0. */
    public int command(int row) {
        return rows.command(store.checkRow(row));
    }

    /** The role of a row's message, from its header alone. */
    public MessageRow.Kind kind(int row) {
        return rows.kind(store.checkRow(row));
    }

    /** The capture time of a row's frame. */
    public long rowTime(int row) {
        return frames.time(rows.frame(store.checkRow(row)) - 1);
    }

    /** A row's value of a header field, as a number to sort by. */
    public long sortValue(int row, RowHeader.Field field) {
        store.checkRow(row);
        int f = rows.frame(row) - 1;
        return switch (field) {
            case TYPE -> rows.type(row);
            case FLAGS -> rows.flags(row);
            case SEQ -> rows.seq(row);
            case PORT -> rows.port(row);
            case LENGTH -> rows.length(row);
            case TIME -> frames.time(f);
            case FAMILY -> frames.family(f);
            case DIRECTION -> frames.direction(f).ordinal();
        };
    }
}
