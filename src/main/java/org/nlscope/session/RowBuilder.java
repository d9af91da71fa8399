package org.nlscope.session;

import static org.nlscope.uapi.Netlink.NLMSG_DONE;
import static org.nlscope.uapi.Netlink.NLMSG_ERROR;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.model.ProcessInfo;
import org.nlscope.uapi.Netlink;

/** Flattens decoded frames into table rows and says what role each message plays. */
public final class RowBuilder {

    private RowBuilder() {
    }

    /** The role of a message; direction says whether it came from the kernel. */
    public static MessageRow.Kind kindOf(DecodedMessage m, Direction direction) {
        NlMsgHeader h = m.header();
        return kindOf(h.type(), h.flags(), h.seq(), m.error() == null ? 0 : m.error().code(), direction);
    }

    /** The role of a message from its header alone (and an NLMSG_ERROR's code, 0 when it has none). */
    public static MessageRow.Kind kindOf(int type, int flags, long seq, int errorCode, Direction direction) {
        if (type == NLMSG_ERROR) {
            return errorCode != 0 ? MessageRow.Kind.ERROR : MessageRow.Kind.ACK;
        }
        if (type == NLMSG_DONE) {
            return MessageRow.Kind.DONE;
        }
        if ((flags & Netlink.NLM_F_REQUEST) != 0) {
            return MessageRow.Kind.REQUEST;
        }
        if ((flags & Netlink.NLM_F_MULTI) != 0) {
            return MessageRow.Kind.DUMP_PART;
        }
        if (seq == 0 && direction != Direction.TO_KERNEL) {
            return MessageRow.Kind.NOTIFICATION;
        }
        return MessageRow.Kind.REPLY;
    }

    /** How many rows a frame makes: one per message, or one for a frame with none. */
    public static int rowCount(DecodedFrame frame) {
        return Math.max(1, frame.messages().size());
    }

    /** The rows of a frame, the first one at {@code firstIndex}. */
    public static List<MessageRow> rows(DecodedFrame f, DecodeContext context, int firstIndex) {
        List<MessageRow> out = new ArrayList<>(rowCount(f));
        if (f.messages().isEmpty()) {
            out.add(new MessageRow(firstIndex, f.number(), -1, f.frame().timestampNanos(), f.direction(),
                    f.directionInferred(), f.family(), familyName(f, null), -1, "", 0, "", 0, 0, null,
                    f.frame().originalLength(), String.join("; ", f.problems()), MessageRow.Kind.MALFORMED, true));
            return out;
        }
        for (int i = 0; i < f.messages().size(); i++) {
            out.add(row(f, i, context, firstIndex + i));
        }
        return out;
    }

    /** Rows [from, to) of a store (published rows); each frame is decoded once. */
    static List<MessageRow> rows(CaptureStore store, int from, int to, DecodeContext owners) {
        List<MessageRow> out = new ArrayList<>(Math.max(0, to - from));
        DecodedFrame f = null;
        for (int row = from; row < to; row++) {
            int number = store.frameOfRow(row);
            if (f == null || f.number() != number) {
                f = store.decoded(number);
            }
            int m = store.messageOfRow(row);
            out.add(m < 0 || m >= f.messages().size() ? rows(f, owners, row).get(0) : row(f, m, owners, row));
        }
        return out;
    }

    /** The row of message {@code i} of a frame. */
    public static MessageRow row(DecodedFrame f, int i, DecodeContext context, int index) {
        DecodedMessage m = f.messages().get(i);
        NlMsgHeader h = m.header();
        ProcessInfo p = context == null ? null : context.process(h.pid());
        String typeName = typeName(m);
        String info = m.summary() == null || m.summary().isEmpty() ? typeName : m.summary();
        return new MessageRow(index, f.number(), i, f.frame().timestampNanos(), f.direction(), f.directionInferred(),
                f.family(), familyName(f, m), h.type(), typeName, h.flags(), flagsText(m), h.seq(), h.pid(),
                p == null ? null : p.label(), h.length(), info, kindOf(m, f.direction()),
                !m.problems().isEmpty() || !f.problems().isEmpty());
    }

    /** The Type column: the genl command name, else the message type's name, else its number. */
    public static String typeName(DecodedMessage m) {
        if (m.genl() != null && m.genl().cmdName() != null) {
            return m.genl().cmdName();
        }
        return m.typeName() != null ? m.typeName() : Integer.toString(m.header().type());
    }

    /** The Family column: the genl family's name when known, else the netlink family's. */
    public static String familyName(DecodedFrame f, DecodedMessage m) {
        if (m != null && m.genl() != null && m.genl().family() != null) {
            return m.genl().family();
        }
        if (f.familyName() != null) {
            return f.familyName();
        }
        return Integer.toString(f.family());
    }

    static String flagsText(DecodedMessage m) {
        if (m.flagNames().isEmpty()) {
            int flags = m.header().flags();
            return flags == 0 ? "" : "0x" + Integer.toHexString(flags);
        }
        StringBuilder sb = new StringBuilder();
        for (String name : m.flagNames()) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(name.startsWith("NLM_F_") ? name.substring(6) : name);
        }
        return sb.toString();
    }
}
