package org.nlscope.ui;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;

/**
 * Edit > Find Packet (Ctrl+F): a bar above the table to search the displayed messages for a
 * display filter, a string or hex bytes; Enter finds the next, Shift+Enter the previous,
 * Escape closes. The search runs in the background, so a large capture never freezes the
 * window; a match is selected (and for bytes, highlighted in the hex view).
 */
final class FindBar extends HBox {

    private final ChoiceBox<Finder.Mode> mode = new ChoiceBox<>();
    private final TextField field = new TextField();
    private final Label result = new Label();
    private final MessageTable table;
    private final Navigator navigator;
    private final DetailPane detail;
    private final Supplier<CaptureSession> session;
    private final Filters filters;
    private final Marks marks;
    private final TaskRunner runner;
    /** Counts searches, so a slow one that ends after a newer one started is dropped. */
    private int searches;

    FindBar(MessageTable table, Navigator navigator, DetailPane detail, Supplier<CaptureSession> session,
            Filters filters, Marks marks, TaskRunner runner) {
        this.table = table;
        this.navigator = navigator;
        this.detail = detail;
        this.session = session;
        this.filters = filters;
        this.marks = marks;
        this.runner = runner;
        setId("findBar");
        getStyleClass().add("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        setPadding(new Insets(4, 6, 4, 6));
        mode.setId("findMode");
        mode.getItems().setAll(Finder.Mode.values());
        mode.setValue(Finder.Mode.FILTER);
        field.setId("findField");
        field.setPromptText("type == RTM_NEWLINK    dum0    0a 00 00 00");
        HBox.setHgrow(field, Priority.ALWAYS);
        result.setId("findResult");
        result.setMinWidth(160);
        Button next = button("Find Next", "findNext", () -> find(1));
        Button previous = button("Previous", "findPrevious", () -> find(-1));
        Button close = button("✕", "findClose", this::close);
        close.getStyleClass().add("banner-close");
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                find(e.isShiftDown() ? -1 : 1);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        field.textProperty().addListener((o, was, now) -> check());
        mode.valueProperty().addListener((o, was, now) -> check());
        getChildren().addAll(new Label("Find:"), mode, field, next, previous, result, close);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Shows the bar with the cursor in the search field. */
    void open() {
        setVisible(true);
        field.requestFocus();
        field.selectAll();
    }

    void close() {
        setVisible(false);
        table.requestFocus();
    }

    TextField field() {
        return field;
    }

    ChoiceBox<Finder.Mode> mode() {
        return mode;
    }

    Label result() {
        return result;
    }

    /** Finds the next (1) or previous (-1) match from the selected message; opens the bar when closed. */
    void find(int step) {
        if (!isVisible() || field.getText().isBlank()) {
            open();
            return;
        }
        Finder.Mode m = mode.getValue();
        String text = field.getText();
        String problem = Finder.problem(m, text, filters);
        if (problem != null) {
            result.setText(problem);
            return;
        }
        BiPredicate<CaptureStore, MessageRow> matcher = Finder.matcher(m, text, filters);
        CaptureStore store = session.get().store();
        List<MessageRow> rows = List.copyOf(table.getItems());
        int from = table.getSelectionModel().getSelectedIndex();
        int search = ++searches;
        result.setText("Searching…");
        runner.background("find", () -> {
            Finder.Hit hit = Finder.next(rows, from, step, r -> matches(matcher, store, r), marks::isIgnored);
            int offset = hit != null && m == Finder.Mode.HEX
                    ? Finder.byteOffset(store, rows.get(hit.index()), Finder.bytes(text)) : -1;
            runner.ui(() -> show(search, hit, offset, rows));
        });
    }

    private static boolean matches(BiPredicate<CaptureStore, MessageRow> matcher, CaptureStore store, MessageRow r) {
        try {
            return matcher.test(store, r);
        } catch (RuntimeException e) {
            return false; // a row the search cannot judge is no match
        }
    }

    private void show(int search, Finder.Hit hit, int offset, List<MessageRow> rows) {
        if (search != searches) {
            return;
        }
        if (hit == null) {
            result.setText("Not found");
            return;
        }
        MessageRow row = rows.get(hit.index());
        int at = hit.index() < table.getItems().size() && table.getItems().get(hit.index()) == row
                ? hit.index() : table.getItems().indexOf(row);
        if (at < 0) {
            result.setText("Not found");
            return;
        }
        navigator.select(at);
        if (offset >= 0) {
            detail.selectByte(offset);
        }
        result.setText("Frame " + row.frameNumber() + (hit.wrapped() ? " (search wrapped)" : ""));
    }

    private void check() {
        String problem = field.getText().isBlank() ? null : Finder.problem(mode.getValue(), field.getText(), filters);
        field.getStyleClass().removeAll("filter-ok", "filter-bad");
        if (!field.getText().isBlank()) {
            field.getStyleClass().add(problem == null ? "filter-ok" : "filter-bad");
        }
        result.setText(problem == null ? "" : problem);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
