package org.nlscope.ui;

import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
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
                item("_Open…", "Shortcut+O", w.files()::chooseAndOpen),
                recentMenu,
                new SeparatorMenuItem(),
                item("_Save", "Shortcut+S", w.files()::save),
                item("Save _As…", "Shortcut+Shift+S", w.files()::saveAs),
                new SeparatorMenuItem(),
                item("_Export Specified Messages…", "Shortcut+Shift+X", () -> w.files().specified().show()),
                item("Export Selected as _Text…", null, () -> w.files().exportSelected(false)),
                item("Export Selected as _JSON…", null, () -> w.files().exportSelected(true)),
                item("Export for _Bug Report…", null, w.files()::exportForBugReport),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", w::quit));
        file.setId("fileMenu");

        Menu edit = new Menu("_Edit", null,
                item("Copy as _Text", "Shortcut+C", () -> w.files().copySelected(false)),
                item("Copy as _JSON", "Shortcut+Shift+C", () -> w.files().copySelected(true)),
                new SeparatorMenuItem(),
                item("_Find Packet…", "Shortcut+F", () -> w.findBar().open()),
                item("Find Ne_xt", "Shortcut+N", () -> w.findBar().find(1)),
                item("Find Pre_vious", "Shortcut+B", () -> w.findBar().find(-1)),
                new SeparatorMenuItem(),
                item("_Mark/Unmark Selected", "Shortcut+M", () -> w.toggleMark(false)),
                item("_Ignore/Unignore Selected", "Shortcut+D", () -> w.toggleMark(true)),
                item("U_nmark All", "Shortcut+Alt+M", () -> w.marks().unmarkAll()),
                new SeparatorMenuItem(),
                item("Display Fi_lter…", "Shortcut+Slash", w::focusFilter));

        Menu go = new Menu("_Go", null,
                item("Go to _Packet…", "Shortcut+G", w::goToPacket),
                new SeparatorMenuItem(),
                item("Go to _Request", "Alt+Up", w.navigator()::goToRequest),
                item("Go to Res_ponse", "Alt+Down", w.navigator()::goToResponse),
                new SeparatorMenuItem(),
                item("_First Error", "Shortcut+F8", () -> w.navigator().goToError(0)),
                item("_Next Error", "F8", () -> w.navigator().goToError(1)),
                item("Pre_vious Error", "Shift+F8", () -> w.navigator().goToError(-1)),
                new SeparatorMenuItem(),
                item("Next _Mark", "Shortcut+Shift+N", () -> w.navigator().goToMark(1, w.marks())),
                item("Previous M_ark", "Shortcut+Shift+B", () -> w.navigator().goToMark(-1, w.marks())));

        CheckMenuItem fold = new CheckMenuItem("_Fold ACKs and DONEs into Requests");
        fold.setId("foldAnswers");
        fold.setSelected(w.options().fold());
        fold.setOnAction(e -> w.options().setFold(fold.isSelected()));
        Menu view = new Menu("_View", null, timeFormats(w.options()), fold,
                item("_Columns…", null, () -> w.options().showColumnChooser()),
                item("Colouring _Rules…", null, () -> w.options().showColouring()),
                themes(w.options().theme()),
                new SeparatorMenuItem(),
                item("_Statistics…", "Shortcut+I", w::showStatistics));

        Menu capture = new Menu("_Capture", null,
                item("_Start Live Capture", "Shortcut+E", w::startCapture),
                item("_Options…", "Shortcut+K", () -> CaptureDialog.open(w.stage(), w.viewModel().live())),
                item("S_top", "Shortcut+Shift+E", w::stop),
                new SeparatorMenuItem(),
                item("Replay File at _1x…", null, () -> w.files().chooseAndReplay(Replay.Speed.ONE_X)),
                item("Replay File at 1_0x…", null, () -> w.files().chooseAndReplay(Replay.Speed.TEN_X)),
                item("Replay File at _Full Speed…", null, () -> w.files().chooseAndReplay(Replay.Speed.FULL)),
                new SeparatorMenuItem(),
                item("Open S_ample Capture", null, w::openSample));
        Menu help = new Menu("_Help", null,
                item("Display _Filter Reference", "F1", () -> HelpWindow.filterReference(w.stage()).show()));
        MenuBar bar = new MenuBar(file, edit, view, go, capture, help);
        help.getItems().addAll(
                item("_Keyboard Shortcuts", "Shortcut+Shift+K", () -> HelpWindow.shortcuts(w.stage(), bar).show()),
                new SeparatorMenuItem(),
                item("_About nlscope", null, () -> HelpWindow.about(w.stage(), w.viewModel().decoding().registry().all()).show()));
        return bar;
    }

    /** View > Time Display Format: one of {@link TimeFormat}, Ctrl+Alt+1 to 6 as in Wireshark. */
    private static Menu timeFormats(ViewOptions options) {
        Menu menu = new Menu("_Time Display Format");
        ToggleGroup group = new ToggleGroup();
        for (TimeFormat f : TimeFormat.values()) {
            RadioMenuItem item = new RadioMenuItem(f.menuText);
            item.setId("time-" + f.name());
            item.setToggleGroup(group);
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+" + (f.ordinal() + 1)));
            item.setSelected(f == options.timeFormat());
            item.setOnAction(e -> options.setTimeFormat(f));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** View > Theme: light or dark. */
    private static Menu themes(Theme theme) {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("_Light");
        RadioMenuItem dark = new RadioMenuItem("_Dark");
        light.setId("themeLight");
        dark.setId("themeDark");
        light.setToggleGroup(group);
        dark.setToggleGroup(group);
        (theme.isDark() ? dark : light).setSelected(true);
        light.setOnAction(e -> theme.setDark(false));
        dark.setOnAction(e -> theme.setDark(true));
        return new Menu("T_heme", null, light, dark);
    }

    /** The table's context menu. */
    static ContextMenu tableMenu(MainWindow w) {
        return new ContextMenu(
                item("Go to Request", null, w.navigator()::goToRequest),
                item("Go to Response", null, w.navigator()::goToResponse),
                new SeparatorMenuItem(),
                item("Copy as Text", null, () -> w.files().copySelected(false)),
                item("Copy as JSON", null, () -> w.files().copySelected(true)),
                new SeparatorMenuItem(),
                item("Mark/Unmark", null, () -> w.toggleMark(false)),
                item("Ignore/Unignore", null, () -> w.toggleMark(true)));
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
