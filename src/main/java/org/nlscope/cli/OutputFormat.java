package org.nlscope.cli;

import java.io.Writer;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.session.export.DetailTree;
import org.nlscope.session.export.FrameJson;
import org.nlscope.session.export.FrameText;
import org.nlscope.session.filter.DisplayFilter;
import picocli.CommandLine.Option;

/** -V or --json, shared by `read` and `capture`, and the writing of one frame in the chosen form. */
final class OutputFormat {
    @Option(names = {"-V", "--verbose"}, description = "Print the full tree of every frame.")
    boolean verbose;

    @Option(names = "--json", description = "Print one JSON object per frame, one per line.")
    boolean json;

    /** Writes one decoded frame: a JSON line, the full tree, or one line per message. */
    void write(DecodedFrame frame, DecodeContext context, Writer out) {
        write(frame, context, out, DisplayFilter.ALL);
    }

    /**
     * Writes what of a frame passes the filter: the whole frame (-V, --json) when any message
     * passes, else the line of each message that passes; returns whether anything was written.
     */
    boolean write(DecodedFrame frame, DecodeContext context, Writer out, DisplayFilter filter) {
        if (!filter.isAll() && (json || verbose) && !DisplayFilterOption.anyMatch(filter, frame, context)) {
            return false;
        }
        if (!filter.isAll() && !json && !verbose) {
            return new FrameText(context::process).write(frame, out, m -> filter.matches(frame, m, context)) > 0;
        }
        if (json) {
            new FrameJson(context::process).write(frame, out);
        } else if (verbose) {
            new DetailTree(context::process).write(frame, out);
        } else {
            new FrameText(context::process).write(frame, out);
        }
        return true;
    }
}
