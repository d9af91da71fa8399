package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.nlscope.session.EngineDecoding;

/**
 * Not a test: the figure behind {@code scripts/bench-gui}. Opens FILE in the real window and
 * prints, as its last line, {@code loaded N messages in T ms, first rows after F ms, longest FX
 * stall S ms, RSS R MB}.
 *
 * <p>The stall is measured on the FX thread itself: an {@link AnimationTimer} runs at every pulse
 * (60 a second when idle) and records the longest gap between two pulses from the open to the
 * end of the load; meanwhile the table is scrolled to a new place every 50 ms, as a user
 * scrolling while the file loads. First rows: the first pulse at which the table lays out a
 * row. RSS: the process's peak resident set (VmHWM).
 */
public final class GuiBench {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private long openedAt;
        private long firstRowsAt;
        private long lastPulse;
        private long worstGap;
        private volatile boolean measuring = true;

        @Override
        public void start(Stage stage) throws IOException {
            Path file = Path.of(getParameters().getRaw().get(0));
            Path recent = Files.createTempFile("nlscope-bench-recent", "");
            MainWindow w = new MainWindow(stage, EngineDecoding.load(List.of()), new RecentFiles(recent));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (!measuring) {
                        stop();
                        return;
                    }
                    long t = System.nanoTime();
                    if (lastPulse != 0) {
                        worstGap = Math.max(worstGap, t - lastPulse);
                    }
                    lastPulse = t;
                    if (firstRowsAt == 0 && w.table().lastVisibleIndex() >= 0) {
                        firstRowsAt = t;
                    }
                }
            }.start();
            openedAt = System.nanoTime();
            w.open(file);
            Thread driver = new Thread(() -> drive(w, recent), "bench-driver");
            driver.setDaemon(true);
            driver.start();
        }

        /** Scrolls while the file loads, then prints the figures and exits. */
        private void drive(MainWindow w, Path recent) {
            try {
                for (int step = 1; ; step++) {
                    int target = step * 997;
                    CompletableFuture<Boolean> busy = new CompletableFuture<>();
                    Platform.runLater(() -> {
                        int n = w.table().getItems().size();
                        if (n > 0) {
                            w.table().scrollTo(target % n);
                        }
                        busy.complete(w.isBusy() || firstRowsAt == 0);
                    });
                    if (!busy.get(120, TimeUnit.SECONDS)) {
                        break;
                    }
                    Thread.sleep(50);
                }
                long loaded = System.nanoTime();
                CompletableFuture<String> line = new CompletableFuture<>();
                Platform.runLater(() -> {
                    measuring = false;
                    line.complete(String.format("loaded %d messages in %.0f ms, first rows after %.0f ms,"
                                    + " longest FX stall %.0f ms, RSS %d MB",
                            w.store().size(), (loaded - openedAt) / 1e6, (firstRowsAt - openedAt) / 1e6,
                            worstGap / 1e6, peakRssMb()));
                });
                System.out.printf("frames %d, rows shown %d%n", w.store().frameCount(), w.table().getItems().size());
                System.out.println(line.get(60, TimeUnit.SECONDS));
                Files.deleteIfExists(recent);
            } catch (Exception e) {
                System.out.println("bench-gui: " + e);
            } finally {
                Platform.exit();
                System.exit(0);
            }
        }
    }

    /** The peak resident set of this process, from /proc (VmHWM). */
    static long peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
