package org.nlscope.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * View > Theme: light (modena with main.css) or dark (dark.css on top), for every window of
 * the app, the dialogs opened later too; saved in the {@link Settings}.
 */
final class Theme {

    static final String KEY = "view.theme";
    static final String MAIN = "/ui/main.css";
    static final String DARK = "/ui/dark.css";

    private final Settings settings;
    private final HexView hex;
    private boolean dark;

    Theme(Settings settings, HexView hex) {
        this.settings = settings;
        this.hex = hex;
        this.dark = "dark".equals(settings.get(KEY, "light"));
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(w -> style(w.getScene()));
            }
        });
    }

    boolean isDark() {
        return dark;
    }

    void setDark(boolean on) {
        dark = on;
        settings.put(KEY, on ? "dark" : "light");
        Window.getWindows().forEach(w -> style(w.getScene()));
        hex.setPalette(on ? HexView.DARK : HexView.LIGHT);
    }

    /** Gives a scene the app's stylesheets for the theme in force. */
    void style(Scene scene) {
        if (scene == null) {
            return;
        }
        String main = url(MAIN);
        String darkSheet = url(DARK);
        if (!scene.getStylesheets().contains(main)) {
            scene.getStylesheets().add(0, main);
        }
        scene.getStylesheets().remove(darkSheet);
        if (dark) {
            scene.getStylesheets().add(darkSheet);
        }
        if (scene.getRoot() != null) {
            scene.getRoot().lookupAll(".hex-view").forEach(n -> ((HexView) n).setPalette(dark ? HexView.DARK : HexView.LIGHT));
        }
    }

    private static String url(String resource) {
        return Theme.class.getResource(resource).toExternalForm();
    }
}
