package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.nlscope.session.MessageRow;
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
    private final Marks marks;
    private final MainViewModel vm;
    private final Consumer<String> note;

    ExportSpecified(Stage owner, MessageTable table, Marks marks, MainViewModel vm, Consumer<String> note) {
        this.owner = owner;
        this.table = table;
        this.marks = marks;
        this.vm = vm;
        this.note = note;
    }

    /** The messages a scope takes, in table order, the ignored ones left out. */
    List<MessageRow> rows(Scope scope) {
        List<MessageRow> from = switch (scope) {
            case DISPLAYED -> table.getItems();
            case SELECTED -> table.getSelectionModel().getSelectedItems();
            case MARKED -> marks.markedOf(table.getItems());
        };
        return from.stream().filter(r -> !marks.isIgnored(r)).sorted(java.util.Comparator.comparingInt(MessageRow::index))
                .toList();
    }

    /** Writes the scope's messages to a file; returns what the status line says. */
    String export(Scope scope, Format format, Path file) throws IOException {
        CaptureStore store = vm.session().store();
        List<MessageRow> rows = rows(scope);
        int[] frames = rows.stream().mapToInt(MessageRow::frameNumber).distinct().sorted().toArray();
        switch (format) {
            case PCAPNG, PCAP -> CaptureSaver.save(store, file,
                    format == Format.PCAP ? CaptureFormat.PCAP : CaptureFormat.PCAPNG, frames);
            case TEXT, JSON -> Files.writeString(file, Export.render(store, rows, format == Format.JSON));
        }
        return "Exported " + rows.size() + (rows.size() == 1 ? " message" : " messages") + " in " + frames.length
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
            List<MessageRow> rows = rows(s);
            RadioButton b = new RadioButton(s.label);
            b.setId("export-" + s.name().toLowerCase(Locale.ROOT));
            b.setUserData(s);
            b.setToggleGroup(which);
            b.setDisable(rows.isEmpty());
            grid.add(b, 0, line);
            grid.add(new Label(rows.size() + " messages"), 1, line++);
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
        try {
            note.accept(export(scope, format.getValue(), f.toPath()));
        } catch (IOException | RuntimeException e) {
            vm.showBanner("error", "Could not write " + f + ": " + e.getMessage());
        }
    }
}
