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
 *
 * <p>With {@code -Dbench.stalls=true} it also says what the FX thread was doing while it stalled:
 * a sampler thread takes the FX thread's stack every few milliseconds once a pulse is late,
 * and the most frequent stacks are printed to stderr at the end.
 */
public final class GuiBench {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private long openedAt;
        private long firstRowsAt;
        private long firstIndexedAt;
        private long firstItemsAt;
        private long lastPulse;
        private long worstGap;
        private volatile boolean measuring = true;
        private volatile Thread fxThread;
        private volatile long lastPulseSeen;
        private final java.util.Map<String, Integer> stallStacks = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<String, Integer> stallMethods = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger stallSamples = new java.util.concurrent.atomic.AtomicInteger();

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
                    fxThread = Thread.currentThread();
                    lastPulseSeen = t;
                    if (lastPulse != 0) {
                        worstGap = Math.max(worstGap, t - lastPulse);
                    }
                    lastPulse = t;
                    if (firstIndexedAt == 0 && w.store().size() > 0) {
                        firstIndexedAt = t;
                    }
                    if (firstItemsAt == 0 && !w.table().getItems().isEmpty()) {
                        firstItemsAt = t;
                    }
                    if (firstRowsAt == 0 && w.table().lastVisibleIndex() >= 0) {
                        firstRowsAt = t;
                    }
                }
            }.start();
            openedAt = System.nanoTime();
            w.open(file);
            if (Boolean.getBoolean("bench.stalls")) {
                Thread sampler = new Thread(this::sampleStalls, "bench-stall-sampler");
                sampler.setDaemon(true);
                sampler.start();
            }
            Thread driver = new Thread(() -> drive(w, recent), "bench-driver");
            driver.setDaemon(true);
            driver.start();
        }

        /** While a pulse is more than 50 ms late, counts the FX thread's stack (its top frames) every 5 ms. */
        private void sampleStalls() {
            while (measuring) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                Thread fx = fxThread;
                if (fx == null || System.nanoTime() - lastPulseSeen < 50_000_000L) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                int shown = 0;
                for (StackTraceElement e : fx.getStackTrace()) {
                    boolean ours = e.getClassName().startsWith("org.nlscope");
                    if (shown < 8 || ours && shown < 16) {
                        key.append("\n    ").append(e.getClassName()).append('.').append(e.getMethodName())
                                .append(':').append(e.getLineNumber());
                        shown++;
                    }
                }
                stallStacks.merge(key.toString(), 1, Integer::sum);
                stallSamples.incrementAndGet();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (StackTraceElement e : fx.getStackTrace()) {
                    String m = e.getClassName().replaceAll("\\$\\$Lambda.*", "") + "." + e.getMethodName();
                    if (m.startsWith("org.nlscope") && seen.add(m)) {
                        stallMethods.merge(m, 1, Integer::sum);
                    }
                }
            }
        }

        private void printStalls() {
            if (stallStacks.isEmpty()) {
                return;
            }
            System.err.printf("first row indexed after %.0f ms, first rows handed to the table after %.0f ms%n",
                    (firstIndexedAt - openedAt) / 1e6, (firstItemsAt - openedAt) / 1e6);
            System.err.println("FX thread while stalled: " + stallSamples + " samples of 5 ms; nlscope methods on the stack:");
            stallMethods.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                    .forEach(e -> System.err.println("  " + e.getValue() + " " + e.getKey()));
            System.err.println("stacks:");
            stallStacks.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                    .forEach(e -> System.err.println("  " + e.getValue() + e.getKey()));
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
                printStalls();
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
