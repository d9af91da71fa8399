package org.nlscope.ui;

import java.util.function.BiPredicate;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.filter.FilterSyntaxException;

/** The display filter as the window uses it: the problem with an expression, and the test of a row. */
final class Filters {

    private Filters() {
    }

    /** What is wrong with an expression, or null when it is fine. */
    static String problem(String text) {
        try {
            DisplayFilter.parse(text);
            return null;
        } catch (FilterSyntaxException e) {
            return e.getMessage();
        }
    }

    /** The test of a row, run on the list model's worker; null for "every row" (and for a bad expression). */
    static BiPredicate<CaptureStore, MessageRow> predicate(String text) {
        DisplayFilter f;
        try {
            f = DisplayFilter.parse(text);
        } catch (FilterSyntaxException e) {
            return null;
        }
        if (f.isAll()) {
            return null;
        }
        return (s, row) -> {
            DecodedFrame df = s.decoded(row.frameNumber());
            DecodedMessage m = row.messageIndex() < 0 ? null : df.messages().get(row.messageIndex());
            return f.matches(df, m, s.context(row.frameNumber()));
        };
    }
}
