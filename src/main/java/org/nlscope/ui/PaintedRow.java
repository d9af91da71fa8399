package org.nlscope.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.TableRow;
import org.nlscope.session.MessageRow;

/**
 * A row of the message table: its role as a CSS class ({@code kind-error}, {@code kind-notification}...),
 * marked and ignored as classes too, painted with its colouring rule's colours except where
 * selection or a mark draws it.
 */
final class PaintedRow extends TableRow<MessageRow> {

    private static final List<String> KIND_CLASSES = List.of("kind-request", "kind-reply", "kind-dump-part",
            "kind-done", "kind-error", "kind-ack", "kind-notification", "kind-malformed", "has-problems", "marked", "ignored");

    private final Supplier<Marks> marks;
    private final Supplier<Function<MessageRow, String>> colouring;

    /** @param colouring the inline style of a row (its rule's colours), or null for none; both asked at each paint */
    PaintedRow(Supplier<Marks> marks, Supplier<Function<MessageRow, String>> colouring) {
        this.marks = marks;
        this.colouring = colouring;
    }

    @Override
    protected void updateItem(MessageRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll(KIND_CLASSES);
        if (!empty && row != null) {
            getStyleClass().add("kind-" + row.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (row.hasProblems()) {
                getStyleClass().add("has-problems");
            }
            if (marks.get().isMarked(row)) {
                getStyleClass().add("marked");
            }
            if (marks.get().isIgnored(row)) {
                getStyleClass().add("ignored");
            }
        }
        paint();
    }

    @Override
    public void updateSelected(boolean selected) {
        super.updateSelected(selected);
        paint();
    }

    private void paint() {
        MessageRow row = getItem();
        boolean plain = isEmpty() || row == null || isSelected() || marks.get().isMarked(row);
        setStyle(plain ? null : colouring.get().apply(row));
    }
}
