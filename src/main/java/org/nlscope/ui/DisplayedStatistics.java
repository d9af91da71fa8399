package org.nlscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.stats.Statistics;

/**
 * What the Statistics window counts: the whole capture, or, while a display filter is
 * applied, only the messages it lets through (their frames cut down to them). The filtered
 * counts are worked out again only when the rows shown change.
 */
final class DisplayedStatistics {

    private final Supplier<CaptureSession> session;
    private final List<MessageRow> displayed;
    private final Supplier<String> filter;
    private List<Object> key = List.of();
    private Statistics counted;

    /** @param filter the display filter applied, blank for none */
    DisplayedStatistics(Supplier<CaptureSession> session, List<MessageRow> displayed, Supplier<String> filter) {
        this.session = session;
        this.displayed = displayed;
        this.filter = filter;
    }

    Statistics get() {
        CaptureSession s = session.get();
        String f = filter.get();
        if (f == null || f.isBlank()) {
            return s.statistics();
        }
        List<Object> now = List.of(s, f, displayed.size());
        if (!now.equals(key)) {
            counted = count(s.store());
            key = now;
        }
        return counted;
    }

    /** "Display filter: error. " while one applies, else "". */
    String scope() {
        String f = filter.get();
        return f == null || f.isBlank() ? "" : "Display filter: " + f + ". ";
    }

    private Statistics count(CaptureStore store) {
        Statistics stats = Statistics.detached(Statistics.ONE_SECOND);
        int i = 0;
        while (i < displayed.size()) {
            MessageRow first = displayed.get(i);
            DecodedFrame df = store.decoded(first.frameNumber());
            List<DecodedMessage> kept = new ArrayList<>();
            for (; i < displayed.size() && displayed.get(i).frameNumber() == first.frameNumber(); i++) {
                int m = displayed.get(i).messageIndex();
                if (m >= 0 && m < df.messages().size()) {
                    kept.add(df.messages().get(m));
                }
            }
            stats.add(new DecodedFrame(df.number(), df.frame(), df.family(), df.familyName(), df.direction(),
                    df.directionInferred(), kept, df.problems()));
        }
        return stats;
    }
}
