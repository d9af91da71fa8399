package org.nlscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Not a test: opens the window on a capture under Xvfb and writes a PNG of it (docs/screenshot-main.png). */
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
            MainWindow w = new MainWindow(stage, () -> new org.nlscope.session.CaptureStore(NlscopeApp.decoding(List.of())),
                    new RecentFiles(Path.of("target/recent-files")));
            stage.show();
            w.open(Path.of(a.get(0)));
            String filter = a.size() > 3 ? a.get(3) : "";
            int select = Integer.parseInt(a.get(2));
            new Thread(() -> {
                try {
                    Thread.sleep(1500);
                    Platform.runLater(() -> {
                        if (!filter.isEmpty()) {
                            w.filterBar().field().setText(filter);
                        }
                        w.table().getSelectionModel().select(select);
                        w.table().scrollTo(Math.max(0, select - 5));
                    });
                    Thread.sleep(1500);
                    Platform.runLater(() -> {
                        var img = stage.getScene().snapshot(null);
                        try {
                            javax.imageio.ImageIO.write(toAwt(img), "png", new File(a.get(1)));
                        } catch (Exception e) {
                            e.printStackTrace();
                        }
                        Platform.exit();
                    });
                } catch (InterruptedException e) {
                    Platform.exit();
                }
            }).start();
        }
    }
}
