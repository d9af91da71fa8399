package org.nlscope.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.EngineDecoding;

/**
 * Not a test: the desktop app's live view fed at rate, as {@code nlscope capture -w - | nlscope gui -}
 * feeds it. The real window (headless, Monocle) starts a live capture of a pcapng stream read
 * from a real pipe (through {@code cat}); a feeder writes the recorded captures' frames into it,
 * restamped, at RATE frames a second for SECONDS, flushed every 10 ms as the capture helper
 * flushes per ring block. Prints, as its last line, {@code fed N frames at R/s for S s: shown M
 * in the table (store K) W ms after the last; longest FX stall X ms meanwhile}.
 *
 * <p>The stall is measured on the FX thread itself: an {@link AnimationTimer} runs at every pulse
 * and records the longest gap between two pulses from the start to the last frame shown.
 *
 * <p>Usage: {@code scripts/bench-live [RATE [SECONDS]]}, or {@code LiveRateBench [RATE [SECONDS]]} (defaults 3000
 * and 20); run it alone
 * ({@code /work/bin/heavy --solo}).
 */
public final class LiveRateBench {
    private static final Path CAPTURES = Path.of("src/test/resources/captures");
    private static final CompletableFuture<String> RESULT = new CompletableFuture<>();
    private static int rate = 3000;
    private static int seconds = 20;

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            rate = Integer.parseInt(args[0]);
        }
        if (args.length > 1) {
            seconds = Integer.parseInt(args[1]);
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Thread app = new Thread(() -> Application.launch(App.class), "bench-fx");
        app.setDaemon(true);
        app.start();
        System.out.println(RESULT.get(seconds + 300L, TimeUnit.SECONDS));
        System.exit(0);
    }

    private LiveRateBench() {
    }

    /** Every netlink frame of the recorded captures, in file order. */
    static List<Frame> recordedFrames() throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(CAPTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pcapng") || p.toString().endsWith(".pcap")).sorted()
                    .toList()) {
                try (CaptureReader r = CaptureReader.open(f)) {
                    Frame frame;
                    while ((frame = r.next()) != null) {
                        if (frame.linkType() == LinkType.NETLINK) {   // what nlmon captures
                            frames.add(frame);
                        }
                    }
                } catch (org.nlscope.pcap.CaptureFileException damaged) {
                    // the captures of damaged files are there to be refused; the others feed
                }
            }
        }
        return frames;
    }

    public static final class App extends Application {
        private volatile boolean measuring = true;
        private volatile long lastPulse;
        private volatile long worstGap;

        @Override
        public void start(Stage stage) throws Exception {
            List<Frame> frames = recordedFrames();
            Process cat = new ProcessBuilder("cat").start();
            StdinCapture launcher = new StdinCapture(cat.getInputStream());
            Path dir = Files.createTempDirectory("nlscope-live-bench");
            MainViewModel vm = new MainViewModel(EngineDecoding.load(List.of()), new RecentFiles(dir.resolve("recent")),
                    TaskRunner.fx(), launcher);
            MainWindow w = new MainWindow(stage, vm, new RecentFiles(dir.resolve("recent")));
            w.setAutosaveDirectory(dir.resolve("autosave"));
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
                }
            }.start();
            w.viewModel().live().start();
            Thread feeder = new Thread(() -> {
                try {
                    RESULT.complete(feed(w, frames, cat.getOutputStream()));
                } catch (Throwable t) {
                    t.printStackTrace();
                    RESULT.complete("failed: " + t);
                }
            }, "bench-feeder");
            feeder.setDaemon(true);
            feeder.start();
        }

        private String feed(MainWindow w, List<Frame> frames, OutputStream pipe) throws Exception {
            long total = (long) rate * seconds;
            long start;
            try (CaptureWriter out = CaptureWriter.create(pipe, CaptureFormat.PCAPNG)) {
                out.flush();   // the stream's header: the capture starts once it has read it
                while (!fx(() -> w.viewModel().activityProperty().get().startsWith("Capturing"))) {
                    Thread.sleep(20);
                }
                start = System.nanoTime();
                lastPulse = 0;
                worstGap = 0;
                long fed = 0;
                while (fed < total) {
                    long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
                    for (; fed < due; fed++) {
                        Frame f = frames.get((int) (fed % frames.size()));
                        out.write(new Frame(System.currentTimeMillis() * 1_000_000L, f.linkType(), f.data(),
                                f.originalLength(), f.packetType(), null));
                    }
                    out.flush();
                    Thread.sleep(10);
                }
            }
            long fedAt = System.nanoTime();
            long deadline = fedAt + TimeUnit.SECONDS.toNanos(120);
            int shown = 0;
            while (System.nanoTime() < deadline && (shown = fx(() -> w.model().displayed().size())) < total) {
                Thread.sleep(10);
            }
            long shownAt = System.nanoTime();
            measuring = false;
            int stored = fx(() -> w.store().frameCount());
            double secs = (fedAt - start) / 1e9;
            return String.format(java.util.Locale.ROOT,
                    "fed %d frames at %.0f/s for %.1f s: shown %d in the table (store %d) %d ms after the last; "
                            + "longest FX stall %.0f ms meanwhile",
                    total, total / secs, secs, shown, stored, (shownAt - fedAt) / 1_000_000, worstGap / 1e6);
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
