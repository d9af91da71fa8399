package org.nlscope.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.nlscope.session.EngineDecoding;

/**
 * For scripts/vm-capture-test, run there as an unprivileged user: the desktop app's real
 * window, headless under Monocle, starts a live capture the way its Start button does (so
 * through sudo and the capture helper), and stops it again. It talks to the script through
 * files in DIR: it writes {@code capturing} once frames may flow (with the window's status
 * and its child processes), waits for {@code stop}, stops the capture, waits for its children
 * to be gone, writes {@code attribution} (the banner on how the ports kept were attributed, when
 * only some processes were captured) and {@code stopped} (frames at the stop, children left, then
 * frames once the capture ended and the kernel's drop count, which scripts/vm-rate-bench reads),
 * and waits for {@code done}.
 * Exit 0 when all of that happened, 1 when the window said the capture could not start.
 *
 * <p>Usage: {@code PrivilegedCaptureDriver DIR [PROCESSES [NETNS]]}: the start dialog's two fields
 * (Capture > Options…), empty for everything here; DIR/autosave then holds the live capture's autosave.
 */
public final class PrivilegedCaptureDriver {
    private static final long WAIT_SECONDS = 600;
    private static Path dir;
    private static CaptureChoices choices = CaptureChoices.EVERYTHING;
    private static final CompletableFuture<Integer> RESULT = new CompletableFuture<>();

    public static void main(String[] args) throws Exception {
        dir = Path.of(args[0]);
        choices = CaptureChoices.parse(args.length > 2 ? args[2] : "", args.length > 1 ? args[1] : "");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Thread app = new Thread(() -> Application.launch(App.class), "driver-fx");
        app.setDaemon(true);
        app.start();
        int rc = RESULT.get(WAIT_SECONDS * 3, TimeUnit.SECONDS);
        System.exit(rc);
    }

    private PrivilegedCaptureDriver() {
    }

    /** The app; not the main class, which the java launcher would then want JavaFX modules for. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            PrivilegedCaptureDriver.start(stage);
        }
    }

    private static void start(Stage stage) throws Exception {
        MainWindow window = new MainWindow(stage, EngineDecoding.load(List.of()),
                new RecentFiles(dir.resolve("recent-files")));
        window.setAutosaveDirectory(dir.resolve("autosave"));
        stage.show();
        Thread drive = new Thread(() -> {
            try {
                RESULT.complete(drive(window));
            } catch (Throwable t) {
                t.printStackTrace();
                RESULT.complete(2);
            }
        }, "driver");
        drive.setDaemon(true);
        drive.start();
    }

    private static int drive(MainWindow window) throws Exception {
        // what the start dialog's Start does with its choices
        fx(() -> {
            window.viewModel().live().start(choices);
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String activity = "";
        while (System.nanoTime() < deadline) {
            activity = fx(() -> window.viewModel().activityProperty().get());
            if (activity.startsWith("Capturing")) {
                break;
            }
            if (fx(() -> window.banner().isShowing())) {
                String why = fx(() -> window.banner().text());
                write("capturing", "banner=" + why);
                System.err.println("driver: " + why);
                return 1;
            }
            Thread.sleep(200);
        }
        write("capturing", "activity=" + activity + "\nchildren=" + children());
        awaitFile("stop");
        int frames = fx(() -> window.store().frameCount());
        fx(() -> {
            window.stop(); // the Stop button's action
            return null;
        });
        // the stop runs in the background: the capture is over once the helper has gone
        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ProcessHandle.current().children().findAny().isPresent() && System.nanoTime() < gone) {
            Thread.sleep(100);
        }
        // then the window says how the ports it kept were attributed, as capture --process ends
        String said = "";
        while (choices.scoped() && System.nanoTime() < gone
                && !(said = fx(() -> window.banner().isShowing() ? window.banner().text() : "")).startsWith("The capture kept")) {
            Thread.sleep(100);
        }
        write("attribution", said);
        while (fx(() -> window.viewModel().isBusy()) && System.nanoTime() < gone) {
            Thread.sleep(100);
        }
        String after = fx(() -> {
            var store = window.store();
            var stats = store.metadata().stats();
            return "frames_after=" + store.frameCount() + "\ndropped=" + (stats == null ? "?" : stats.drops());
        });
        write("stopped", "frames=" + frames + "\nchildren_left=" + children() + "\n" + after);
        awaitFile("done");
        Platform.exit();
        return 0;
    }

    private static String children() {
        return ProcessHandle.current().descendants().map(p -> p.info().commandLine().orElse("pid " + p.pid())
                .replaceAll("-cp \\S+", "-cp ...")).collect(Collectors.joining(" | "));
    }

    private static void write(String name, String text) throws Exception {
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitFile(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.exists(dir.resolve(name))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + name + " file in " + dir);
            }
            Thread.sleep(100);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
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
