package org.nlscope.cli;

import java.io.Writer;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.session.export.DetailTree;
import org.nlscope.session.export.FrameJson;
import org.nlscope.session.export.FrameText;
import picocli.CommandLine.Option;

/** -V or --json, shared by `read` and `capture`, and the writing of one frame in the chosen form. */
final class OutputFormat {
    @Option(names = {"-V", "--verbose"}, description = "Print the full tree of every frame.")
    boolean verbose;

    @Option(names = "--json", description = "Print one JSON object per frame, one per line.")
    boolean json;

    /** Writes one decoded frame: a JSON line, the full tree, or one line per message. */
    void write(DecodedFrame frame, DecodeContext context, Writer out) {
        if (json) {
            new FrameJson(context::process).write(frame, out);
        } else if (verbose) {
            DetailTree tree = new DetailTree(context::process);
            tree.print(tree.build(frame), out);
        } else {
            new FrameText(context::process).write(frame, out);
        }
    }
}
