package org.nlscope.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The window's dialogs: file choosers that start in a sensible folder, and the question before unsaved frames go. */
final class Dialogs {

    private final Stage owner;

    Dialogs(Stage owner) {
        this.owner = owner;
    }

    /** A capture to open; null when cancelled. */
    Path openCapture(String title, Path folder) {
        File f = captures(title, folder).showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Where to save a capture (pcapng or pcap by its name); null when cancelled. */
    Path saveCapture(Path folder, String name) {
        FileChooser fc = captures("Save the capture", folder);
        fc.setInitialFileName(name);
        File f = fc.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Where to write exported text; null when cancelled. */
    Path saveText(String title, Path folder, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(folder.toFile());
        fc.setInitialFileName(name);
        File f = fc.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    private static FileChooser captures(String title, Path folder) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures (*.pcapng, *.pcap)", "*.pcapng", "*.pcap", "*.cap"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.toFile().isDirectory()) {
            fc.setInitialDirectory(folder.toFile());
        }
        return fc;
    }

    /** Go to Packet: the frame number asked for; null when cancelled or not a number. */
    Integer askFrameNumber(int frames) {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog();
        ask.initOwner(owner);
        ask.setTitle("Go to Packet");
        ask.setHeaderText("Go to frame number (1 to " + frames + ")");
        try {
            return ask.showAndWait().map(String::strip).map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The label of a new saved filter button; null when cancelled. */
    String askFilterLabel(String proposed) {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(proposed);
        ask.initOwner(owner);
        ask.setTitle("Save Filter");
        ask.setHeaderText("The button's label");
        return ask.showAndWait().map(String::strip).orElse(null);
    }

    /** Asks before unsaved frames are dropped; true when it is fine to go on and {@code what}. */
    boolean confirmDiscard(int frames, String what) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "The current capture has " + frames + " frames that are not saved.", ButtonType.YES, ButtonType.CANCEL);
        alert.setHeaderText("Discard the unsaved capture and " + what + "?");
        alert.initOwner(owner);
        return alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.YES;
    }
}
