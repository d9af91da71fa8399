package org.nlscope.session.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * and echoed request, and what was malformed. {@code read -V} prints it indented, line
 * by line as it is walked ({@link TreeLines}); the desktop app gets the same nodes as
 * {@link DetailNode}s ({@link TreeNodes}) and highlights their bytes.
 */
public final class DetailTree {

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
        TreeNodes nodes = new TreeNodes();
        frame(df, nodes);
        return nodes.root();
    }

    /** The subtree of one message, as shown when the desktop app selects it. */
    public DetailNode message(DecodedMessage m) {
        TreeNodes nodes = new TreeNodes();
        message("Message: ", m, nodes);
        return nodes.root();
    }

    /**
     * Writes the frame's tree indented by four spaces a level, then an empty line, as it is
     * walked: no tree of nodes and no string of the whole frame is made.
     */
    public void write(DecodedFrame df, Writer out) {
        TreeLines lines = new TreeLines(out);
        frame(df, lines);
        lines.blankLine();
        lines.flush();
    }

    /** Writes a tree built before indented by four spaces a level, then an empty line. */
    public void print(DetailNode root, Writer out) {
        TreeLines lines = new TreeLines(out);
        replay(root, lines);
        lines.blankLine();
        lines.flush();
    }

    private static void replay(DetailNode node, TreeSink sink) {
        sink.label().append(node.label());
        sink.open(node.offset(), node.length());
        for (DetailNode c : node.children()) {
            replay(c, sink);
        }
        sink.close();
    }

    public String toText(DecodedFrame df) {
        StringWriter sw = new StringWriter(4096);
        write(df, sw);
        return sw.toString();
    }

    private void frame(DecodedFrame df, TreeSink sink) {
        Frame f = df.frame();
        sink.label().append("Frame ").append(df.number()).append(": ").append(f.originalLength()).append(" bytes");
        if (f.capturedLength() < f.originalLength()) {
            sink.label().append(" (").append(f.capturedLength()).append(" captured)");
        }
        sink.label().append(", ").append(Values.dateTime(f.timestampNanos()));
        sink.open(0, f.capturedLength());
        cookedHeader(df, sink);
        sink.label().append("Direction: ").append(direction(df.direction())).append(inference(df));
        sink.note();
        if (f.comment() != null) {
            sink.label().append("Comment: ").append(f.comment());
            sink.note();
        }
        int n = df.messages().size();
        for (int i = 0; i < n; i++) {
            message(n > 1 ? "Message " + (i + 1) + " of " + n + ": " : "Message: ", df.messages().get(i), sink);
        }
        for (String p : df.problems()) {
            problem(p, sink);
        }
        sink.close();
    }

    private static void problem(String p, TreeSink sink) {
        sink.label().append("Problem: ").append(p);
        sink.note();
    }

    private static void cookedHeader(DecodedFrame df, TreeSink sink) {
        Frame f = df.frame();
        CookedHeader h = CookedHeader.parse(f.linkType(), f.data());
        StringBuilder l = sink.label().append("Cooked header (").append(LinkType.name(f.linkType()))
                .append(" (").append(f.linkType()).append("))");
        if (!h.complete()) {
            l.append(": truncated, ").append(f.capturedLength()).append(" of ").append(h.length()).append(" bytes");
            sink.leaf(0, f.capturedLength());
            return;
        }
        l.append(": ");
        if (df.familyName() != null) {
            l.append(df.familyName());
        } else {
            l.append("family ").append(h.netlinkFamily());
        }
        sink.open(0, h.length());
        boolean sll2 = f.linkType() == LinkType.LINUX_SLL2;
        sink.label().append("Packet type: ").append(h.packetType()).append(" (").append(packetType(h.packetType())).append(')');
        sink.leaf(sll2 ? 10 : 0, sll2 ? 1 : 2);
        sink.label().append("ARPHRD type: ").append(h.arphrdType())
                .append(h.arphrdType() == LinkType.ARPHRD_NETLINK ? " (ARPHRD_NETLINK)" : "");
        sink.leaf(sll2 ? 8 : 2, 2);
        sink.label().append("Netlink family: ").append(h.netlinkFamily());
        if (df.familyName() != null) {
            sink.label().append(" (").append(df.familyName()).append(')');
        }
        sink.leaf(sll2 ? 0 : 14, 2);
        if (sll2) {
            byte[] d = f.data();
            long ifindex = (d[4] & 0xffL) << 24 | (d[5] & 0xff) << 16 | (d[6] & 0xff) << 8 | (d[7] & 0xff);
            sink.label().append("Interface index: ").append(ifindex);
            sink.leaf(4, 4);
        }
        sink.close();
    }

    private void message(String prefix, DecodedMessage m, TreeSink sink) {
        NlMsgHeader h = m.header();
        int off = m.offset();
        sink.label().append(prefix).append(m.summary() != null && !m.summary().isBlank() ? m.summary() : Values.typeName(m));
        sink.open(off, h.length());
        sink.label().append("nlmsghdr");
        sink.open(off, NlMsgHeader.SIZE);
        sink.label().append("nlmsg_len: ").append(h.length());
        sink.leaf(off, 4);
        sink.label().append("nlmsg_type: ").append(h.type());
        if (m.typeName() != null) {
            sink.label().append(" (").append(m.typeName()).append(')');
        }
        sink.leaf(off + 4, 2);
        StringBuilder flags = sink.label().append("nlmsg_flags: 0x");
        String hex = Integer.toHexString(h.flags());
        for (int i = hex.length(); i < 4; i++) {
            flags.append('0');
        }
        flags.append(hex);
        if (!m.flagNames().isEmpty()) {
            flags.append(" (");
            join(m.flagNames(), flags);
            flags.append(')');
        }
        sink.leaf(off + 6, 2);
        sink.label().append("nlmsg_seq: ").append(h.seq());
        sink.leaf(off + 8, 4);
        sink.label().append("nlmsg_pid: ").append(h.pid());
        ProcessInfo p = processes.apply(h.pid());
        if (p != null) {
            sink.label().append(" (").append(p.label()).append(')');
        }
        sink.leaf(off + 12, 4);
        sink.close();
        GenlInfo g = m.genl();
        if (g != null) {
            genl(g, off + NlMsgHeader.SIZE, sink);
        }
        if (!m.fixedHeader().isEmpty()) {
            sink.label().append("Fixed header");
            sink.open(TreeSink.SPAN, 0);
            fields(m.fixedHeader(), sink);
            sink.close();
        }
        fields(m.attributes(), sink);
        if (m.error() != null) {
            error(m, m.error(), sink);
        }
        for (String problem : m.problems()) {
            problem(problem, sink);
        }
        sink.close();
    }

    private static void genl(GenlInfo g, int go, TreeSink sink) {
        StringBuilder l = sink.label().append("genlmsghdr: ");
        if (g.family() != null) {
            l.append(g.family());
        } else {
            l.append("family id ").append(g.familyId());
        }
        l.append(' ');
        if (g.cmdName() != null) {
            l.append(g.cmdName());
        } else {
            l.append("cmd ").append(g.cmd());
        }
        sink.open(go, 4);
        sink.label().append("family: ").append(g.family() != null ? g.family() : "unknown")
                .append(" (id ").append(g.familyId()).append(')');
        sink.note();
        sink.label().append("cmd: ").append(g.cmd());
        if (g.cmdName() != null) {
            sink.label().append(" (").append(g.cmdName()).append(')');
        }
        sink.leaf(go, 1);
        sink.label().append("version: ").append(g.version());
        sink.leaf(go + 1, 1);
        sink.close();
    }

    private void error(DecodedMessage m, ErrorInfo e, TreeSink sink) {
        StringBuilder l = sink.label();
        if (e.isAck()) {
            l.append("ACK");
        } else {
            l.append("Error: ").append(e.code());
            if (e.name() != null) {
                l.append(' ').append(e.name());
            }
            if (e.text() != null) {
                l.append(": ").append(e.text());
            }
        }
        if (e.message() != null) {
            l.append(" \"").append(e.message()).append('"');
        }
        sink.open(m.offset() + NlMsgHeader.SIZE, 4);
        DecodedMessage req = e.request();
        if (e.badAttr() != null || e.badAttrOffset() != null) {
            int abs = req != null && e.badAttrOffset() != null ? req.offset() + e.badAttrOffset() : -1;
            Field hit = abs >= 0 ? findAt(req.attributes(), abs) : null;
            sink.label().append("Offending attribute: ").append(e.badAttr() != null ? e.badAttr() : "?");
            if (e.badAttrOffset() != null) {
                sink.label().append(" at request offset ").append(e.badAttrOffset());
            }
            sink.leaf(hit != null ? hit.offset() : -1, hit != null ? hit.length() : 0);
        }
        fields(e.extAck(), sink);
        if (req != null) {
            message("Echoed request: ", req, sink);
        }
        sink.close();
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

    private static void fields(List<Field> fields, TreeSink sink) {
        for (int i = 0, n = fields.size(); i < n; i++) {
            field(fields.get(i), sink);
        }
    }

    /** One attribute or member: "IFLA_MTU (4): 1400", a nest with its children, a struct with its members. */
    private static void field(Field f, TreeSink sink) {
        StringBuilder label = sink.label().append(f.label());
        if (f.isAttribute() && f.name() != null && !f.name().startsWith("[")) { // "[3]" already is the index
            label.append(" (").append(f.type()).append(')');
        }
        Values.describe(f, label);
        if (f.problem() != null) {
            label.append(" [problem: ").append(f.problem()).append(']');
        }
        sink.open(f.offset(), f.length());
        fields(f.children(), sink);
        sink.close();
    }

    private static void join(List<String> names, StringBuilder sb) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(names.get(i));
        }
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
