package org.nlscope.ui;

import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.nlscope.session.replay.Replay;

/** The main window's menu bar: File, Edit, View, Capture. Every item calls the window. */
final class MainMenu {

    private MainMenu() {
    }

    static MenuBar build(MainWindow w, RecentFiles recent) {
        Menu recentMenu = new Menu("Open _Recent");
        recentMenu.getItems().add(new MenuItem()); // a submenu with no items never shows
        recentMenu.setOnShowing(e -> fillRecent(recentMenu, recent, w));
        Menu file = new Menu("_File", null,
                item("_Open…", "Shortcut+O", w::chooseAndOpen),
                recentMenu,
                new SeparatorMenuItem(),
                item("_Save", "Shortcut+S", w::save),
                item("Save _As…", "Shortcut+Shift+S", w::saveAs),
                new SeparatorMenuItem(),
                item("Export Selected as _Text…", null, () -> w.exportSelected(false)),
                item("Export Selected as _JSON…", null, () -> w.exportSelected(true)),
                item("Export for _Bug Report…", null, w::exportForBugReport),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", w::quit));
        file.setId("fileMenu");

        Menu edit = new Menu("_Edit", null,
                item("Copy as _Text", "Shortcut+C", () -> w.copySelected(false)),
                item("Copy as _JSON", "Shortcut+Shift+C", () -> w.copySelected(true)),
                new SeparatorMenuItem(),
                item("_Filter…", "Shortcut+F", w::focusFilter));

        Menu go = new Menu("_Go", null,
                item("Go to _Packet…", "Shortcut+G", w::goToPacket),
                new SeparatorMenuItem(),
                item("Go to _Request", "Alt+Up", w::goToRequest),
                item("Go to Res_ponse", "Alt+Down", w::goToResponse),
                new SeparatorMenuItem(),
                item("_First Error", "Shortcut+F8", () -> w.goToError(0)),
                item("_Next Error", "F8", () -> w.goToError(1)),
                item("Pre_vious Error", "Shift+F8", () -> w.goToError(-1)));

        CheckMenuItem absolute = new CheckMenuItem("_Absolute Time");
        absolute.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        absolute.selectedProperty().addListener((o, a, on) -> w.table().setAbsoluteTime(on));
        Menu view = new Menu("_View", null, absolute, new SeparatorMenuItem(),
                item("_Statistics…", "Shortcut+I", w::showStatistics));

        Menu capture = new Menu("_Capture", null,
                item("_Start Live Capture", "Shortcut+E", w::startCapture),
                item("S_top", "Shortcut+Shift+E", w::stop),
                new SeparatorMenuItem(),
                item("Replay File at _1x…", null, () -> w.chooseAndReplay(Replay.Speed.ONE_X)),
                item("Replay File at 1_0x…", null, () -> w.chooseAndReplay(Replay.Speed.TEN_X)),
                item("Replay File at _Full Speed…", null, () -> w.chooseAndReplay(Replay.Speed.FULL)),
                new SeparatorMenuItem(),
                item("Open S_ample Capture", null, w::openSample));
        Menu help = new Menu("_Help", null,
                item("Display _Filter Reference", "F1", w::showFilterHelp));
        return new MenuBar(file, edit, view, go, capture, help);
    }

    /** The table's context menu. */
    static ContextMenu tableMenu(MainWindow w) {
        return new ContextMenu(
                item("Go to Request", null, w::goToRequest),
                item("Go to Response", null, w::goToResponse),
                new SeparatorMenuItem(),
                item("Copy as Text", null, () -> w.copySelected(false)),
                item("Copy as JSON", null, () -> w.copySelected(true)));
    }

    /** The recent list is read when the submenu opens, so it is never stale. */
    private static void fillRecent(Menu menu, RecentFiles recent, MainWindow w) {
        menu.getItems().clear();
        for (Path p : recent.list()) {
            menu.getItems().add(item(p.toString().replace("_", "__"), null, () -> w.open(p)));
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No files opened yet");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
