package org.nlscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/** Help > Display Filter Reference: the filter language with examples, in a window of its own. */
final class HelpWindow {

    static final String FILTER_REFERENCE = "/ui/filter-reference.txt";

    private HelpWindow() {
    }

    static Stage filterReference(Stage owner) {
        TextArea text = new TextArea(read(FILTER_REFERENCE));
        text.setId("filterReference");
        text.setEditable(false);
        text.setWrapText(true);
        text.setStyle("-fx-font-family: monospace;");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Display Filter Reference — nlscope");
        stage.setScene(new Scene(text, 760, 620));
        return stage;
    }

    static String read(String resource) {
        try (InputStream in = HelpWindow.class.getResourceAsStream(resource)) {
            return in == null ? "This build lacks " + resource + "." : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "Could not read " + resource + ": " + e.getMessage();
        }
    }
}
