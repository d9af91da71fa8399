package org.nlscope.session.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.GenlInfo;
import org.nlscope.model.ProcessInfo;
import org.nlscope.model.TerminalText;

/**
 * The one-line form of each message:
 * {@code FRAME TIME DIR FAMILY TYPE FLAGS seq=SEQ port=PORT SUMMARY}, for example
 * {@code 3 01:13:25.968653 > route RTM_NEWLINK REQUEST,ACK,CREATE,EXCL seq=1700000000 port=0 dum0 mtu 1400 UP}.
 * Times are UTC; DIR is {@code >} to the kernel, {@code <} from it, {@code ?} unknown.
 * A frame with no message still gets a line, so nothing captured goes unseen.
 */
public final class FrameText {

    private final LongFunction<ProcessInfo> processes;
    /** The line being written, reused from line to line. */
    private final StringBuilder line = new StringBuilder(256);

    public FrameText() {
        this(port -> null);
    }

    /** @param processes the process behind a netlink port id, or null when unknown */
    public FrameText(LongFunction<ProcessInfo> processes) {
        this.processes = processes;
    }

    /** Writes one line per message of the frame. */
    public void write(DecodedFrame df, Writer out) {
        write(df, out, m -> true);
    }

    /**
     * Writes the line of each message that {@code keep} accepts ({@code keep} gets null for a
     * frame without messages); returns how many lines were written.
     */
    public int write(DecodedFrame df, Writer out, Predicate<DecodedMessage> keep) {
        try {
            if (out instanceof Utf8Output bytes) {
                return write(df, bytes, keep);
            }
            int[] written = new int[1];
            out.write(Utf8Output.text(bytes -> written[0] = write(df, bytes, keep)));
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int write(DecodedFrame df, Utf8Output out, Predicate<DecodedMessage> keep) throws IOException {
        StringBuilder sb = line;
        List<DecodedMessage> messages = df.messages();
        if (messages.isEmpty()) {
            if (!keep.test(null)) {
                return 0;
            }
            sb.setLength(0);
            prefix(df, sb).append("(no netlink message)");
            end(df, sb, out);
            return 1;
        }
        int written = 0;
        for (int i = 0; i < messages.size(); i++) {
            DecodedMessage m = messages.get(i);
            if (!keep.test(m)) {
                continue;
            }
            sb.setLength(0);
            line(df, m, sb);
            if (i < messages.size() - 1) {
                out.terminalText(sb);
                out.ascii('\n');
            } else {
                end(df, sb, out);
            }
            written++;
        }
        return written;
    }

    /** The last line of a frame, with the frame's problems at its end. */
    private static void end(DecodedFrame df, StringBuilder sb, Utf8Output out) throws IOException {
        if (!df.problems().isEmpty()) {
            problems(sb, df.problems().get(0), df.problems().size());
        }
        // names, summaries and messages come from the capture: one line stays one line
        out.terminalText(sb);
        out.ascii('\n');
    }

    public String toText(DecodedFrame df) {
        return Utf8Output.text(bytes -> write(df, bytes, m -> true));
    }

    /** The line of one message, without a line break. */
    public String line(DecodedFrame df, DecodedMessage m) {
        StringBuilder sb = new StringBuilder(128);
        line(df, m, sb);
        return TerminalText.escape(sb.toString());
    }

    /** Appends the line of one message, not escaped yet. */
    private void line(DecodedFrame df, DecodedMessage m, StringBuilder sb) {
        prefix(df, sb);
        GenlInfo g = m.genl();
        String type;
        if (g != null) {
            sb.append(g.family() != null ? g.family() : "genl(" + g.familyId() + ")").append(' ');
            type = g.cmdName() != null ? g.cmdName() : "cmd(" + g.cmd() + ")";
        } else {
            sb.append(DisplayText.shortFamily(df.familyName(), df.family())).append(' ');
            type = DisplayText.typeName(m);
        }
        sb.append(type).append(' ');
        DisplayText.shortFlags(m.flagNames(), sb);
        sb.append(" seq=").append(m.header().seq()).append(" port=").append(m.header().pid());
        ProcessInfo p = processes.apply(m.header().pid());
        if (p != null && m.header().pid() != 0) {
            sb.append('(').append(p.name() != null ? p.name() : p.label()).append(')');
        }
        String rest = rest(m, type);
        if (!rest.isEmpty()) {
            sb.append(' ').append(rest);
        }
        if (!m.problems().isEmpty()) {
            problems(sb, m.problems().get(0), m.problems().size());
        }
    }

    private static StringBuilder prefix(DecodedFrame df, StringBuilder sb) {
        sb.append(df.number()).append(' ');
        DisplayText.timeOfDay(df.frame().timestampNanos(), sb);
        return sb.append(' ').append(arrow(df.direction())).append(' ');
    }

    /** The summary without the names already printed in front of it. */
    private static String rest(DecodedMessage m, String type) {
        String s = m.summary();
        if (s == null || s.isBlank()) {
            return errorText(m.error());
        }
        s = s.strip();
        // an unnamed type is summarised by its number, already in the type column
        String number = m.genl() != null ? "cmd " + m.genl().cmd() : "type " + m.header().type();
        for (String known : new String[] {m.typeName(), m.genl() != null ? m.genl().family() : null, type, number}) {
            if (known != null && (s.equals(known) || s.startsWith(known + " "))) {
                s = s.substring(known.length()).strip();
            }
        }
        return s;
    }

    private static String errorText(ErrorInfo e) {
        if (e == null) {
            return "";
        }
        if (e.isAck()) {
            return "ACK";
        }
        return e.code() + (e.name() != null ? " " + e.name() : "") + (e.text() != null ? ": " + e.text() : "")
                + (e.message() != null ? " \"" + e.message() + "\"" : "");
    }

    /** What the line of a frame's last message ends with when the frame itself has problems, else "". */
    public static String frameProblems(DecodedFrame df) {
        if (df.problems().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        problems(sb, df.problems().get(0), df.problems().size());
        return sb.toString();
    }

    private static void problems(StringBuilder sb, String first, int count) {
        sb.append(" [malformed: ").append(first);
        if (count > 1) {
            sb.append(" (+").append(count - 1).append(" more)");
        }
        sb.append(']');
    }

    private static char arrow(Direction d) {
        return switch (d) {
            case TO_KERNEL -> '>';
            case FROM_KERNEL -> '<';
            case UNKNOWN -> '?';
        };
    }
}
