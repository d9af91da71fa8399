package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.io.CaptureSaver;

/**
 * File > Export Specified Messages…, as Wireshark's Export Specified Packets: the displayed,
 * selected or marked messages (never the ignored ones) to a pcapng or pcap file that any
 * tool reads, or as text ({@code read -V}) or JSON lines ({@code read --json}). A capture
 * file holds frames, so the frames of the messages chosen are written whole.
 */
final class ExportSpecified {

    /** Which messages. */
    enum Scope {
        DISPLAYED("All displayed"), SELECTED("Selected"), MARKED("Marked (among the displayed)");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    /** What kind of file. */
    enum Format {
        PCAPNG("pcapng", "pcapng"), PCAP("pcap", "pcap"), TEXT("Text, as read -V", "txt"), JSON("JSON lines, as read --json", "json");

        final String label;
        final String extension;

        Format(String label, String extension) {
            this.label = label;
            this.extension = extension;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Stage owner;
    private final MessageTable table;
    private final MessageListModel model;
    private final Marks marks;
    private final MainViewModel vm;
    private final Consumer<String> note;

    ExportSpecified(Stage owner, MessageTable table, MessageListModel model, Marks marks, MainViewModel vm,
                    Consumer<String> note) {
        this.owner = owner;
        this.table = table;
        this.model = model;
        this.marks = marks;
        this.vm = vm;
        this.note = note;
    }

    /**
     * The store rows a scope takes, in capture order, the ignored ones left out: from the rows'
     * indexes alone (all displayed may be a million rows; none is decoded for this).
     */
    int[] storeRows(Scope scope) {
        int[] from = switch (scope) {
            case DISPLAYED, MARKED -> model.displayedStoreRows();
            case SELECTED -> table.getSelectionModel().getSelectedIndices().stream()
                    .filter(i -> i >= 0 && i < table.getItems().size()).mapToInt(model::storeRow).toArray();
        };
        return Arrays.stream(from).filter(r -> (scope != Scope.MARKED || marks.isMarked(r)) && !marks.isIgnored(r))
                .sorted().toArray();
    }

    /** Writes the scope's messages to a file; returns what the status line says. */
    String export(Scope scope, Format format, Path file) throws IOException {
        return write(vm.session().store(), storeRows(scope), format, file);
    }

    /** Writes these store rows' frames (any thread: the frames are read and decoded here). */
    static String write(CaptureStore store, int[] rows, Format format, Path file) throws IOException {
        int[] frames = Arrays.stream(rows).map(store::frameOfRow).distinct().sorted().toArray();
        switch (format) {
            case PCAPNG, PCAP -> CaptureSaver.save(store, file,
                    format == Format.PCAP ? CaptureFormat.PCAP : CaptureFormat.PCAPNG, frames);
            case TEXT, JSON -> Files.writeString(file, Export.render(store, frames, format == Format.JSON));
        }
        return "Exported " + rows.length + (rows.length == 1 ? " message" : " messages") + " in " + frames.length
                + (frames.length == 1 ? " frame" : " frames") + " to " + file.getFileName();
    }

    /** Asks which messages and what format, then where; writes and says so. */
    void show() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export Specified Messages");
        dialog.setHeaderText("Which messages, in what form");
        ToggleGroup which = new ToggleGroup();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        int line = 0;
        for (Scope s : Scope.values()) {
            int rows = storeRows(s).length;
            RadioButton b = new RadioButton(s.label);
            b.setId("export-" + s.name().toLowerCase(Locale.ROOT));
            b.setUserData(s);
            b.setToggleGroup(which);
            b.setDisable(rows == 0);
            grid.add(b, 0, line);
            grid.add(new Label(rows + " messages"), 1, line++);
        }
        which.getToggles().stream().filter(t -> !((RadioButton) t).isDisabled()).findFirst().ifPresent(which::selectToggle);
        ChoiceBox<Format> format = new ChoiceBox<>();
        format.setId("exportFormat");
        format.getItems().setAll(Format.values());
        format.setValue(Format.PCAPNG);
        grid.add(new Label("Format:"), 0, line);
        grid.add(format, 1, line++);
        Label ignored = new Label(marks.ignoredCount() == 0 ? "" : "Ignored messages are left out.");
        grid.add(ignored, 0, line, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(export).disableProperty().bind(which.selectedToggleProperty().isNull());
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != export) {
            return;
        }
        Scope scope = (Scope) which.getSelectedToggle().getUserData();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + scope.label.toLowerCase(Locale.ROOT) + " messages");
        Path folder = vm.saving().dialogFolder(true);
        if (folder != null && folder.toFile().isDirectory()) {
            fc.setInitialDirectory(folder.toFile());
        }
        fc.setInitialFileName("messages." + format.getValue().extension);
        java.io.File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        // text and JSON decode every frame written: off the FX thread
        CaptureStore store = vm.session().store();
        int[] rows = storeRows(scope);
        Format as = format.getValue();
        note.accept("Exporting " + rows.length + " messages…");
        vm.runner().background("export", () -> {
            try {
                String said = write(store, rows, as, f.toPath());
                vm.runner().ui(() -> note.accept(said));
            } catch (IOException | RuntimeException e) {
                vm.runner().ui(() -> vm.showBanner("error", "Could not write " + f + ": " + e.getMessage()));
            }
        });
    }
}
