package org.nlscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.nlscope.model.TerminalText;

/** Captured, displayed and dropped counts, what the window is doing, and the file name. */
public final class StatusBar extends HBox {

    private final Label counts = new Label();
    private final Label activity = new Label();
    private final Label file = new Label();

    public StatusBar() {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        setPadding(new Insets(3, 8, 3, 8));
        counts.setId("statusCounts");
        activity.setId("statusActivity");
        file.setId("statusFile");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(counts, activity, spring, file);
        update(0, 0, 0, -1);
    }

    /**
     * @param captured  messages in the capture
     * @param frames    frames in the capture
     * @param displayed messages passing the filter
     * @param dropped   frames the kernel dropped, or -1 when not a live capture
     */
    public void update(int captured, int frames, int displayed, long dropped) {
        String text = "Messages: " + captured + " in " + frames + " frames   Displayed: " + displayed;
        if (dropped >= 0) {
            text += "   Dropped by the kernel: " + dropped;
        }
        counts.setText(text);
    }

    public void setActivity(String text) {
        activity.setText(text == null ? "" : TerminalText.escape(text));
    }

    public void setFile(String text) {
        file.setText(text == null ? "" : TerminalText.escape(text));
    }

    public String activityText() {
        return activity.getText();
    }

    public String countsText() {
        return counts.getText();
    }
}
