package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.nlscope.model.DecodedFrame;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.export.DetailTree;
import org.nlscope.session.export.FrameJson;

/**
 * The selected messages as text to paste into a bug report: the frames they are in,
 * each once and in capture order, as the full detail tree ({@code read -V}) or as JSON
 * lines ({@code read --json}), to the clipboard or to a file.
 */
final class Export {

    private final MessageTable table;
    private final MainViewModel vm;
    private final Dialogs dialogs;
    private final Consumer<String> note;

    Export(MessageTable table, MainViewModel vm, Dialogs dialogs, Consumer<String> note) {
        this.table = table;
        this.vm = vm;
        this.dialogs = dialogs;
        this.note = note;
    }

    void copy(boolean json) {
        List<MessageRow> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (rows.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(render(vm.session().store(), rows, json));
        Clipboard.getSystemClipboard().setContent(content);
        note.accept("Copied " + rows.size() + (rows.size() == 1 ? " message" : " messages")
                + (json ? " as JSON" : " as text"));
    }

    void save(boolean json) {
        List<MessageRow> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (rows.isEmpty()) {
            vm.showBanner("info", "Select the messages to export first (Shift/Ctrl+click for several).");
            return;
        }
        Path f = dialogs.saveText("Export selected messages", vm.saving().dialogFolder(true),
                json ? "messages.json" : "messages.txt");
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f, render(vm.session().store(), rows, json));
            note.accept("Exported " + rows.size() + " messages to " + f.getFileName());
        } catch (IOException e) {
            vm.showBanner("error", "Could not write " + f + ": " + e.getMessage());
        }
    }

    static String render(CaptureStore store, List<MessageRow> rows, boolean json) {
        return render(store, rows.stream().mapToInt(MessageRow::frameNumber).distinct().sorted().toArray(), json);
    }

    /** These frames (ascending numbers), each as read -V or read --json prints it. */
    static String render(CaptureStore store, int[] frames, boolean json) {
        StringBuilder out = new StringBuilder();
        for (int number : frames) {
            DecodedFrame df = store.decoded(number);
            var context = store.context(number);
            if (json) {
                out.append(new FrameJson(context::process).toJson(df)).append('\n');
            } else {
                out.append(new DetailTree(context::process).toText(df));
            }
        }
        return out.toString();
    }
}
