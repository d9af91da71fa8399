package org.nlscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.session.export.FrameText;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.transactions.Pairing;
import org.nlscope.session.transactions.Transaction;
import org.nlscope.uapi.Netlink;

/**
 * {@code read --fold}: one-line output where each ACK, error and NLMSG_DONE is folded into its
 * request's line ({@code RTM_NEWLINK … → ACK 0.090 ms}, {@code → EEXIST "Link already exists" 0.110 ms},
 * {@code → DONE 3 parts 1.204 ms}) instead of a line of its own.
 *
 * <p>Lines keep capture order, so a request waiting for its answer holds back the lines after
 * it. The wait is bounded: a request unanswered after {@link #MAX_WAIT_NANOS} of capture time,
 * or with {@link #MAX_PENDING} lines behind it, is printed as it is.
 */
final class FoldedLines {
    static final int MAX_PENDING = 4096;
    static final long MAX_WAIT_NANOS = 10_000_000_000L;

    /** A line to print; a request's line waits until its answer folds into it. */
    private static final class Line {
        final String text;
        final long nanos;
        final boolean shown;
        final boolean dump;
        final boolean wantsAck;
        final int family;
        final long seq;
        long port;
        boolean waiting;
        int parts;
        String answer = "";

        Line(String text, long nanos, boolean shown, boolean waiting, boolean dump, boolean wantsAck,
             int family, NlMsgHeader h) {
            this.family = family;
            this.seq = h == null ? 0 : h.seq();
            this.port = h == null ? 0 : h.pid();
            this.text = text;
            this.nanos = nanos;
            this.shown = shown;
            this.waiting = waiting;
            this.dump = dump;
            this.wantsAck = wantsAck;
        }
    }

    private final Writer out;
    private final DisplayFilter filter;
    private final Deque<Line> queue = new ArrayDeque<>();
    private final Pairing<Line> pairing = new Pairing<>();

    FoldedLines(Writer out, DisplayFilter filter) {
        this.out = out;
        this.filter = filter;
    }

    /** Takes one frame's messages; returns whether any of them passes the filter. */
    boolean write(DecodedFrame df, DecodeContext context) {
        FrameText text = new FrameText(context::process);
        boolean any = false;
        if (df.messages().isEmpty()) {
            any = filter.matches(df, null, context);
            if (any) {
                queue.add(new Line(text.toText(df).stripTrailing(), df.frame().timestampNanos(), true, false, false, false,
                        df.family(), null));
            }
        }
        for (int i = 0; i < df.messages().size(); i++) {
            DecodedMessage m = df.messages().get(i);
            boolean shown = filter.matches(df, m, context);
            any |= shown;
            String line = !shown ? null : i < df.messages().size() - 1 ? text.line(df, m)
                    : text.line(df, m) + FrameText.frameProblems(df); // as read without --fold
            take(df, m, shown, line);
        }
        drain(df.frame().timestampNanos());
        return any;
    }

    private void take(DecodedFrame df, DecodedMessage m, boolean shown, String line) {
        NlMsgHeader h = m.header();
        long nanos = df.frame().timestampNanos();
        if (h.isRequest()) {
            // every request waits: for its ACK, its DONE, or (a plain get) its one reply or error
            Line l = new Line(line, nanos, shown, true, (h.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP,
                    (h.flags() & Netlink.NLM_F_ACK) != 0, df.family(), h);
            pairing.request(df.family(), h, l);
            queue.add(l);
            return;
        }
        Line request = pairing.answered(df.family(), h);
        if (request != null && request.port == 0) {
            request.port = h.pid();
        }
        boolean ends = h.type() == Netlink.NLMSG_ERROR || h.type() == Netlink.NLMSG_DONE;
        if (request != null && request.waiting && ends && request.shown) {
            request.answer = " → " + answer(m, request) + " " + Transaction.latencyText(Math.max(0, nanos - request.nanos));
            finish(request);
            return; // folded: no line of its own
        }
        if (request != null && (ends || !request.dump && !request.wantsAck && (h.flags() & Netlink.NLM_F_MULTI) == 0)) {
            finish(request);
        } else if (request != null && request.dump) {
            request.parts++;
        }
        queue.add(new Line(line, nanos, shown, false, false, false, df.family(), h));
    }

    private static String answer(DecodedMessage m, Line request) {
        ErrorInfo e = m.error();
        if (m.header().type() == Netlink.NLMSG_DONE) {
            return "DONE" + (request.parts > 0 ? " " + request.parts + (request.parts == 1 ? " part" : " parts") : "");
        }
        if (e == null || e.isAck()) {
            return "ACK";
        }
        return (e.name() != null ? e.name() : String.valueOf(e.code())) + (e.message() != null ? " \"" + e.message() + "\"" : "");
    }

    private void finish(Line request) {
        request.waiting = false;
        pairing.forget(request.family, request.port, request.seq, request);
    }

    /** Prints the lines at the head that wait for nothing, or waited too long. */
    private void drain(long now) {
        while (!queue.isEmpty()) {
            Line head = queue.peekFirst();
            if (head.waiting && now - head.nanos < MAX_WAIT_NANOS && queue.size() <= MAX_PENDING) {
                return;
            }
            if (head.waiting) {
                finish(head);
            }
            print(queue.pollFirst());
        }
    }

    /** Prints everything still held (the end of the capture). */
    void flush() {
        while (!queue.isEmpty()) {
            Line l = queue.pollFirst();
            if (l.waiting) {
                finish(l);
            }
            print(l);
        }
    }

    private void print(Line l) {
        if (!l.shown) {
            return;
        }
        try {
            out.write(l.text);
            out.write(l.answer);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
