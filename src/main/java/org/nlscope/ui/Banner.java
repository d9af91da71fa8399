package org.nlscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.nlscope.model.TerminalText;

/**
 * A strip above the table that says what went wrong and what to do, with buttons for
 * the remedies (open a sample capture, recover an autosave). Hidden when empty. It draws
 * the view model's {@link MainViewModel.BannerState}; its buttons keep their full label
 * and the text wraps instead.
 */
public final class Banner extends HBox {

    private final Label message = new Label();
    private Runnable onHide = () -> { };

    public Banner() {
        setId("banner");
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));
        message.setId("bannerMessage");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        show(MainViewModel.BannerState.NONE);
    }

    /** What the close button and every remedy do first (the view model forgets the banner). */
    public void setOnHide(Runnable action) {
        onHide = action;
    }

    public void show(MainViewModel.BannerState state) {
        boolean showing = state.isShowing();
        getStyleClass().removeAll("warning", "error", "info");
        getStyleClass().add(state.style());
        message.setText(TerminalText.escape(state.text()));
        getChildren().setAll(message);
        for (MainViewModel.Action a : state.actions()) {
            Button b = button(a.label(), a.run());
            getChildren().add(b);
        }
        Button close = button("✕", () -> { });
        close.getStyleClass().add("banner-close");
        getChildren().add(close);
        setVisible(showing);
        setManaged(showing);
    }

    private Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            onHide.run();
            action.run();
        });
        return b;
    }

    public String text() {
        return message.getText();
    }

    public boolean isShowing() {
        return isVisible();
    }
}
