package org.nlscope.session;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.model.ProcessInfo;

/** Flattens decoded frames into table rows and says what role each message plays. */
public final class RowBuilder {
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;

    private RowBuilder() {
    }

    /** The role of a message; direction says whether it came from the kernel. */
    public static MessageRow.Kind kindOf(DecodedMessage m, Direction direction) {
        NlMsgHeader h = m.header();
        if (h.type() == NLMSG_ERROR) {
            return m.error() != null && m.error().code() != 0 ? MessageRow.Kind.ERROR : MessageRow.Kind.ACK;
        }
        if (h.type() == NLMSG_DONE) {
            return MessageRow.Kind.DONE;
        }
        if (h.isRequest()) {
            return MessageRow.Kind.REQUEST;
        }
        if ((h.flags() & NlMsgHeader.NLM_F_MULTI) != 0) {
            return MessageRow.Kind.DUMP_PART;
        }
        if (h.seq() == 0 && direction != Direction.TO_KERNEL) {
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
