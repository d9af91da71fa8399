package org.nlscope.ui;

import java.util.ArrayList;
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

    /** The kinds' classes in MessageRow.Kind's order, then the others. */
    private static final List<String> KIND_CLASSES = List.of("kind-request", "kind-reply", "kind-dump-part",
            "kind-done", "kind-error", "kind-ack", "kind-notification", "kind-malformed", "has-problems", "marked", "ignored");

    static {
        for (MessageRow.Kind k : MessageRow.Kind.values()) {
            assert KIND_CLASSES.get(k.ordinal()).equals("kind-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

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
        List<String> wanted = new ArrayList<>(4);
        if (!empty && row != null) {
            wanted.add(KIND_CLASSES.get(row.kind().ordinal()));
            if (row.hasProblems()) {
                wanted.add("has-problems");
            }
            if (marks.get().isMarked(row)) {
                wanted.add("marked");
            }
            if (marks.get().isIgnored(row)) {
                wanted.add("ignored");
            }
        }
        // a change of style classes makes the row's CSS be applied again: only when they differ
        // (a scroll gives most rows the same kind they had)
        List<String> had = new ArrayList<>(4);
        for (String c : getStyleClass()) {
            if (KIND_CLASSES.contains(c)) {
                had.add(c);
            }
        }
        if (!had.equals(wanted)) {
            getStyleClass().removeAll(KIND_CLASSES);
            getStyleClass().addAll(wanted);
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
