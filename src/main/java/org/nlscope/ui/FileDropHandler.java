package org.nlscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;

/** Opens a capture file dropped on the window (the first one, when several are dropped). */
final class FileDropHandler {

    private FileDropHandler() {
    }

    static void install(Node target, Consumer<Path> open) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean opened = files != null && !files.isEmpty();
            if (opened) {
                open.accept(files.get(0).toPath());
            }
            e.setDropCompleted(opened);
            e.consume();
        });
    }
}
