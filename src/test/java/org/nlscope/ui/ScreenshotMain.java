package org.nlscope.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Not a test: opens the window on a capture, brings it to a state and pictures it for the
 * README (docs/screenshot-*.png). Arguments: FILE (or - for none) OUT.png ROW [FILTER [MODE]],
 * MODE one of attr (Show Offending Attribute), stats, find (the find bar, marks), colouring
 * (the rules dialog), dark (the dark theme). With {@code -Dnlscope.shot=x11} it prints READY
 * once the window is ready and waits, for {@code scripts/screenshots} to take the real X
 * window under Xvfb; else it writes a snapshot of the scene (Monocle, headless).
 */
public final class ScreenshotMain {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    static java.awt.image.BufferedImage toAwt(javafx.scene.image.Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var reader = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        return out;
    }

    public static final class App extends Application {
        private MainWindow w;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> a = getParameters().getRaw();
            // settings of their own, so one picture's theme or columns never leak into the next
            Path config = Files.createTempDirectory("nlscope-shot");
            w = new MainWindow(stage, org.nlscope.session.EngineDecoding.load(List.of()),
                    new RecentFiles(config.resolve("recent-files")));
            String mode = a.size() > 4 ? a.get(4) : "";
            if (mode.equals("dark")) {
                w.options().theme().setDark(true);
            }
            stage.show();
            if (a.get(0).equals("-")) {
                w.viewModel().live().check(); // the first start: no file, the banner says what live capture needs
            } else {
                w.open(Path.of(a.get(0)));
            }
            String filter = a.size() > 3 ? a.get(3) : "";
            int select = Integer.parseInt(a.get(2));
            new Thread(() -> {
                try {
                    Thread.sleep(1500);
                    while (onFx(() -> w.isBusy() || w.model().displayed().size() < w.store().size())) {
                        Thread.sleep(200);
                    }
                    onFx(() -> {
                        if (!filter.isEmpty()) {
                            w.filterBar().apply(filter);
                        }
                        return null;
                    });
                    Thread.sleep(700);
                    onFx(() -> {
                        w.table().getSelectionModel().select(select);
                        w.table().scrollTo(Math.max(0, select - 5));
                        w.table().requestFocus();
                        return null;
                    });
                    Thread.sleep(500);
                    onFx(() -> {
                        arrange(mode, select);
                        return null;
                    });
                    Thread.sleep(1500);
                    if ("x11".equals(System.getProperty("nlscope.shot"))) {
                        System.out.println("READY");
                        System.out.flush();
                        return; // scripts/screenshots takes the X screen, then ends the app
                    }
                    onFx(() -> {
                        Window top = mode.equals("stats") || mode.equals("colouring")
                                ? Window.getWindows().get(Window.getWindows().size() - 1) : stage;
                        javax.imageio.ImageIO.write(toAwt(top.getScene().snapshot(null)), "png", new File(a.get(1)));
                        return null;
                    });
                } catch (Exception e) {
                    e.printStackTrace();
                }
                Platform.exit();
            }).start();
        }

        private void arrange(String mode, int select) {
            switch (mode) {
                case "attr" -> w.navigator().showOffendingAttribute();
                case "stats" -> w.showStatistics();
                case "colouring" -> w.options().showColouring();
                case "find" -> {
                    w.marks().toggleMarked(List.of(w.table().getItems().get(Math.max(0, select - 2))));
                    w.findBar().open();
                    w.findBar().mode().setValue(Finder.Mode.TEXT);
                    w.findBar().field().setText("vxlan");
                    w.table().getSelectionModel().clearSelection();
                    w.findBar().find(1);
                }
                default -> {
                }
            }
        }

        private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
            CompletableFuture<T> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(c.call());
                } catch (Exception e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get();
        }
    }
}
