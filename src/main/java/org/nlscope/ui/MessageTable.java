package org.nlscope.ui;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.nlscope.session.MessageRow;
import org.nlscope.session.export.DisplayText;

/**
 * The message table: one row per netlink message, coloured by the first colouring rule it
 * matches (the defaults colour by role), with its role as a CSS class ({@code kind-error},
 * {@code kind-notification}...). TableView virtualizes, so only the visible rows ever have cells.
 */
public final class MessageTable extends TableView<MessageRow> {

    /** The table's font size, as main.css sets it for the whole window. */
    static final double FONT_SIZE = 12.5;
    /** A row's height, as main.css gives it (-fx-cell-size). */
    static final double ROW_HEIGHT = 22;

    /** What the empty table says when no capture is open. */
    public static final String NO_CAPTURE = "No messages. Open a capture (Ctrl+O) or start a live capture.";

    /** One for every inferred direction: a tooltip is a window of its own, too dear to make per cell. */
    private static final Tooltip INFERRED =
            new Tooltip("Inferred from NLM_F_REQUEST: the capture did not record which way this message went");

    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label(NO_CAPTURE);
    private Function<MessageRow, String> latency = r -> "";
    private Marks marks = new Marks();
    private Function<MessageRow, String> colouring = r -> null;
    private Function<MessageRow, String> infoText = RowText::info;
    private Function<MessageRow, String> portText = r -> Long.toString(r.portId());
    private java.util.function.ToLongFunction<MessageRow> previousCaptured = MessageRow::timeNanos;
    private long timeOrigin;
    private TimeFormat timeFormat = TimeFormat.RELATIVE;
    private final TableColumn<MessageRow, String> timeColumn;
    private final TableColumn<MessageRow, String> info;
    /** The columns the user sized (by dragging a border or in the chooser): fitting leaves them alone. */
    private final java.util.Set<TableColumn<MessageRow, ?>> sizedByUser = new java.util.HashSet<>();

