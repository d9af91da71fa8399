package org.nlscope.session;

import org.nlscope.model.Direction;

/**
 * What a store's index knows of its frames and rows without decoding them: times, families,
 * directions, nlmsghdr fields and roles. This is what pairing, statistics and sorting read.
 * Thread-safe: it reads under the store's lock. Frame numbers are 1-based, rows 0-based.
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
        synchronized (store) {
            return frames.time(store.checkFrame(number));
        }
    }

    /** The netlink family of a frame's cooked header, -1 when it has none. */
    public int frameFamily(int number) {
        synchronized (store) {
            return frames.family(store.checkFrame(number));
        }
    }

    public Direction frameDirection(int number) {
        synchronized (store) {
            return frames.direction(store.checkFrame(number));
        }
    }

    public int capturedLength(int number) {
        synchronized (store) {
            return frames.capturedLength(store.checkFrame(number));
        }
    }

    /** The index after the last row of a frame (its first row is {@link CaptureStore#firstRowOf}). */
    public int rowsEnd(int number) {
        synchronized (store) {
            int i = store.checkFrame(number);
            return i + 1 < frames.size() ? frames.firstRow(i + 1) : rows.size();
        }
    }

    /** The header of a row's message, or null for a frame that held none. */
    public RowHeader header(int row) {
        synchronized (store) {
            store.checkRow(row);
            if (rows.message(row) < 0) {
                return null;
            }
            int f = rows.frame(row) - 1;
            return new RowHeader(rows.length(row), rows.type(row), rows.flags(row), rows.seq(row), rows.port(row),
                    rows.errorCode(row), rows.command(row), frames.family(f), frames.time(f), rows.kind(row));
        }
    }

    /** The role of a row's message, from its header alone. */
    public MessageRow.Kind kind(int row) {
        synchronized (store) {
            return rows.kind(store.checkRow(row));
        }
    }

    /** The capture time of a row's frame. */
    public long rowTime(int row) {
        synchronized (store) {
            return frames.time(rows.frame(store.checkRow(row)) - 1);
        }
    }

    /** A row's value of a header field, as a number to sort by. */
    public long sortValue(int row, RowHeader.Field field) {
        synchronized (store) {
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
}
