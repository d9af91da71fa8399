package org.nlscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.redact.RedactedSave;
import org.nlscope.session.redact.RedactionReport;

/**
 * File > Export for Bug Report: the whole capture saved with its keys and passwords as
 * zeros (and, when asked, its addresses replaced), as {@code nlscope convert --redact} does.
 */
final class BugReportExport {
    private final Stage stage;
    private final MainViewModel vm;
    private final Consumer<String> activity;

    BugReportExport(Stage stage, MainViewModel vm, Consumer<String> activity) {
        this.stage = stage;
        this.vm = vm;
        this.activity = activity;
    }

    /** Asks whether to anonymize and where to save, then saves in the background. */
    void run(CaptureStore store) {
        if (store.frameCount() == 0) {
            vm.showBanner("info", "There is nothing to export yet.");
            return;
        }
        CheckBox anonymize = new CheckBox("Also replace MAC and IP addresses with stable pseudonyms");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(stage);
        ask.setTitle("Export for Bug Report");
        ask.setHeaderText("Keys and passwords (WireGuard, xfrm, and what dissector files mark secret) "
                + "are saved as zeros of the same length.");
        ask.getDialogPane().setContent(new VBox(8, new Label("The copy decodes to the same messages."), anonymize));
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export for Bug Report");
        fc.setInitialFileName("bug-report.pcapng");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            save(store, f.toPath(), anonymize.isSelected());
        }
    }

    /** Saves redacted in the background and reports on the status bar (or the banner on failure). */
    void save(CaptureStore store, Path target, boolean anonymize) {
        activity.accept("Exporting for a bug report…");
        vm.runner().background("export-redacted", () -> {
            try {
                RedactionReport r = RedactedSave.save(store, target, anonymize);
                vm.runner().ui(() -> activity.accept("Exported " + store.frameCount() + " frames to " + target.getFileName()
                        + ": " + r.secretCount() + " secrets redacted"
                        + (anonymize ? ", " + r.addressPlaces() + " addresses replaced" : "")));
            } catch (java.io.IOException | RuntimeException e) {
                vm.runner().ui(() -> vm.showBanner("error", "Could not export " + target + ": " + e.getMessage()));
            }
        });
    }
}
