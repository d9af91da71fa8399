package org.nlscope.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.nlscope.session.replay.Replay;

/** The tool bar: capture, files, replay (speed, pause), follow, statistics; enabled as the view model says. */
final class MainToolBar {

    final ToolBar bar;
    final ToggleButton follow = new ToggleButton("Follow");
    final ToggleButton pause = new ToggleButton("Pause");

    MainToolBar(MainWindow w, MainViewModel vm) {
        Button start = button("Start", "startButton", "Capture netlink messages live (Ctrl+E); Capture > Options (Ctrl+K) picks a network namespace or processes",
                w::startCapture);
        Button stop = button("Stop", "stopButton", "Stop the capture, replay or loading", w::stop);
        Button open = button("Open", "openButton", "Open a pcap or pcapng file (Ctrl+O)", w.files()::chooseAndOpen);
        Button save = button("Save", "saveButton", "Save the capture as pcapng or pcap (Ctrl+S)", w.files()::save);
        ChoiceBox<Replay.Speed> speed = new ChoiceBox<>();
        speed.setId("speedChoice");
        speed.getItems().setAll(Replay.Speed.values());
        speed.setTooltip(new Tooltip("Replay speed"));
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Replay.Speed s) {
                return s == null ? "" : ReplayControl.speedLabel(s);
            }

            @Override
            public Replay.Speed fromString(String text) {
                return null;
            }
        });
        speed.valueProperty().bindBidirectional(vm.replays().speedProperty());
        Button replay = button("Replay…", "replayButton", "Replay a saved capture into the live view",
                () -> w.files().chooseAndReplay(speed.getValue()));
        pause.setId("pauseButton");
        pause.setTooltip(new Tooltip("Pause the replay; Resume goes on where it stopped"));
        pause.setOnAction(e -> vm.replays().setPaused(pause.isSelected()));
        vm.pausedProperty().addListener((o, was, now) -> pause.setSelected(now));
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(vm.replayingProperty().not());
        follow.setId("followButton");
        follow.setTooltip(new Tooltip("Keep the newest message in view"));
        Button stats = button("Statistics", "statsButton", "Messages over time, by type, errors (Ctrl+I)",
                w::showStatistics);
        start.disableProperty().bind(vm.busyProperty());
        stop.disableProperty().bind(vm.busyProperty().not());
        bar = new ToolBar(start, stop, new Separator(), open, save, new Separator(), replay, speed, pause,
                new Separator(), follow, stats);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
