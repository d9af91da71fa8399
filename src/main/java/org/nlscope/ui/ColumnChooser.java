package org.nlscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.nlscope.session.MessageRow;

/**
 * View > Columns…: every column of the message table with a box to show or hide it, its
 * width in pixels, and buttons to move it; changes apply at once and are saved.
 */
final class ColumnChooser {

    private final ColumnLayout layout;
    private final ListView<TableColumn<MessageRow, ?>> list;
    private final Stage stage = new Stage();

    ColumnChooser(Stage owner, ColumnLayout layout) {
        this.layout = layout;
        this.list = new ListView<>(layout.columns());
        list.setId("columnList");
        list.setCellFactory(l -> new ColumnCell());
        Button up = button("Move _Up", "columnUp", -1);
        Button down = button("Move _Down", "columnDown", 1);
        Button reset = new Button("_Reset");
        reset.setId("columnReset");
        reset.setOnAction(e -> layout.reset());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        VBox buttons = new VBox(6, up, down, reset, gap, close);
        buttons.getChildren().forEach(b -> ((Region) b).setMaxWidth(Double.MAX_VALUE));
        buttons.setPadding(new Insets(0, 0, 0, 8));
        Label hint = new Label("Info takes the width the other columns leave. A width you set is kept; "
                + "Reset fits every column to what it holds again.");
        hint.setWrapText(true);
        BorderPane root = new BorderPane(list, null, buttons, hint, null);
        BorderPane.setMargin(hint, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(10));
        root.setId("columnChooser");
        stage.initOwner(owner);
        stage.setTitle("Columns — nlscope");
        stage.setScene(new Scene(root, 460, 430));
        if (owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    Stage stage() {
        return stage;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    private Button button(String text, String id, int step) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            TableColumn<MessageRow, ?> c = list.getSelectionModel().getSelectedItem();
            if (c != null) {
                layout.move(c, step);
                list.getSelectionModel().select(c);
            }
        });
        return b;
    }

    /** One column: shown or not, its title, its width. */
    private final class ColumnCell extends ListCell<TableColumn<MessageRow, ?>> {
        private final CheckBox shown = new CheckBox();
        private final TextField width = new TextField();
        private final HBox box;
        private TableColumn<MessageRow, ?> bound;

        ColumnCell() {
            width.setPrefColumnCount(4);
            width.setOnAction(e -> commitWidth());
            width.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    commitWidth();
                }
            });
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(6, shown, gap, new Label("px"), width);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(TableColumn<MessageRow, ?> c, boolean empty) {
            super.updateItem(c, empty);
            if (bound != null) {
                shown.selectedProperty().unbindBidirectional(bound.visibleProperty());
                bound = null;
            }
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            bound = c;
            shown.setText(c.getText());
            shown.setId("show-" + c.getId());
            shown.selectedProperty().bindBidirectional(c.visibleProperty());
            width.setId("width-" + c.getId());
            boolean info = "info".equals(c.getId());
            width.setDisable(info);
            width.setText(info ? "rest" : Long.toString(Math.round(c.getWidth())));
            setGraphic(box);
        }

        private void commitWidth() {
            if (bound == null || width.isDisabled()) {
                return;
            }
            try {
                double w = Double.parseDouble(width.getText().strip());
                if (w > 0 && Math.round(w) != Math.round(bound.getWidth())) {
                    layout.setWidth(bound, w);
                }
            } catch (NumberFormatException e) {
                width.setText(Long.toString(Math.round(bound.getWidth())));
            }
        }
    }
}
