package org.nlscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.nlscope.model.TerminalText;

/**
 * One line above the detail tree about the selected message's transaction: what
 * answered it and how fast, the kernel's extended-ACK message, and buttons to jump to
 * the request, the response and the offending attribute.
 */
public final class TransactionBar extends HBox {

    private final Label text = new Label();
    final Button toRequest = new Button("Go to Request");
    final Button toResponse = new Button("Go to Response");
    final Button toAttribute = new Button("Show Offending Attribute");

    public TransactionBar() {
        setId("transactionBar");
        getStyleClass().add("transaction-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(3, 8, 3, 8));
        text.setId("transactionText");
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinWidth(0); // the text gives way (its tooltip holds it whole), the buttons never do
        HBox.setHgrow(text, Priority.ALWAYS);
        toRequest.setId("goToRequest");
        toResponse.setId("goToResponse");
        toAttribute.setId("showOffendingAttribute");
        for (Button b : new Button[] {toRequest, toResponse, toAttribute}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getChildren().addAll(text, toRequest, toResponse, toAttribute);
        show("", false, false, false);
    }

    public void show(String description, boolean request, boolean response, boolean attribute) {
        String shown = TerminalText.escape(description);
        text.setText(shown);
        text.setTooltip(shown.isEmpty() ? null : new javafx.scene.control.Tooltip(shown));
        toRequest.setDisable(!request);
        toResponse.setDisable(!response);
        toAttribute.setVisible(attribute);
        toAttribute.setManaged(attribute);
    }

    public String text() {
        return text.getText();
    }
}
