package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.ui.Fx.fx;
import static org.nlscope.ui.Fx.run;

import java.nio.file.Files;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help > Keyboard Shortcuts and About, and View > Theme > Dark for every window, saved. */
@ExtendWith(ApplicationExtension.class)
class HelpAndThemeTest {

    private MainWindow window;
    private RecentFiles recent;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        recent = new RecentFiles(Files.createTempDirectory("nlscope-help").resolve("recent-files"));
        window = new MainWindow(stage, MainWindowTest.DECODING, recent);
        stage.show();
    }

    private MenuItem menuItem(String text) {
        MenuBar bar = fx(() -> (MenuBar) stage.getScene().lookup(".menu-bar"));
        return fx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> text.equals(i.getText())).findFirst().orElseThrow());
    }

    private String pageText(String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w.getScene() != null
                        && w.getScene().lookup("#" + id) != null)
                .map(w -> ((TextArea) w.getScene().lookup("#" + id)).getText()).findFirst().orElseThrow());
    }

    @Test
    void theShortcutsPageListsEveryMenuKey() {
        run(() -> menuItem("_Keyboard Shortcuts").fire());
        String text = pageText("shortcuts");
        for (String line : new String[] {"Ctrl+G", "Go to Packet…", "Ctrl+F", "Find Packet…", "Ctrl+M", "Mark/Unmark Selected",
                                         "Ctrl+D", "F8", "Next Error", "Ctrl+Alt+4", "Time of Day", "Escape"}) {
            assertTrue(text.contains(line), line + " in\n" + text);
        }
        assertFalse(text.contains("_"), "mnemonics are not shown");
    }

    @Test
    void aboutNamesTheVersionsAndTheDissectors() {
        run(() -> menuItem("_About nlscope").fire());
        String text = pageText("about");
        int dissectors = MainWindowTest.DECODING.registry().all().size();
        assertTrue(dissectors > 0, "the built-in dissectors");
        assertTrue(text.startsWith("nlscope "), text);
        assertTrue(text.contains("Java     " + System.getProperty("java.version")), text);
        assertTrue(text.contains("JavaFX   " + System.getProperty("javafx.runtime.version")), text);
        assertTrue(text.contains("Dissectors loaded (" + dissectors + "):"), text);
        assertEquals(dissectors, text.lines().filter(l -> l.startsWith("  ")).count(), "one line a dissector");
    }

    @Test
    void theDarkThemeDressesEveryWindowAndIsSaved() {
        String dark = Theme.class.getResource(Theme.DARK).toExternalForm();
        assertFalse(fx(() -> stage.getScene().getStylesheets().contains(dark)));
        run(() -> window.options().theme().setDark(true));
        assertTrue(fx(() -> stage.getScene().getStylesheets().contains(dark)));
        assertEquals(HexView.DARK, fx(() -> window.detail().hex().palette()), "the hex canvas too");
        ColumnChooser later = fx(() -> window.options().showColumnChooser());
        assertTrue(fx(() -> later.stage().getScene().getStylesheets().contains(dark)), "a window opened later");
        // the table is drawn dark: modena's background colour of the root
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.paint.Paint fill = fx(() -> {
            javafx.scene.layout.Region root = (javafx.scene.layout.Region) stage.getScene().getRoot();
            root.applyCss();
            return root.getBackground().getFills().get(0).getFill();
        });
        assertTrue(((javafx.scene.paint.Color) fill).getBrightness() < 0.3, "dark background: " + fill);

        MainWindow next = fx(() -> new MainWindow(new Stage(), MainWindowTest.DECODING, recent));
        assertTrue(fx(() -> next.options().theme().isDark()), "saved for the next start");
        run(() -> window.options().theme().setDark(false));
        assertFalse(fx(() -> stage.getScene().getStylesheets().contains(dark)));
        run(() -> later.stage().close());
    }

    /** The prompt text of every field (filter, find) reads on its dark background: contrast 4.5 at least. */
    @Test
    void promptTextIsReadableInTheDarkTheme() {
        run(() -> window.options().theme().setDark(true));
        run(() -> window.findBar().open());
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.control.TextField field : new javafx.scene.control.TextField[] {
                window.filterBar().field(), window.findBar().field()}) {
            double ratio = fx(() -> {
                field.applyCss();
                field.layout();
                javafx.scene.text.Text prompt = field.lookupAll(".text").stream()
                        .filter(n -> n instanceof javafx.scene.text.Text t && field.getPromptText().equals(t.getText()))
                        .map(n -> (javafx.scene.text.Text) n).findFirst().orElseThrow();
                var fills = field.getBackground().getFills();
                javafx.scene.paint.Paint paint = fills.get(fills.size() - 1).getFill();
                // modena's inner background is a gradient that ends in -fx-control-inner-background
                javafx.scene.paint.Color back = paint instanceof javafx.scene.paint.LinearGradient g
                        ? g.getStops().get(g.getStops().size() - 1).getColor() : (javafx.scene.paint.Color) paint;
                return contrast((javafx.scene.paint.Color) prompt.getFill(), back);
            });
            assertTrue(ratio >= 4.5, field.getPromptText() + ": contrast " + ratio);
        }
        run(() -> window.options().theme().setDark(false));
    }

    /** WCAG contrast ratio of two colours. */
    static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
