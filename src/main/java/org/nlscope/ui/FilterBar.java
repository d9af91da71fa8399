package org.nlscope.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The display filter field. Every keystroke is checked (green when the expression
 * parses, red with the parser's message when not); Enter or Apply applies it.
 */
public final class FilterBar extends HBox {

    private final TextField field = new TextField();
    private final Label feedback = new Label();
    private final Button apply = new Button("Apply");
    private final Button clear = new Button("Clear");
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
        getChildren().addAll(new Label("Filter:"), field, apply, clear, feedback);
        validate("");
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
            onApply.accept(field.getText() == null ? "" : field.getText().strip());
        }
    }
}
