package org.nlscope.session.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.model.GenlInfo;
import org.nlscope.model.LinkType;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.model.ProcessInfo;

/**
 * The full tree of a decoded frame: cooked header, then per message its nlmsghdr,
 * genlmsghdr, fixed header, every attribute nested, the error with its extended ACK
 * and echoed request, and what was malformed. {@code read -V} prints it indented; the
 * desktop app shows the same nodes and highlights their bytes.
 */
public final class DetailTree {

    private static final String INDENT = "    ";

    private final LongFunction<ProcessInfo> processes;

    /** A tree builder that knows no processes. */
    public DetailTree() {
        this(port -> null);
    }

    /** @param processes the process behind a netlink port id, or null when unknown */
    public DetailTree(LongFunction<ProcessInfo> processes) {
        this.processes = processes;
    }

    public DetailNode build(DecodedFrame df) {
        List<DetailNode> children = new ArrayList<>(head(df));
        int n = df.messages().size();
        for (int i = 0; i < n; i++) {
            children.add(message(df, i));
        }
        for (String p : df.problems()) {
            children.add(DetailNode.note("Problem: " + p));
        }
        return new DetailNode(label(df), 0, df.frame().capturedLength(), children);
    }

    /**
     * Writes what {@link #print(DetailNode, Writer)} would for {@link #build}, one message
     * at a time, so a frame of many messages never exists as one tree or one string.
     */
    public void write(DecodedFrame df, Writer out) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append(label(df)).append('\n');
        for (DetailNode c : head(df)) {
            append(c, 1, sb);
        }
        for (int i = 0; i < df.messages().size(); i++) {
            append(message(df, i), 1, sb);
            if (sb.length() > 1 << 16) {
                write(sb, out);
            }
        }
        for (String p : df.problems()) {
            append(DetailNode.note("Problem: " + p), 1, sb);
        }
        write(sb.append('\n'), out);
    }

    private static void write(StringBuilder sb, Writer out) {
        try {
            out.write(sb.toString());
            sb.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(DecodedFrame df) {
        Frame f = df.frame();
        return "Frame " + df.number() + ": " + f.originalLength() + " bytes"
                + (f.capturedLength() < f.originalLength() ? " (" + f.capturedLength() + " captured)" : "")
                + ", " + Values.dateTime(f.timestampNanos());
    }

    /** The nodes before the messages: cooked header, direction, comment. */
    private List<DetailNode> head(DecodedFrame df) {
        List<DetailNode> head = new ArrayList<>(3);
        head.add(cookedHeader(df));
        head.add(DetailNode.note("Direction: " + direction(df.direction()) + inference(df)));
        if (df.frame().comment() != null) {
            head.add(DetailNode.note("Comment: " + df.frame().comment()));
        }
        return head;
    }

    private DetailNode message(DecodedFrame df, int i) {
        int n = df.messages().size();
        String prefix = n > 1 ? "Message " + (i + 1) + " of " + n + ": " : "Message: ";
        return message(prefix, df.messages().get(i));
    }

    /** The subtree of one message, as shown when the desktop app selects it. */
    public DetailNode message(DecodedMessage m) {
        return message("Message: ", m);
    }

    /** Writes the tree indented by four spaces a level, then an empty line. */
    public void print(DetailNode root, Writer out) {
        try {
            write(root, 0, out);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DetailNode node, int depth, Writer out) throws IOException {
        for (int i = 0; i < depth; i++) {
            out.write(INDENT);
        }
        out.write(node.label());
        out.write('\n');
        for (DetailNode c : node.children()) {
            write(c, depth + 1, out);
        }
    }

    public String toText(DecodedFrame df) {
        StringBuilder sb = new StringBuilder(4096);
        append(build(df), 0, sb);
        return sb.append('\n').toString();
    }

    private static void append(DetailNode node, int depth, StringBuilder sb) {
        for (int i = 0; i < depth; i++) {
            sb.append(INDENT);
        }
        sb.append(node.label()).append('\n');
        for (DetailNode c : node.children()) {
            append(c, depth + 1, sb);
        }
    }

    private static DetailNode cookedHeader(DecodedFrame df) {
        Frame f = df.frame();
        CookedHeader h = CookedHeader.parse(f.linkType(), f.data());
        String linkType = LinkType.name(f.linkType()) + " (" + f.linkType() + ")";
        if (!h.complete()) {
            return DetailNode.leaf("Cooked header (" + linkType + "): truncated, " + f.capturedLength()
                    + " of " + h.length() + " bytes", 0, f.capturedLength());
        }
        boolean sll2 = f.linkType() == LinkType.LINUX_SLL2;
        List<DetailNode> c = new ArrayList<>();
        c.add(DetailNode.leaf("Packet type: " + h.packetType() + " (" + packetType(h.packetType()) + ")",
                sll2 ? 10 : 0, sll2 ? 1 : 2));
        c.add(DetailNode.leaf("ARPHRD type: " + h.arphrdType()
                + (h.arphrdType() == LinkType.ARPHRD_NETLINK ? " (ARPHRD_NETLINK)" : ""), sll2 ? 8 : 2, 2));
        c.add(DetailNode.leaf("Netlink family: " + h.netlinkFamily()
                + (df.familyName() != null ? " (" + df.familyName() + ")" : ""), sll2 ? 0 : 14, 2));
        if (sll2) {
            byte[] d = f.data();
            long ifindex = (d[4] & 0xffL) << 24 | (d[5] & 0xff) << 16 | (d[6] & 0xff) << 8 | (d[7] & 0xff);
            c.add(DetailNode.leaf("Interface index: " + ifindex, 4, 4));
        }
        return new DetailNode("Cooked header (" + linkType + "): "
                + (df.familyName() != null ? df.familyName() : "family " + h.netlinkFamily()), 0, h.length(), c);
    }

    private DetailNode message(String prefix, DecodedMessage m) {
        NlMsgHeader h = m.header();
        int off = m.offset();
        List<DetailNode> c = new ArrayList<>();
        c.add(new DetailNode("nlmsghdr", off, NlMsgHeader.SIZE, List.of(
                DetailNode.leaf("nlmsg_len: " + h.length(), off, 4),
                DetailNode.leaf("nlmsg_type: " + h.type() + (m.typeName() != null ? " (" + m.typeName() + ")" : ""),
                        off + 4, 2),
                DetailNode.leaf("nlmsg_flags: " + String.format("0x%04x", h.flags())
                        + (m.flagNames().isEmpty() ? "" : " (" + String.join("|", m.flagNames()) + ")"), off + 6, 2),
                DetailNode.leaf("nlmsg_seq: " + h.seq(), off + 8, 4),
                DetailNode.leaf("nlmsg_pid: " + h.pid() + port(h.pid()), off + 12, 4))));
        GenlInfo g = m.genl();
        if (g != null) {
            int go = off + NlMsgHeader.SIZE;
            c.add(new DetailNode("genlmsghdr: " + (g.family() != null ? g.family() : "family id " + g.familyId())
                    + " " + (g.cmdName() != null ? g.cmdName() : "cmd " + g.cmd()), go, 4, List.of(
                    DetailNode.note("family: " + (g.family() != null ? g.family() : "unknown") + " (id " + g.familyId() + ")"),
                    DetailNode.leaf("cmd: " + g.cmd() + (g.cmdName() != null ? " (" + g.cmdName() + ")" : ""), go, 1),
                    DetailNode.leaf("version: " + g.version(), go + 1, 1))));
        }
        if (!m.fixedHeader().isEmpty()) {
            c.add(span("Fixed header", fields(m.fixedHeader())));
        }
        for (Field a : m.attributes()) {
            c.add(field(a));
        }
        if (m.error() != null) {
            c.add(error(m, m.error()));
        }
        for (String p : m.problems()) {
            c.add(DetailNode.note("Problem: " + p));
        }
        String summary = m.summary() != null && !m.summary().isBlank() ? m.summary() : Values.typeName(m);
        return new DetailNode(prefix + summary, off, h.length(), c);
    }

    private DetailNode error(DecodedMessage m, ErrorInfo e) {
        List<DetailNode> c = new ArrayList<>();
        int codeOffset = m.offset() + NlMsgHeader.SIZE;
        DecodedMessage req = e.request();
        if (e.badAttr() != null || e.badAttrOffset() != null) {
            int abs = req != null && e.badAttrOffset() != null ? req.offset() + e.badAttrOffset() : -1;
            Field hit = abs >= 0 ? findAt(req.attributes(), abs) : null;
            c.add(DetailNode.leaf("Offending attribute: " + (e.badAttr() != null ? e.badAttr() : "?")
                    + (e.badAttrOffset() != null ? " at request offset " + e.badAttrOffset() : ""),
                    hit != null ? hit.offset() : -1, hit != null ? hit.length() : 0));
        }
        for (Field x : e.extAck()) {
            c.add(field(x));
        }
        if (req != null) {
            c.add(message("Echoed request: ", req));
        }
        String label;
        if (e.isAck()) {
            label = "ACK";
        } else {
            label = "Error: " + e.code() + (e.name() != null ? " " + e.name() : "") + (e.text() != null ? ": " + e.text() : "");
        }
        if (e.message() != null) {
            label += " \"" + e.message() + "\"";
        }
        return new DetailNode(label, codeOffset, 4, c);
    }

    private static Field findAt(List<Field> fields, int offset) {
        for (Field f : fields) {
            if (f.offset() == offset && f.isAttribute()) {
                return f;
            }
            if (f.offset() <= offset && offset < f.offset() + f.length()) {
                Field inner = findAt(f.children(), offset);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private List<DetailNode> fields(List<Field> fields) {
        List<DetailNode> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(field(f));
        }
        return out;
    }

    /** One attribute or member: "IFLA_MTU (4): 1400", a nest with its children, a struct with its members. */
    private DetailNode field(Field f) {
        StringBuilder label = new StringBuilder(f.label());
        if (f.isAttribute() && f.name() != null && !f.name().startsWith("[")) { // "[3]" already is the index
            label.append(" (").append(f.type()).append(')');
        }
        String value = Values.describe(f);
        if (value != null && !value.isEmpty()) {
            label.append(": ").append(value);
        }
        if (f.problem() != null) {
            label.append(" [problem: ").append(f.problem()).append(']');
        }
        return new DetailNode(label.toString(), f.offset(), f.length(), fields(f.children()));
    }

    /** A grouping node covering its children's bytes. */
    private static DetailNode span(String label, List<DetailNode> children) {
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (DetailNode c : children) {
            if (c.coversBytes()) {
                start = Math.min(start, c.offset());
                end = Math.max(end, c.offset() + c.length());
            }
        }
        return end < 0 ? new DetailNode(label, -1, 0, children) : new DetailNode(label, start, end - start, children);
    }

    private String port(long pid) {
        ProcessInfo p = processes.apply(pid);
        return p != null ? " (" + p.label() + ")" : "";
    }

    /** Why the direction is believed when the packet type did not carry it. */
    private static String inference(DecodedFrame df) {
        if (!df.directionInferred()) {
            return "";
        }
        return df.direction() == Direction.TO_KERNEL ? " (inferred: NLM_F_REQUEST is set)" : " (inferred: NLM_F_REQUEST is clear)";
    }

    private static String direction(Direction d) {
        return switch (d) {
            case TO_KERNEL -> "to the kernel";
            case FROM_KERNEL -> "from the kernel";
            case UNKNOWN -> "unknown";
        };
    }

    private static String packetType(int t) {
        return switch (t) {
            case 0 -> "PACKET_HOST";
            case 1 -> "PACKET_BROADCAST";
            case 2 -> "PACKET_MULTICAST";
            case 3 -> "PACKET_OTHERHOST";
            case 4 -> "PACKET_OUTGOING";
            case 6 -> "PACKET_USER";
            case 7 -> "PACKET_KERNEL";
            default -> "unknown";
        };
    }
}
