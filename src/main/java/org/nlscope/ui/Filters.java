package org.nlscope.ui;

import java.util.function.BiPredicate;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.filter.FilterNames;
import org.nlscope.session.filter.FilterSyntaxException;

/** The display filter as the window uses it: the problem with an expression, and the test of a row. */
final class Filters {

    private final FilterNames names;
    private final org.nlscope.decode.DissectorRegistry registry;
    private FilterVocabulary vocabulary;

    /** @param names the message types the loaded dissectors know, or null to take any */
    Filters(FilterNames names, org.nlscope.decode.DissectorRegistry registry) {
        this.names = names;
        this.registry = registry;
    }

    /** Filters checked against the message types of these dissectors (none: any name is taken). */
    static Filters of(org.nlscope.decode.DissectorRegistry registry) {
        return new Filters(registry.all().isEmpty() ? null : FilterNames.of(registry.all()), registry);
    }

    /** The words the filter field completes, gathered from the dissectors at the first keystroke. */
    FilterVocabulary vocabulary() {
        if (vocabulary == null) {
            vocabulary = FilterVocabulary.of(registry.all());
        }
        return vocabulary;
    }

    /** What is wrong with an expression (a typo in a type or errno name too), or null when it is fine. */
    String problem(String text) {
        try {
            DisplayFilter.parse(text, names);
            return null;
        } catch (FilterSyntaxException e) {
            return e.getMessage();
        }
    }

    /** The test of a row, run on the list model's worker; null for "every row" (and for a bad expression). */
    BiPredicate<CaptureStore, MessageRow> predicate(String text) {
        DisplayFilter f;
        try {
            f = DisplayFilter.parse(text, names);
        } catch (FilterSyntaxException e) {
            return null;
        }
        if (f.isAll()) {
            return null;
        }
        return (s, row) -> {
            DecodedFrame df = s.decoded(row.frameNumber());
            DecodedMessage m = row.messageIndex() < 0 ? null : df.messages().get(row.messageIndex());
            return f.matches(df, m, Ports.naming(s, row.frameNumber(), row.portId()));
        };
    }
}
