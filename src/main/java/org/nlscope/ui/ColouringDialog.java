package org.nlscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * View > Colouring Rules…: the rules in order (first match wins), each drawn in its own
 * colours, so the list is the table's legend too; select one to edit its name, filter and
 * colours. Every change applies to the table at once and is saved.
 */
final class ColouringDialog {

    private final ColouringRules rules;
    private final ListView<ColouringRules.Rule> list = new ListView<>();
    private final TextField name = new TextField();
    private final TextField filter = new TextField();
    private final ColorPicker background = new ColorPicker();
    private final ColorPicker foreground = new ColorPicker();
    private final CheckBox themeText = new CheckBox("Theme's text colour");
    private final Label problem = new Label();
    private final Stage stage = new Stage();
    /** True while the editor shows the selected rule (so its own updates are not edits). */
    private boolean loading;

    ColouringDialog(Stage owner, ColouringRules rules) {
        this.rules = rules;
        list.setId("colouringRules");
        list.setCellFactory(l -> new RuleCell());
        list.getItems().setAll(rules.rules());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> load(now));
        name.setId("ruleName");
        filter.setId("ruleFilter");
        background.setId("ruleBackground");
        foreground.setId("ruleForeground");
        problem.setId("ruleProblem");
        problem.getStyleClass().add("filter-bad-text");
        name.textProperty().addListener((o, a, b) -> edit());
        filter.textProperty().addListener((o, a, b) -> edit());
        background.valueProperty().addListener((o, a, b) -> edit());
        foreground.valueProperty().addListener((o, a, b) -> edit());
        themeText.selectedProperty().addListener((o, a, b) -> {
            foreground.setDisable(b);
            edit();
        });
        GridPane editor = new GridPane();
        editor.setHgap(8);
        editor.setVgap(6);
        editor.addRow(0, new Label("Name:"), name);
        editor.addRow(1, new Label("Filter:"), filter);
        editor.addRow(2, new Label("Background:"), background);
        editor.addRow(3, new Label("Text:"), new HBox(8, foreground, themeText));
        editor.add(problem, 1, 4);
        GridPane.setHgrow(filter, Priority.ALWAYS);
        HBox buttons = new HBox(6, button("Add", "ruleAdd", this::add), button("Remove", "ruleRemove", this::remove),
                button("Move Up", "ruleUp", () -> move(-1)), button("Move Down", "ruleDown", () -> move(1)),
                button("Restore Defaults", "ruleDefaults", this::restore), button("Close", "ruleClose", stage::close));
        BorderPane root = new BorderPane(list, null, null, new javafx.scene.layout.VBox(8, editor, buttons), null);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(list, new Insets(0, 0, 8, 0));
        root.setId("colouringDialog");
        stage.initOwner(owner);
        stage.setTitle("Colouring Rules — nlscope");
        stage.setScene(new Scene(root, 640, 520));
        if (owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        list.getSelectionModel().selectFirst();
    }

    Stage stage() {
        return stage;
    }

    ListView<ColouringRules.Rule> list() {
        return list;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    private void load(ColouringRules.Rule r) {
        loading = true;
        try {
            boolean none = r == null;
            name.setText(none ? "" : r.name());
            filter.setText(none ? "" : r.filter());
            background.setValue(none ? Color.WHITE : Color.web(r.background()));
            themeText.setSelected(none || r.foreground().isEmpty());
            foreground.setValue(none || r.foreground().isEmpty() ? Color.BLACK : Color.web(r.foreground()));
            problem.setText(none ? "" : text(rules.problem(r)));
        } finally {
            loading = false;
        }
    }

    private void edit() {
        int at = list.getSelectionModel().getSelectedIndex();
        if (loading || at < 0) {
            return;
        }
        ColouringRules.Rule old = list.getItems().get(at);
        ColouringRules.Rule r = new ColouringRules.Rule(old.enabled(), name.getText(), filter.getText(),
                hex(background.getValue()), themeText.isSelected() ? "" : hex(foreground.getValue()));
        problem.setText(text(rules.problem(r)));
        replace(at, r);
    }

    private void replace(int at, ColouringRules.Rule r) {
        List<ColouringRules.Rule> all = new ArrayList<>(list.getItems());
        all.set(at, r);
        save(all, at);
    }

    private void save(List<ColouringRules.Rule> all, int select) {
        rules.set(all);
        loading = true;
        try {
            list.getItems().setAll(all);
            list.getSelectionModel().select(select);
        } finally {
            loading = false;
        }
    }

    private void add() {
        List<ColouringRules.Rule> all = new ArrayList<>(list.getItems());
        int at = Math.max(0, list.getSelectionModel().getSelectedIndex());
        all.add(at, new ColouringRules.Rule(true, "New rule", "type ~ LINK", "#dfe8ff", ""));
        save(all, at);
        load(all.get(at));
        name.requestFocus();
    }

    private void remove() {
        int at = list.getSelectionModel().getSelectedIndex();
        if (at >= 0) {
            List<ColouringRules.Rule> all = new ArrayList<>(list.getItems());
            all.remove(at);
            save(all, Math.min(at, all.size() - 1));
            load(list.getSelectionModel().getSelectedItem());
        }
    }

    private void move(int step) {
        int at = list.getSelectionModel().getSelectedIndex();
        int to = at + step;
        if (at >= 0 && to >= 0 && to < list.getItems().size()) {
            List<ColouringRules.Rule> all = new ArrayList<>(list.getItems());
            all.add(to, all.remove(at));
            save(all, to);
        }
    }

    private void restore() {
        save(ColouringRules.DEFAULTS, 0);
        load(list.getSelectionModel().getSelectedItem());
    }

    private static String text(String problem) {
        return problem == null ? "" : problem;
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A rule as the table draws it, with a box to turn it on or off. */
    private final class RuleCell extends ListCell<ColouringRules.Rule> {
        private final CheckBox enabled = new CheckBox();
        private final Label swatch = new Label();
        private final Label expression = new Label();

        RuleCell() {
            swatch.setMinWidth(150);
            swatch.setPadding(new Insets(2, 6, 2, 6));
            enabled.setOnAction(e -> {
                ColouringRules.Rule r = getItem();
                if (r != null) {
                    replace(getIndex(), new ColouringRules.Rule(enabled.isSelected(), r.name(), r.filter(),
                            r.background(), r.foreground()));
                }
            });
        }

        @Override
        protected void updateItem(ColouringRules.Rule r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            enabled.setSelected(r.enabled());
            enabled.setId("rule-enabled-" + getIndex());
            swatch.setText(r.name());
            swatch.setStyle("-fx-background-color: " + r.background() + "; -fx-text-fill: "
                    + (r.foreground().isEmpty() ? "#202020" : r.foreground()) + ";");
            expression.setText(r.filter());
            setGraphic(new HBox(8, enabled, swatch, expression));
        }
    }
}