    public MessageTable(ObservableList<MessageRow> rows) {
        super(rows);
        setId("messageTable");
        getStyleClass().add("message-table");
        setColumnResizePolicy(features -> {
            TableColumn<MessageRow, ?> c = features.getColumn();
            if (c != null && "info".equals(c.getId())) {
                return false; // Info takes the rest: its width follows the others
            }
            if (c != null) {
                sizedByUser.add(c);
            }
            return TableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
        });
        setTableMenuButtonVisible(true); // the header's "+" shows and hides columns
        placeholder.setId("tablePlaceholder");
        setPlaceholder(placeholder);
        getColumns().add(column("no", "No.", 48, r -> Integer.toString(r.frameNumber())
                + (r.messageIndex() > 0 ? "." + (r.messageIndex() + 1) : "")));
        timeColumn = column("time", "Time", 80, this::time);
        timeColumn.setCellFactory(c -> new TimeCell());
        getColumns().add(timeColumn);
        TableColumn<MessageRow, String> direction = column("direction", "Direction", 76, RowText::direction);
        direction.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(!empty && text != null && text.endsWith("*") ? INFERRED : null);
            }
        });
        getColumns().add(direction);
        getColumns().add(column("family", "Family", 64, r -> DisplayText.shortFamily(r.familyName(), r.family())));
        getColumns().add(column("type", "Type", 150, MessageRow::typeName));
        getColumns().add(column("flags", "Flags", 90, MessageRow::flagsText));
        getColumns().add(column("seq", "Seq", 80, r -> Long.toString(r.seq())));
        getColumns().add(column("port", "Port", 96, r -> portText.apply(r)));
        getColumns().add(column("length", "Length", 54, r -> Integer.toString(r.length())));
        getColumns().add(column("latency", "Latency", 70, r -> latency.apply(r)));
        info = column("info", "Info", 520, r -> infoText.apply(r));
        getColumns().add(info);
        // Info takes the width the other shown columns leave (they may be resized), never less than 160 px
        List<javafx.beans.Observable> widths = new java.util.ArrayList<>(List.of(widthProperty()));
        getColumns().stream().filter(c -> c != info).forEach(c -> {
            widths.add(c.widthProperty());
            widths.add(c.visibleProperty());
        });
        info.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double others = 0;
            for (TableColumn<MessageRow, ?> c : getColumns()) {
                if (c != info && c.isVisible()) {
                    others += c.getWidth();
                }
            }
            return Math.max(160, getWidth() - others - 18);
        }, widths.toArray(new javafx.beans.Observable[0])));
        widthProperty().addListener((o, was, now) -> {
            if (!getItems().isEmpty()) {
                fitColumns();
            }
        });
        getColumns().forEach(c -> c.setSortable(false));
        setRowFactory(t -> new PaintedRow(() -> marks, () -> colouring));
        // every row is one line (main.css's -fx-cell-size): a fixed size spares the table measuring
        // each cell's height as it scrolls
        setFixedCellSize(ROW_HEIGHT);
    }

    /** Sizes the columns to the rows shown (the first few hundred); Info takes the rest. */
    public void fitColumns() {
        javafx.scene.text.Font font = javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), FONT_SIZE);
        ColumnFit.fit(getColumns().stream().filter(c -> c != info && c.isVisible()).toList(), sizedByUser,
                getItems(), getWidth() > 0 ? getWidth() : 1360, font);
    }

    /** What the table says when it shows no row. */
    public void setEmptyText(String text) {
        placeholder.setText(text);
    }

    public String emptyText() {
        return placeholder.getText();
    }

    /** The Info text the table shows for a row (what sorting by Info orders by); safe off the FX thread. */
    String shownInfo(MessageRow r) {
        return infoText.apply(r);
    }

    /** What the Port column shows of a row: the port id, and its process where known ("220 (ip)"). */
    void setPortText(Function<MessageRow, String> text) {
        portText = text;
        refresh();
    }

    /** What the Info column shows of a row (by default {@link RowText#info}; the session names links and folds answers). */
    void setInfoText(Function<MessageRow, String> text) {
        infoText = text;
        refresh();
    }

    /** The inline style of a row (its colouring rule's colours), or null for none. */
    void setColouring(Function<MessageRow, String> styleOfRow) {
        colouring = styleOfRow;
        refresh();
    }

    /** The marked and ignored messages, drawn apart. */
    void setMarks(Marks m) {
        marks = m;
        refresh();
    }

    /** What the Latency column shows for a row (time from request to this answer). */
    public void setLatency(Function<MessageRow, String> latencyOfRow) {
        latency = latencyOfRow;
        refresh();
    }

    /** Times are shown relative to this instant (the capture's first frame) unless absolute. */
    public void setTimeOrigin(long nanos) {
        timeOrigin = nanos;
        refresh();
    }

    /** Sets the origin once per capture: the first frame's time. */
    public void setTimeOriginIfUnset(long nanos) {
        if (timeOrigin == 0) {
            setTimeOrigin(nanos);
        }
    }

    /** The index of the last row in view, or -1 when none is laid out. */
    public int lastVisibleIndex() {
        javafx.scene.Node flow = lookup(".virtual-flow");
        if (flow instanceof javafx.scene.control.skin.VirtualFlow<?> vf && vf.getLastVisibleCell() != null) {
            return vf.getLastVisibleCell().getIndex();
        }
        return -1;
    }

    /** How the previous captured message's time is found (the store knows; the table shows rows only). */
    void setPreviousCaptured(java.util.function.ToLongFunction<MessageRow> timeOfPrevious) {
        previousCaptured = timeOfPrevious;
        refresh();
    }

    public void setTimeFormat(TimeFormat format) {
        timeFormat = format;
        timeColumn.setText(format.title);
        refresh();
        if (!sizedByUser.contains(timeColumn)) {
            fitColumns(); // a date and time is wider than seconds
        }
    }

    public TimeFormat timeFormat() {
        return timeFormat;
    }

    /** The columns the user sized; fitting keeps their widths. */
    java.util.Set<TableColumn<MessageRow, ?>> sizedByUser() {
        return sizedByUser;
    }

    TableColumn<MessageRow, String> infoColumn() {
        return info;
    }

    /** A column by its id ("time", "flags", "info"...), or null. */
    TableColumn<MessageRow, ?> column(String id) {
        return getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElse(null);
    }

    /** The time text of a row, with the previous message as captured (what fitting measures too). */
    private String time(MessageRow r) {
        return timeFormat.format(r.timeNanos(), timeOrigin, previousCaptured.applyAsLong(r));
    }

    /** The time cell: "since the previous displayed message" needs the row above, which only the cell knows. */
    private final class TimeCell extends TableCell<MessageRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            int i = getIndex();
            if (empty || timeFormat != TimeFormat.DELTA_DISPLAYED || i < 0 || i >= getItems().size()) {
                setText(empty ? null : text);
                return;
            }
            MessageRow row = getItems().get(i);
            long previous = i == 0 ? row.timeNanos() : getItems().get(i - 1).timeNanos();
            setText(timeFormat.format(row.timeNanos(), timeOrigin, previous));
        }
    }

    private static TableColumn<MessageRow, String> column(String id, String title, double width,
                                                          Function<MessageRow, String> value) {
        TableColumn<MessageRow, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setUserData(value); // what ColumnFit measures
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null : value.apply(cell.getValue())));
        return c;
    }
}
