package org.nlscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A strip above the table that says what went wrong and what to do, with buttons for
 * the remedies (open a sample capture, recover an autosave). Hidden when empty.
 */
public final class Banner extends HBox {

    private final Label message = new Label();

    public Banner() {
        setId("banner");
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));
        message.setId("bannerMessage");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        hide();
    }

    /** Shows a message with remedies; style is "warning", "error" or "info". */
    public void show(String style, String text, Button... actions) {
        getStyleClass().removeAll("warning", "error", "info");
        getStyleClass().add(style);
        message.setText(text);
        getChildren().setAll(message);
        getChildren().addAll(actions);
        Button close = new Button("✕");
        close.getStyleClass().add("banner-close");
        close.setOnAction(e -> hide());
        getChildren().add(close);
        setVisible(true);
        setManaged(true);
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
        message.setText("");
    }

    public String text() {
        return message.getText();
    }

    public boolean isShowing() {
        return isVisible();
    }

    /** A banner button that hides the banner, then runs its action. */
    public Button action(String text, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> {
            hide();
            action.run();
        });
        return b;
    }
}
