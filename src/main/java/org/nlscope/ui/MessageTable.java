package org.nlscope.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.nlscope.model.Direction;
import org.nlscope.session.MessageRow;
import org.nlscope.session.export.Values;

/**
 * The message table: one row per netlink message, coloured by its role (CSS classes
 * {@code kind-error}, {@code kind-notification}, {@code kind-dump-part}...). TableView
 * virtualizes, so only the visible rows ever have cells.
 */
public final class MessageTable extends TableView<MessageRow> {

    private static final DateTimeFormatter ABSOLUTE =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final List<String> KIND_CLASSES = List.of("kind-request", "kind-reply", "kind-dump-part",
            "kind-done", "kind-error", "kind-ack", "kind-notification", "kind-malformed", "has-problems");

    /** The table's font size, as main.css sets it for the whole window. */
    static final double FONT_SIZE = 12.5;

    /** What the empty table says when no capture is open. */
    public static final String NO_CAPTURE = "No messages. Open a capture (Ctrl+O) or start a live capture.";

    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label(NO_CAPTURE);
    private Function<MessageRow, String> latency = r -> "";
    private long timeOrigin;
    private boolean absoluteTime;
    private final TableColumn<MessageRow, String> timeColumn;

    public MessageTable(ObservableList<MessageRow> rows) {
        super(rows);
        setId("messageTable");
        getStyleClass().add("message-table");
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        placeholder.setId("tablePlaceholder");
        setPlaceholder(placeholder);
        getColumns().add(column("No.", 48, r -> Integer.toString(r.frameNumber())
                + (r.messageIndex() > 0 ? "." + (r.messageIndex() + 1) : "")));
        timeColumn = column("Time", 80, this::time);
        getColumns().add(timeColumn);
        TableColumn<MessageRow, String> direction = column("Direction", 76, MessageTable::direction);
        direction.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(!empty && text != null && text.endsWith("*")
                        ? new Tooltip("Inferred from NLM_F_REQUEST: the capture did not record which way this message went")
                        : null);
            }
        });
        getColumns().add(direction);
        getColumns().add(column("Family", 64, r -> Values.shortFamily(r.familyName(), r.family())));
        getColumns().add(column("Type", 150, MessageRow::typeName));
        getColumns().add(column("Flags", 90, MessageRow::flagsText));
        getColumns().add(column("Seq", 80, r -> Long.toString(r.seq())));
        getColumns().add(column("Port", 96, r -> r.process() == null ? Long.toString(r.portId())
                : r.portId() + " " + r.process()));
        getColumns().add(column("Length", 54, r -> Integer.toString(r.length())));
        getColumns().add(column("Latency", 70, r -> latency.apply(r)));
        TableColumn<MessageRow, String> info = column("Info", 520, MessageTable::info);
        getColumns().add(info);
        // Info takes the width the other columns leave (they may be resized), never less than 160 px
        List<javafx.beans.Observable> widths = new java.util.ArrayList<>(List.of(widthProperty()));
        getColumns().stream().filter(c -> c != info).forEach(c -> widths.add(c.widthProperty()));
        info.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double others = 0;
            for (TableColumn<MessageRow, ?> c : getColumns()) {
                if (c != info) {
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
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MessageRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(KIND_CLASSES);
                if (!empty && row != null) {
                    getStyleClass().add("kind-" + row.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    if (row.hasProblems()) {
                        getStyleClass().add("has-problems");
                    }
                }
            }
        });
    }

    /** Sizes the columns to the rows shown (the first few hundred); Info takes the rest. */
    public void fitColumns() {
        javafx.scene.text.Font font = javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), FONT_SIZE);
        ColumnFit.fit(List.copyOf(getColumns()), getItems(), getWidth() > 0 ? getWidth() : 1360, font);
    }

    /** What the table says when it shows no row. */
    public void setEmptyText(String text) {
        placeholder.setText(text);
    }

    public String emptyText() {
        return placeholder.getText();
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

    public void setAbsoluteTime(boolean absolute) {
        absoluteTime = absolute;
        timeColumn.setText(absolute ? "Time of day" : "Time");
        refresh();
        fitColumns(); // HH:mm:ss.SSSSSS whole
    }

    public boolean isAbsoluteTime() {
        return absoluteTime;
    }

    private String time(MessageRow r) {
        if (absoluteTime) {
            return ABSOLUTE.format(Instant.ofEpochSecond(0, r.timeNanos()));
        }
        long rel = r.timeNanos() - timeOrigin;
        return String.format(Locale.ROOT, "%.6f", rel / 1e9);
    }

    /**
     * The summary without what the Type (and Family) columns already show: "RTM_NEWLINK dum0"
     * reads "dum0", "nlctrl CTRL_CMD_NEWFAMILY nl80211 id 28" reads "nl80211 id 28".
     */
    static String info(MessageRow r) {
        String info = r.info();
        String type = r.typeName();
        if (info == null || type == null || type.isEmpty()) {
            return info;
        }
        String family = r.familyName();
        if (family != null && info.startsWith(family + " " + type)) {
            info = info.substring(family.length() + 1);
        }
        if (info.equals(type)) {
            return "";
        }
        return info.startsWith(type + " ") ? info.substring(type.length() + 1) : info;
    }

    /** "→ kernel" or "← kernel", with a star when the direction was inferred. */
    static String direction(MessageRow r) {
        String text = r.direction() == Direction.TO_KERNEL ? "→ kernel"
                : r.direction() == Direction.FROM_KERNEL ? "← kernel" : "?";
        return r.directionInferred() ? text + "*" : text;
    }

    private static TableColumn<MessageRow, String> column(String title, double width, Function<MessageRow, String> value) {
        TableColumn<MessageRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setUserData(value); // what ColumnFit measures
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? null : value.apply(cell.getValue())));
        return c;
    }
}
