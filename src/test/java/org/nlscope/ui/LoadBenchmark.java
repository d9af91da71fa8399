package org.nlscope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.nlscope.session.EngineDecoding;

/**
 * Not a test: opens a big capture in the real window and prints how soon the first rows
 * show, how long the whole load takes, and the longest the FX thread went without a pulse
 * while the file loaded and the table was scrolled. Run under Xvfb:
 * {@code xvfb-run -a java -cp ... org.nlscope.ui.LoadBenchmark FILE}.
 */
public final class LoadBenchmark {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private long openedAt;
        private volatile long firstRowsAt;
        private long lastPulse;
        private long worstGap;
        private long fxThreadId;
        private long fxCpuAtOpen;

        @Override
        public void start(Stage stage) {
            Path file = Path.of(getParameters().getRaw().get(0));
            MainWindow w = new MainWindow(stage, EngineDecoding.load(List.of()),
                    new RecentFiles(Path.of("target/bench-recent-files")));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (lastPulse != 0 && openedAt != 0) {
                        worstGap = Math.max(worstGap, now - lastPulse);
                    }
                    lastPulse = now;
                }
            }.start();
            w.model().displayed().addListener((ListChangeListener<Object>) c -> {
                if (firstRowsAt == 0 && !w.model().displayed().isEmpty()) {
                    firstRowsAt = System.nanoTime();
                    // the user scrolls away from the tail while the rest loads
                    w.table().scrollTo(w.model().displayed().size() / 2);
                }
            });
            fxThreadId = Thread.currentThread().getId();
            fxCpuAtOpen = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId);
            openedAt = System.nanoTime();
            w.open(file);
            new Thread(() -> {
                try {
                    int scrolls = 0;
                    while (true) {
                        CountDownLatch ping = new CountDownLatch(1);
                        long sent = System.nanoTime();
                        boolean[] busy = new boolean[1];
                        int target = scrolls++ * 997;
                        Platform.runLater(() -> {
                            busy[0] = w.isBusy();
                            int n = w.model().displayed().size();
                            if (n > 0) {
                                w.table().scrollTo(target % n);
                            }
                            ping.countDown();
                        });
                        ping.await(60, TimeUnit.SECONDS);
                        long rtt = System.nanoTime() - sent;
                        if (!busy[0]) {
                            break;
                        }
                        if (rtt > 200_000_000L) {
                            System.out.printf("slow FX round trip while loading: %.0f ms%n", rtt / 1e6);
                        }
                        Thread.sleep(50);
                    }
                    long done = System.nanoTime();
                    Thread.sleep(300);
                    Platform.runLater(() -> {
                        System.out.printf("frames %d, rows %d%n", w.store().frameCount(), w.store().size());
                        System.out.printf("first rows shown after %.0f ms%n", (firstRowsAt - openedAt) / 1e6);
                        System.out.printf("whole file loaded after %.0f ms%n", (done - openedAt) / 1e6);
                        long fxCpu = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId)
                                - fxCpuAtOpen;
                        System.out.printf("FX thread CPU time during the load: %.0f ms; GC time so far: %d ms%n", fxCpu / 1e6,
                                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                                        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum());
                        System.out.printf("longest gap between FX pulses while loading and scrolling: %.0f ms%n",
                                worstGap / 1e6);
                        Platform.exit();
                    });
                } catch (InterruptedException e) {
                    Platform.exit();
                }
            }).start();
        }
    }
}
