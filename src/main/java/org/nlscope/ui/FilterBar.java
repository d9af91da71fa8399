package org.nlscope.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The display filter field. Every keystroke is checked (green when the expression
 * parses, red with the parser's message when not); Enter or Apply applies it. The ▾ button
 * lists the filters applied lately; + saves the current one as a button beside it (a
 * right-click on a button removes it).
 */
public final class FilterBar extends HBox {

    private final TextField field = new TextField();
    private final Label feedback = new Label();
    private final Button apply = new Button("Apply");
    private final Button clear = new Button("Clear");
    private final MenuButton history = new MenuButton();
    private final Button save = new Button("+");
    private final HBox savedButtons = new HBox(4);
    private FilterMemory memory;
    private FilterCompleter completer;
    private Function<String, String> check = text -> null;
    private Consumer<String> onApply = text -> { };

    public FilterBar() {
        getStyleClass().add("filter-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        setPadding(new Insets(4, 6, 4, 6));
        field.setId("filterField");
        feedback.setId("filterFeedback");
        field.setPromptText("Display filter, e.g.  type == RTM_NEWLINK and IFLA_MTU > 1400    error    \"dum0\"");
        HBox.setHgrow(field, Priority.ALWAYS);
        feedback.getStyleClass().add("filter-feedback");
        feedback.setMaxWidth(420);
        field.textProperty().addListener((o, a, text) -> validate(text));
        field.setOnAction(e -> applyNow());
        apply.setOnAction(e -> applyNow());
        clear.setOnAction(e -> {
            field.clear();
            applyNow();
        });
        history.setId("filterHistory");
        history.setTooltip(new Tooltip("Filters applied lately"));
        history.setOnShowing(e -> fillHistory());
        history.getItems().add(new MenuItem()); // a menu with no items never opens
        save.setId("saveFilter");
        save.setTooltip(new Tooltip("Save this filter as a button"));
        savedButtons.setId("savedFilters");
        savedButtons.setAlignment(Pos.CENTER_LEFT);
        history.setVisible(false);
        history.managedProperty().bind(history.visibleProperty());
        save.visibleProperty().bind(history.visibleProperty());
        save.managedProperty().bind(history.visibleProperty());
        getChildren().addAll(new Label("Filter:"), field, history, apply, clear, save, savedButtons, feedback);
        validate("");
    }

    /** Keeps the history and saved buttons here (the bar works without them). */
    void setMemory(FilterMemory m, java.util.function.UnaryOperator<String> askLabel) {
        memory = m;
        history.setVisible(true);
        save.setOnAction(e -> {
            String text = field.getText() == null ? "" : field.getText().strip();
            if (text.isEmpty() || !validate(text)) {
                return;
            }
            String label = askLabel.apply(text.length() > 24 ? text.substring(0, 24) + "…" : text);
            if (label != null && !label.isBlank()) {
                memory.save(label, text);
                showSaved();
            }
        });
        showSaved();
    }

    /** Completes field names and values of these dissectors as the user types. */
    void setVocabulary(java.util.function.Supplier<FilterVocabulary> vocabulary) {
        completer = new FilterCompleter(field, vocabulary);
    }

    FilterCompleter completer() {
        return completer;
    }

    /** Puts an expression in the field without applying it (Prepare as Filter); the cursor goes there. */
    public void prepare(String expression) {
        field.setText(expression);
        field.requestFocus();
        field.positionCaret(expression.length());
    }

    HBox savedButtons() {
        return savedButtons;
    }

    private void fillHistory() {
        history.getItems().clear();
        for (String f : memory.history()) {
            history.getItems().add(MainMenu.item(f.replace("_", "__"), null, () -> apply(f)));
        }
        if (history.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No filter applied yet");
            none.setDisable(true);
            history.getItems().add(none);
        }
    }

    private void showSaved() {
        savedButtons.getChildren().clear();
        for (FilterMemory.Saved s : memory.saved()) {
            Button b = new Button(s.label());
            b.getStyleClass().add("saved-filter");
            b.setTooltip(new Tooltip(s.expression()));
            b.setOnAction(e -> apply(s.expression()));
            b.setContextMenu(new ContextMenu(MainMenu.item("Remove “" + s.label().replace("_", "__") + "”", null, () -> {
                memory.remove(s.label());
                showSaved();
            })));
            savedButtons.getChildren().add(b);
        }
    }

    /** @param checker returns the problem with an expression, or null when it is valid */
    public void setChecker(Function<String, String> checker) {
        check = checker;
        validate(field.getText());
    }

    public void setOnApply(Consumer<String> handler) {
        onApply = handler;
    }

    /** Puts an expression in the field and applies it (Apply as Filter). */
    public void apply(String expression) {
        field.setText(expression);
        applyNow();
    }

    public TextField field() {
        return field;
    }

    public Label feedback() {
        return feedback;
    }

    private boolean validate(String text) {
        String problem = text == null || text.isBlank() ? null : check.apply(text);
        field.getStyleClass().removeAll("filter-ok", "filter-bad");
        if (text == null || text.isBlank()) {
            feedback.setText("");
            return true;
        }
        field.getStyleClass().add(problem == null ? "filter-ok" : "filter-bad");
        feedback.setText(problem == null ? "" : problem);
        feedback.getStyleClass().removeAll("filter-ok-text", "filter-bad-text");
        feedback.getStyleClass().add(problem == null ? "filter-ok-text" : "filter-bad-text");
        return problem == null;
    }

    private void applyNow() {
        if (validate(field.getText())) {
            String text = field.getText() == null ? "" : field.getText().strip();
            if (memory != null) {
                memory.remember(text);
            }
            onApply.accept(text);
        }
    }
}
