package org.nlscope.session.filter;

import java.util.Arrays;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.RowBuilder;

/**
 * A parsed display filter: which messages to show.
 *
 * <p>The language, by example:
 * <pre>
 *   family == route            family ~ gen            type == RTM_NEWLINK      type ~ LINK
 *   flags &amp; NLM_F_DUMP          seq == 5                port == 1234             process == ip
 *   IFLA_IFNAME == "dum0"      IFLA_MTU &gt; 1400         IFLA_LINKINFO (present)  IFLA_OPERSTATE == UP
 *   error   ack   request   reply   notification   dump   done   malformed (or with problems)   problems
 *   errno == EEXIST            direction == to_kernel  kind == notification    len &gt;= 100   frame &lt; 50
 *   "dum0"  (free text in the summary)
 *   a and b   a &amp;&amp; b   a or b   a || b   not a   !a   (a or b) and c
 * </pre>
 * Attribute names are kernel constants or struct members and match at any depth.
 * Immutable and thread-safe: parse once, test from any thread.
 */
public final class DisplayFilter {
    /** The empty filter: shows everything. */
    public static final DisplayFilter ALL = new DisplayFilter("", Expr.ALL);

    private final String text;
    private final Expr expr;

    private DisplayFilter(String text, Expr expr) {
        this.text = text;
        this.expr = expr;
    }

    /** Parses a filter; blank text gives {@link #ALL}. */
    public static DisplayFilter parse(String text) throws FilterSyntaxException {
        return parse(text, null);
    }

    /**
     * Parses a filter whose message type names must be ones the dissectors know
     * ({@code type == RTM_NEWLNK} is an error then, not a filter that matches nothing).
     *
     * @param names the known names, or null to take any
     */
    public static DisplayFilter parse(String text, FilterNames names) throws FilterSyntaxException {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return new DisplayFilter(text.strip(), Parser.parse(text, names));
    }

    public String text() {
        return text;
    }

    public boolean isAll() {
        return expr == Expr.ALL;
    }

    /**
     * Whether a message passes.
     *
     * @param frame   its decoded frame
     * @param message the message, or null for a frame that held none
     * @param context a decode context that names processes (the store's current one), may be null
     */
    public boolean matches(DecodedFrame frame, DecodedMessage message, DecodeContext context) {
        if (expr == Expr.ALL) {
            return true;
        }
        ProcessInfo p = message == null || context == null ? null : context.process(message.header().pid());
        var kind = message == null ? org.nlscope.session.MessageRow.Kind.MALFORMED
                : RowBuilder.kindOf(message, frame.direction());
        return expr.test(new Subject(frame, message, p, kind));
    }

    /** Whether row {@code row} of a store passes. */
    public boolean matches(CaptureStore store, int row) {
        int number = store.frameOfRow(row);
        return matches(store.decoded(number), store.message(row), store.currentContext());
    }

    /**
     * The rows of [from, to) that pass, in order, decoding each frame once. Meant for a
     * background thread: re-run it on the rows that arrived since the last call.
     */
    public int[] matchingRows(CaptureStore store, int from, int to) {
        to = Math.min(to, store.size());
        int[] out = new int[Math.max(0, to - from)];
        int n = 0;
        DecodedFrame f = null;
        DecodeContext owners = store.currentContext();
        for (int row = Math.max(0, from); row < to; row++) {
            int number = store.frameOfRow(row);
            if (f == null || f.number() != number) {
                f = store.decoded(number);
            }
            int m = store.messageOfRow(row);
            if (matches(f, m < 0 ? null : f.messages().get(m), owners)) {
                out[n++] = row;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        return text;
    }
}
