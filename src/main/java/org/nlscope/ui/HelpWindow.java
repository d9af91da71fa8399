package org.nlscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.nlscope.decode.Dissector;

/** The Help menu's pages: the display filter reference, the keyboard shortcuts, About. */
final class HelpWindow {

    static final String FILTER_REFERENCE = "/ui/filter-reference.txt";

    /** Keys that work without a menu item (in the table, the find bar, the filter field). */
    private static final List<String[]> OTHER_KEYS = List.of(
            new String[] {"Enter / Shift+Enter", "Find bar: next / previous match"},
            new String[] {"Escape", "Find bar: close; filter field: close the completions"},
            new String[] {"Tab, Down, Enter", "Filter field: take a completion"},
            new String[] {"Enter", "Filter field: apply the filter"},
            new String[] {"Up / Down, Page Up / Down", "Table: move the selection"},
            new String[] {"Shift+click, Ctrl+click", "Table: select several messages"});

    private HelpWindow() {
    }

    static Stage filterReference(Stage owner) {
        return page(owner, "filterReference", "Display Filter Reference — nlscope", read(FILTER_REFERENCE), 760, 620);
    }

    /** Help > Keyboard Shortcuts: every menu item with a key, read from the menus themselves. */
    static Stage shortcuts(Stage owner, MenuBar menus) {
        return page(owner, "shortcuts", "Keyboard Shortcuts — nlscope", shortcutText(menus), 620, 640);
    }

    static String shortcutText(MenuBar menus) {
        StringBuilder out = new StringBuilder("KEYBOARD SHORTCUTS\n");
        for (Menu m : menus.getMenus()) {
            StringBuilder section = new StringBuilder();
            keys(m.getItems(), section);
            if (section.length() > 0) {
                out.append('\n').append(plain(m.getText()).toUpperCase(java.util.Locale.ROOT)).append('\n').append(section);
            }
        }
        out.append("\nWITHOUT A MENU ITEM\n");
        OTHER_KEYS.forEach(k -> out.append(String.format("  %-26s %s%n", k[0], k[1])));
        return out.toString();
    }

    private static void keys(List<MenuItem> items, StringBuilder out) {
        for (MenuItem i : items) {
            if (i instanceof Menu sub) {
                keys(sub.getItems(), out);
            } else if (i.getAccelerator() != null) {
                out.append(String.format("  %-26s %s%n", i.getAccelerator().getDisplayText(), plain(i.getText())));
            }
        }
    }

    /** Help > About: the version, the runtime and the dissectors loaded. */
    static Stage about(Stage owner, Collection<Dissector> dissectors) {
        return page(owner, "about", "About nlscope", aboutText(dissectors), 560, 480);
    }

    static String aboutText(Collection<Dissector> dissectors) {
        List<String> keys = dissectors.stream().map(d -> d.key().isGenl() ? "NETLINK_GENERIC " + d.key().genlFamily()
                : org.nlscope.decode.NetlinkFamilies.name(d.key().netlinkFamily())).sorted().toList();
        return "nlscope " + org.nlscope.cli.Version.version() + "\n"
                + "A netlink traffic debugger: capture, decode, filter and pair what processes say to the kernel.\n\n"
                + "Java     " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")\n"
                + "JavaFX   " + System.getProperty("javafx.runtime.version", "?") + "\n"
                + "OS       " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n\n"
                + "Dissectors loaded (" + keys.size() + "):\n"
                + keys.stream().map(k -> "  " + k).collect(Collectors.joining("\n")) + "\n";
    }

    private static Stage page(Stage owner, String id, String title, String content, double w, double h) {
        TextArea text = new TextArea(content);
        text.setId(id);
        text.setEditable(false);
        text.setWrapText(true);
        text.setStyle("-fx-font-family: monospace;");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        stage.setScene(new Scene(text, w, h));
        return stage;
    }

    private static String plain(String menuText) {
        return menuText.replace("__", "\u0000").replace("_", "").replace('\u0000', '_');
    }

    static String read(String resource) {
        try (InputStream in = HelpWindow.class.getResourceAsStream(resource)) {
            return in == null ? "This build lacks " + resource + "." : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "Could not read " + resource + ": " + e.getMessage();
        }
    }
}
