package org.nlscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: opens the window on a capture and writes a PNG of it (docs/screenshot-*.png).
 * Arguments: FILE (or - for none) OUT.png ROW [FILTER [attr|stats]]. Runs under Xvfb, or
 * headless with Monocle: {@code scripts/screenshots} does the latter at both window sizes.
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
        @Override
        public void start(Stage stage) {
            List<String> a = getParameters().getRaw();
            MainWindow w = new MainWindow(stage, org.nlscope.session.EngineDecoding.load(List.of()),
                    new RecentFiles(Path.of("target/recent-files")));
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
                    while (true) {
                        java.util.concurrent.CompletableFuture<Boolean> busy = new java.util.concurrent.CompletableFuture<>();
                        Platform.runLater(() -> busy.complete(w.isBusy()
                                || w.model().displayed().size() < w.store().size()));
                        if (!busy.get()) {
                            break;
                        }
                        Thread.sleep(200);
                    }
                    Platform.runLater(() -> {
                        if (!filter.isEmpty()) {
                            w.filterBar().field().setText(filter);
                        }
                        w.table().getSelectionModel().select(select);
                        w.table().scrollTo(Math.max(0, select - 5));
                        w.table().requestFocus();
                    });
                    Thread.sleep(500);
                    Platform.runLater(() -> {
                        if (a.size() > 4 && a.get(4).equals("attr")) {
                            w.showOffendingAttribute();
                        }
                        if (a.size() > 4 && a.get(4).equals("stats")) {
                            w.showStatistics();
                        }
                    });
                    Thread.sleep(1500);
                    Platform.runLater(() -> {
                        javafx.stage.Window top = a.size() > 4 && a.get(4).equals("stats")
                                ? javafx.stage.Window.getWindows().get(javafx.stage.Window.getWindows().size() - 1) : stage;
                        if (System.getenv("NLSCOPE_DEBUG") != null) {
                            System.out.println("selected " + w.table().getSelectionModel().getSelectedIndices() + " rows " + w.table().lookupAll(".table-row-cell").stream().map(n -> ((javafx.scene.control.IndexedCell<?>) n).getIndex() + ":" + n.getPseudoClassStates() + n.getClass().getSimpleName()).toList());
                            for (javafx.scene.Node n : w.table().lookupAll(".table-row-cell")) {
                                if (((javafx.scene.control.TableRow<?>) n).getIndex() == w.table().getSelectionModel().getSelectedIndex()) {
                                    System.out.println(((javafx.scene.control.TableRow<?>) n).isSelected() + " " + w.table().getSelectionModel().getSelectedIndices() + " " + n.getPseudoClassStates() + " " + n.getStyleClass() + " " + ((javafx.scene.layout.Region) n).getBackground().getFills());
                                }
                            }
                        }
                        var img = top.getScene().snapshot(null);
                        try {
                            javax.imageio.ImageIO.write(toAwt(img), "png", new File(a.get(1)));
                        } catch (Exception e) {
                            e.printStackTrace();
                        }
                        Platform.exit();
                    });
                } catch (Exception e) {
                    Platform.exit();
                }
            }).start();
        }
    }
}
