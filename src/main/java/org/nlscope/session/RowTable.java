package org.nlscope.session;

import java.util.Arrays;

/**
 * The message rows of a store as primitive columns: what the index pass reads from each
 * nlmsghdr (and the error code of an NLMSG_ERROR, the command of a genl message), so a
 * million rows cost a few dozen megabytes and no object each.
 *
 * <p>One writer appends; readers read rows below a count the store published after writing
 * them (a volatile write), so they take no lock. The columns are volatile fields, replaced
 * when they grow: a reader that reads one after the published count sees an array that holds
 * every published row.
 */
final class RowTable {
    private volatile int[] frame = new int[1024];
    private volatile int[] message = new int[1024];
    private volatile int[] offset = new int[1024];
    private volatile int[] length = new int[1024];
    private volatile char[] type = new char[1024];
    private volatile char[] flags = new char[1024];
    private volatile int[] seq = new int[1024];
    private volatile int[] port = new int[1024];
    private volatile int[] errorCode = new int[1024];
    private volatile byte[] command = new byte[1024];
    private volatile byte[] kind = new byte[1024];
    private int size;

    int size() {
        return size;
    }

    /** Appends a row; {@code messageIndex} -1 for a frame with no readable message. */
    void add(int frameNumber, int messageIndex, int at, int len, int msgType, int msgFlags, long msgSeq, long msgPort,
             int code, int cmd, MessageRow.Kind k) {
        if (size == frame.length) {
            grow();
        }
        int i = size++;
        frame[i] = frameNumber;
        message[i] = messageIndex;
        offset[i] = at;
        length[i] = len;
        type[i] = (char) msgType;
        flags[i] = (char) msgFlags;
        seq[i] = (int) msgSeq;
        port[i] = (int) msgPort;
        errorCode[i] = code;
        command[i] = (byte) cmd;
        kind[i] = (byte) k.ordinal();
    }

    void setKind(int row, MessageRow.Kind k) {
        kind[row] = (byte) k.ordinal();
    }

    int frame(int row) {
        return frame[row];
    }

    int message(int row) {
        return message[row];
    }

    int offset(int row) {
        return offset[row];
    }

    int length(int row) {
        return length[row];
    }

    int type(int row) {
        return message[row] < 0 ? -1 : type[row];
    }

    int flags(int row) {
        return flags[row];
    }

    long seq(int row) {
        return Integer.toUnsignedLong(seq[row]);
    }

    long port(int row) {
        return Integer.toUnsignedLong(port[row]);
    }

    int errorCode(int row) {
        return errorCode[row];
    }

    int command(int row) {
        return command[row] & 0xff;
    }

    MessageRow.Kind kind(int row) {
        return KINDS[kind[row]];
    }

    private static final MessageRow.Kind[] KINDS = MessageRow.Kind.values();

    private void grow() {
        int cap = frame.length * 2;
        frame = Arrays.copyOf(frame, cap);
        message = Arrays.copyOf(message, cap);
        offset = Arrays.copyOf(offset, cap);
        length = Arrays.copyOf(length, cap);
        type = Arrays.copyOf(type, cap);
        flags = Arrays.copyOf(flags, cap);
        seq = Arrays.copyOf(seq, cap);
        port = Arrays.copyOf(port, cap);
        errorCode = Arrays.copyOf(errorCode, cap);
        command = Arrays.copyOf(command, cap);
        kind = Arrays.copyOf(kind, cap);
    }
}
