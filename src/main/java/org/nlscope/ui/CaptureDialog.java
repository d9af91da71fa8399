package org.nlscope.ui;

import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Capture > Options…: what {@code nlscope capture} offers on its command line, for the desktop
 * app's live capture: a network namespace (the names {@code ip netns add} made are listed; a
 * path or a pid may be typed) and the processes whose traffic alone to keep.
 */
final class CaptureDialog {

    static final ButtonType START = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<CaptureChoices> dialog = new Dialog<>();
    private final ComboBox<String> netns = new ComboBox<>();
    private final TextField processes = new TextField();
    private final Label problem = new Label();

    CaptureDialog(Window owner, CaptureChoices last, java.util.List<String> namespaces) {
        dialog.initOwner(owner);
        dialog.setTitle("Capture Options");
        dialog.setHeaderText("Start a live capture of netlink messages");
        netns.setId("netnsChoice");
        netns.setEditable(true);
        netns.getItems().setAll(namespaces);
        netns.setPromptText("this one, or a name, /proc/PID/ns/net, a PID");
        netns.setPrefWidth(360);
        netns.getEditor().setText(last.netns() == null ? "" : last.netns());
        processes.setId("processesField");
        processes.setPromptText("all, or pids and names: 1234 NetworkManager");
        processes.setText(last.processesText());
        problem.setId("captureProblem");
        problem.getStyleClass().add("filter-bad-text");
        problem.getStyleClass().add("filter-feedback");
        Label note = new Label(namespaces.isEmpty() ? "No namespace under " + CaptureChoices.RUN_NETNS
                + " (ip netns add NAME makes one). A process's children count as it."
                : "A process's children count as it.");
        note.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Network namespace:"), netns);
        grid.addRow(1, new Label("Only these processes:"), processes);
        grid.add(note, 0, 2, 2, 1);
        grid.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(START, ButtonType.CANCEL);
        Node start = dialog.getDialogPane().lookupButton(START);
        start.setId("captureStart");
        start.addEventFilter(ActionEvent.ACTION, e -> {
            if (choices() == null) {
                e.consume(); // stays open, saying what is wrong
            }
        });
        dialog.setResultConverter(b -> b == START ? choices() : null);
    }

    /** The choices as typed, or null with the problem shown under them. */
    private CaptureChoices choices() {
        try {
            CaptureChoices c = CaptureChoices.parse(netns.getEditor().getText(), processes.getText());
            problem.setText("");
            return c;
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return null;
        }
    }

    /** Capture > Options…: the dialog over the window, with the last choices; Start starts the capture. */
    static CaptureDialog open(Window owner, LiveControl live) {
        CaptureDialog d = new CaptureDialog(owner, live.lastChoices(), CaptureChoices.namespaces(CaptureChoices.RUN_NETNS));
        d.show(live::start);
        return d;
    }

    /** Shows the dialog; {@code onStart} gets the choices when Start is pressed. */
    void show(Consumer<CaptureChoices> onStart) {
        dialog.setOnHidden(e -> {
            CaptureChoices c = dialog.getResult();
            if (c != null) {
                onStart.accept(c);
            }
        });
        dialog.show();
    }

    Dialog<CaptureChoices> dialog() {
        return dialog;
    }
}
