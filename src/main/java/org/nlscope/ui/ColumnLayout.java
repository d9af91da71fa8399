package org.nlscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.util.Duration;
import org.nlscope.session.MessageRow;

/**
 * Which columns the message table shows, in what order and how wide, kept in the
 * {@link Settings}: restored when the window opens, saved as the user drags a header or a
 * border, hides a column (the header's "+" menu) or uses the column chooser. A column the
 * user never sized is fitted to what it holds.
 */
final class ColumnLayout {

    static final String ORDER = "columns.order";
    static final String HIDDEN = "columns.hidden";
    static final String WIDTH = "columns.width.";

    private final MessageTable table;
    private final Settings settings;
    private final List<TableColumn<MessageRow, ?>> defaultOrder;
    /** Widths are saved once a drag pauses, not at every pixel. */
    private final PauseTransition saveWidths = new PauseTransition(Duration.millis(300));
    private boolean restoring;

    ColumnLayout(MessageTable table, Settings settings) {
        this.table = table;
        this.settings = settings;
        this.defaultOrder = List.copyOf(table.getColumns());
        saveWidths.setOnFinished(e -> saveWidths());
        restore();
        table.getColumns().addListener((ListChangeListener<TableColumn<MessageRow, ?>>) c -> save());
        for (TableColumn<MessageRow, ?> c : defaultOrder) {
            c.visibleProperty().addListener((o, was, now) -> {
                save();
                table.fitColumns();
            });
            c.widthProperty().addListener((o, was, now) -> {
                if (!restoring && table.sizedByUser().contains(c)) {
                    saveWidths.playFromStart();
                }
            });
        }
    }

    /** The columns in the order the table shows them, hidden ones included. */
    javafx.collections.ObservableList<TableColumn<MessageRow, ?>> columns() {
        return table.getColumns();
    }

    /** Moves a column one place left (-1) or right (1). */
    void move(TableColumn<MessageRow, ?> column, int step) {
        int from = table.getColumns().indexOf(column);
        int to = from + step;
        if (from < 0 || to < 0 || to >= table.getColumns().size()) {
            return;
        }
        table.getColumns().remove(from);
        table.getColumns().add(to, column);
    }

    /** Sets a column's width as the user asked; it is no longer fitted. */
    void setWidth(TableColumn<MessageRow, ?> column, double width) {
        if (column == table.infoColumn()) {
            return;
        }
        table.sizedByUser().add(column);
        column.setPrefWidth(Math.max(column.getMinWidth(), width));
        saveWidths();
    }

    /** Back to every column shown in the first order, fitted to the rows. */
    void reset() {
        restoring = true;
        try {
            settings.put(ORDER, null);
            settings.put(HIDDEN, null);
            settings.removeAll(WIDTH);
            table.sizedByUser().clear();
            table.getColumns().setAll(defaultOrder);
            defaultOrder.forEach(c -> c.setVisible(true));
        } finally {
            restoring = false;
        }
        table.fitColumns();
    }

    private void restore() {
        restoring = true;
        try {
            List<TableColumn<MessageRow, ?>> order = new ArrayList<>();
            for (String id : settings.getList(ORDER)) {
                TableColumn<MessageRow, ?> c = table.column(id);
                if (c != null && !order.contains(c)) {
                    order.add(c);
                }
            }
            // a column added since the order was saved goes where it was first
            for (TableColumn<MessageRow, ?> c : defaultOrder) {
                if (!order.contains(c)) {
                    order.add(Math.min(defaultOrder.indexOf(c), order.size()), c);
                }
            }
            table.getColumns().setAll(order);
            List<String> hidden = settings.getList(HIDDEN);
            for (TableColumn<MessageRow, ?> c : defaultOrder) {
                c.setVisible(!hidden.contains(c.getId()));
                double w = settings.getDouble(WIDTH + c.getId(), -1);
                if (w > 0 && c != table.infoColumn()) {
                    c.setPrefWidth(w);
                    table.sizedByUser().add(c);
                }
            }
        } finally {
            restoring = false;
        }
    }

    private void save() {
        if (restoring) {
            return;
        }
        settings.putList(ORDER, table.getColumns().stream().map(TableColumn::getId).toList());
        settings.putList(HIDDEN, table.getColumns().stream().filter(c -> !c.isVisible()).map(TableColumn::getId).toList());
    }

    private void saveWidths() {
        for (TableColumn<MessageRow, ?> c : table.sizedByUser()) {
            settings.put(WIDTH + c.getId(), Long.toString(Math.round(c.getWidth())));
        }
    }
}
