package org.nlscope.session.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.LongFunction;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.model.GenlInfo;
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
        try {
            if (out instanceof Utf8Output bytes) {
                write(df, bytes);
            } else {
                out.write(Utf8Output.text(bytes -> write(df, bytes)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(DecodedFrame df, Utf8Output out) {
        TreeLines lines = new TreeLines(out);
        frame(df, lines);
        lines.blankLine();
    }

    /** Writes a tree built before indented by four spaces a level, then an empty line. */
    public void print(DetailNode root, Writer out) {
        try {
            if (out instanceof Utf8Output bytes) {
                print(root, bytes);
            } else {
                out.write(Utf8Output.text(bytes -> print(root, bytes)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(DetailNode root, Utf8Output out) {
        TreeLines lines = new TreeLines(out);
        replay(root, lines);
        lines.blankLine();
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
        return Utf8Output.text(bytes -> write(df, bytes));
    }

    private void frame(DecodedFrame df, TreeSink sink) {
        Frame f = df.frame();
        sink.label().append("Frame ").append(df.number()).append(": ").append(f.originalLength()).append(" bytes");
        if (f.capturedLength() < f.originalLength()) {
            sink.label().append(" (").append(f.capturedLength()).append(" captured)");
        }
        sink.label().append(", ").append(DisplayText.dateTime(f.timestampNanos()));
        sink.open(0, f.capturedLength());
        HeaderNodes.cookedHeader(df, sink);
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

    private void message(String prefix, DecodedMessage m, TreeSink sink) {
        NlMsgHeader h = m.header();
        int off = m.offset();
        sink.label().append(prefix).append(m.summary() != null && !m.summary().isBlank() ? m.summary() : DisplayText.typeName(m));
        sink.open(off, h.length());
        HeaderNodes.nlmsghdr(m, processes.apply(h.pid()), sink);
        GenlInfo g = m.genl();
        if (g != null) {
            HeaderNodes.genl(g, off + NlMsgHeader.SIZE, sink);
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
        DisplayText.describe(f, label);
        if (f.problem() != null) {
            label.append(" [problem: ").append(f.problem()).append(']');
        }
        sink.open(f.offset(), f.length());
        fields(f.children(), sink);
        sink.close();
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
}
