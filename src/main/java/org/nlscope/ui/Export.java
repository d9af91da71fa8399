package org.nlscope.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nlscope.model.DecodedFrame;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.export.DetailTree;
import org.nlscope.session.export.FrameJson;

/**
 * The selected messages as text to paste into a bug report: the frames they are in,
 * each once and in capture order, as the full detail tree ({@code read -V}) or as JSON
 * lines ({@code read --json}).
 */
final class Export {

    private Export() {
    }

    static String render(CaptureStore store, List<MessageRow> rows, boolean json) {
        Set<Integer> frames = new LinkedHashSet<>();
        rows.stream().map(MessageRow::frameNumber).sorted().forEach(frames::add);
        StringBuilder out = new StringBuilder();
        for (int number : frames) {
            DecodedFrame df = store.decoded(number);
            var context = store.context(number);
            if (json) {
                out.append(new FrameJson(context::process).toJson(df)).append('\n');
            } else {
                out.append(new DetailTree(context::process).toText(df));
            }
        }
        return out.toString();
    }
}
