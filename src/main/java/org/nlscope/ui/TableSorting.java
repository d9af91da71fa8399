package org.nlscope.ui;

import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.nlscope.session.MessageRow;
import org.nlscope.session.RowOrder;

/**
 * Sorting by any column of the message table: a click on a header sorts by it, a second
 * click reverses, a third goes back to capture order (TableView's own cycle). The sort runs on
 * the list model's worker over row indexes, never on the FX thread, and the message selected
 * stays selected and in view.
 */
final class TableSorting {

    /** The sort of each column, by its id or, without one, its title. */
    private static final Map<String, RowOrder.Column> COLUMNS = Map.ofEntries(
            Map.entry("no", RowOrder.Column.NUMBER), Map.entry("No.", RowOrder.Column.NUMBER),
            Map.entry("time", RowOrder.Column.TIME), Map.entry("Time", RowOrder.Column.TIME),
            Map.entry("Time of day", RowOrder.Column.TIME),
            Map.entry("direction", RowOrder.Column.DIRECTION), Map.entry("Direction", RowOrder.Column.DIRECTION),
            Map.entry("family", RowOrder.Column.FAMILY), Map.entry("Family", RowOrder.Column.FAMILY),
            Map.entry("type", RowOrder.Column.TYPE), Map.entry("Type", RowOrder.Column.TYPE),
            Map.entry("flags", RowOrder.Column.FLAGS), Map.entry("Flags", RowOrder.Column.FLAGS),
            Map.entry("seq", RowOrder.Column.SEQ), Map.entry("Seq", RowOrder.Column.SEQ),
            Map.entry("port", RowOrder.Column.PORT), Map.entry("Port", RowOrder.Column.PORT),
            Map.entry("length", RowOrder.Column.LENGTH), Map.entry("Length", RowOrder.Column.LENGTH),
            Map.entry("latency", RowOrder.Column.LATENCY), Map.entry("Latency", RowOrder.Column.LATENCY),
            Map.entry("info", RowOrder.Column.INFO), Map.entry("Info", RowOrder.Column.INFO));

    private final MessageTable table;
    private final MessageListModel model;
    private final Navigator navigator;
    /** The column and direction the model sorts by now, null for capture order. */
    private String current;

    private TableSorting(MessageTable table, MessageListModel model, Navigator navigator) {
        this.table = table;
        this.model = model;
        this.navigator = navigator;
    }

    /** Makes the table's columns sort through the model. */
    static void install(MessageTable table, MessageListModel model, Navigator navigator) {
        TableSorting sorting = new TableSorting(table, model, navigator);
        for (TableColumn<MessageRow, ?> c : table.getColumns()) {
            c.setSortable(columnOf(c) != null);
        }
        table.setSortPolicy(t -> {
            sorting.sort(sortOf(t));
            return true; // the model reorders; TableView must not sort the list itself
        });
    }

    /** Asks the model for a new order; TableView also calls its policy when rows change, which must not re-sort. */
    private void sort(MessageListModel.Sort sort) {
        String key = sort == null ? null : sort.column() + (sort.ascending() ? "+" : "-");
        if (java.util.Objects.equals(key, current)) {
            return;
        }
        current = key;
        model.setSort(sort, keepSelection(table, model, navigator));
    }

    /** The model's sort for the table's sort order (its first column), or null for capture order. */
    static MessageListModel.Sort sortOf(TableView<MessageRow> t) {
        for (TableColumn<MessageRow, ?> c : t.getSortOrder()) {
            RowOrder.Column column = columnOf(c);
            if (column != null) {
                java.util.function.Function<MessageRow, String> info = t instanceof MessageTable m ? m::shownInfo
                        : RowText::info;
                return new MessageListModel.Sort(column, c.getSortType() == TableColumn.SortType.ASCENDING, info);
            }
        }
        return null;
    }

    private static RowOrder.Column columnOf(TableColumn<MessageRow, ?> c) {
        RowOrder.Column byId = c.getId() == null ? null : COLUMNS.get(c.getId());
        return byId != null ? byId : COLUMNS.get(c.getText());
    }

    /** After the reorder, the message that was selected is again, a few rows below the top. */
    private static Runnable keepSelection(MessageTable table, MessageListModel model, Navigator navigator) {
        int index = table.getSelectionModel().getSelectedIndex();
        int storeRow = index >= 0 && index < table.getItems().size() ? model.storeRow(index) : -1;
        return () -> {
            int at = storeRow < 0 ? -1 : model.displayedIndexOf(storeRow);
            if (at >= 0) {
                navigator.select(at);
            }
        };
    }
}
