package org.nlscope.ui;

import java.util.List;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ScrollEvent;
import org.nlscope.session.MessageRow;

/**
 * Follow: the newest message stays in view while a capture or replay runs. It stops when
 * the user scrolls up and comes back when the last row is in view again.
 */
final class Follow {

    private final ToggleButton toggle;
    private final MessageTable table;
    private final List<MessageRow> displayed;

    Follow(ToggleButton toggle, MessageTable table, List<MessageRow> displayed, TaskRunner runner) {
        this.toggle = toggle;
        this.table = table;
        this.displayed = displayed;
        // after the scroll is laid out, so the last visible row is the new one
        table.addEventFilter(ScrollEvent.SCROLL, e -> runner.ui(this::updateFromScroll));
        toggle.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                scrollToEnd();
            }
        });
    }

    void set(boolean on) {
        toggle.setSelected(on);
    }

    void afterRowsChanged() {
        if (toggle.isSelected()) {
            scrollToEnd();
        }
    }

    private void scrollToEnd() {
        int n = displayed.size();
        if (n > 0) {
            table.scrollTo(n - 1);
        }
    }

    private void updateFromScroll() {
        int last = table.lastVisibleIndex();
        boolean atEnd = last < 0 || last >= displayed.size() - 1;
        if (toggle.isSelected() != atEnd) {
            toggle.setSelected(atEnd);
        }
    }
}
