package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.replay.Replay;

/**
 * The view model without JavaFX's toolkit: "UI" changes run on one plain thread, slow work on
 * others, and the captures are the real ones recorded on nlmon.
 */
class MainViewModelTest {

    static final Path CAPTURE = MainWindowTest.CAPTURE;

    @TempDir
    Path tmp;
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private final TaskRunner runner = new TaskRunner() {
        @Override
        public void background(String name, Runnable body) {
            new Thread(body, "test-" + name).start();
        }

        @Override
        public void ui(Runnable action) {
            uiThread.execute(action);
        }
    };
    private final FakeLauncher launcher = new FakeLauncher();
    private RecentFiles recent;
    private MainViewModel vm;

    @BeforeEach
    void create() throws Exception {
        recent = new RecentFiles(tmp.resolve("recent-files"));
        vm = ui(() -> new MainViewModel(MainWindowTest.DECODING, recent, runner, launcher));
        ui(() -> {
            vm.setAutosaveDirectory(tmp.resolve("autosave"));
            return null;
        });
    }

    @AfterEach
    void stop() throws Exception {
        ui(() -> vm.close());
        uiThread.shutdownNow();
    }

    private <T> T ui(Callable<T> c) throws Exception {
        return uiThread.submit(c).get(10, TimeUnit.SECONDS);
    }

    private void run(Runnable r) throws Exception {
        ui(() -> {
            r.run();
            return null;
        });
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!ui(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private CaptureSession openAndWait(Path file) throws Exception {
        run(() -> vm.open(file));
        await("the load", () -> !vm.isBusy() && vm.session().file() != null
                && vm.session().file().equals(file));
        return ui(vm::session);
    }

    @Test
    void openingAFileShowsItAndRemembersIt() throws Exception {
        CaptureSession s = openAndWait(CAPTURE);
        assertEquals(51, s.store().frameCount());
        assertEquals("ui-ip-link-session.pcap — nlscope", ui(() -> vm.titleProperty().get()));
        assertEquals("Loaded 51 frames", ui(() -> vm.activityProperty().get()));
        assertEquals(CAPTURE.toString(), ui(() -> vm.fileTextProperty().get()));
        assertEquals(List.of(CAPTURE.toAbsolutePath()), recent.list());
    }

    @Test
    void aFileThatCannotBeReadLeavesTheCaptureShownAsItWas() throws Exception {
        CaptureSession before = openAndWait(CAPTURE);
        Path garbage = tmp.resolve("notes.pcapng");
        Files.writeString(garbage, "this is not a capture, only some notes typed by hand\n");
        Path missing = tmp.resolve("gone.pcap");
        for (Path bad : List.of(garbage, missing)) {
            run(() -> vm.open(bad));
            await("the error", () -> !vm.isBusy() && vm.bannerProperty().get().isShowing());
            MainViewModel.BannerState banner = ui(() -> vm.bannerProperty().get());
            assertEquals("error", banner.style());
            assertTrue(banner.text().contains(bad.getFileName().toString()), banner.text());
            assertSame(before, ui(vm::session), "the capture shown stays");
            assertEquals(51, before.store().frameCount(), "and keeps its frames");
            assertEquals("ui-ip-link-session.pcap — nlscope", ui(() -> vm.titleProperty().get()));
            assertEquals(CAPTURE.toString(), ui(() -> vm.fileTextProperty().get()));
            assertFalse(ui(() -> vm.activityProperty().get()).startsWith("Loaded"));
            assertEquals(List.of(CAPTURE.toAbsolutePath()), recent.list(), "a bad file is not remembered");
        }
    }

    @Test
    void theSampleOpensWithoutGoingIntoOpenRecent() throws Exception {
        run(vm::openSample);
        await("the sample", () -> !vm.isBusy() && vm.session().store().frameCount() == 51);
        assertEquals(List.of(), recent.list());
    }

    @Test
    void aCaptureThatCannotStartLeavesTheCaptureShownAndSaysWhyOnce() throws Exception {
        CaptureSession before = openAndWait(CAPTURE);
        launcher.refusal = new CaptureException(CaptureException.Reason.NO_NLMON,
                "this kernel has no nlmon support (CONFIG_NLMON); try: modprobe nlmon");
        run(() -> vm.live().start());
        await("the banner", () -> !vm.isBusy() && vm.bannerProperty().get().isShowing());
        MainViewModel.BannerState banner = ui(() -> vm.bannerProperty().get());
        assertEquals("warning", banner.style());
        assertEquals(1, banner.text().split("nlmon support", -1).length - 1, banner.text());
        assertEquals(1, banner.text().split("modprobe", -1).length - 1, banner.text());
        assertEquals(List.of("Open Sample Capture", "Open File…"),
                banner.actions().stream().map(MainViewModel.Action::label).toList());
        assertSame(before, ui(vm::session));
        try (var left = Files.list(tmp.resolve("autosave"))) {
            assertEquals(0, left.count(), "a capture that never started leaves no autosave");
        }
    }

    @Test
    void theStartupCheckShowsTheBannerBeforeAnyStart() throws Exception {
        launcher.refusal = new CaptureException(CaptureException.Reason.PRIVILEGES, "it needs CAP_NET_ADMIN");
        run(() -> vm.live().check());
        await("the banner", () -> vm.bannerProperty().get().isShowing());
        assertTrue(ui(() -> vm.bannerProperty().get().text()).startsWith("Live capture is not possible here: it needs"));
    }

    @Test
    void aLiveCaptureReplacesTheCaptureOnlyOnceItRuns() throws Exception {
        CaptureSession before = openAndWait(CAPTURE);
        run(() -> vm.live().start());
        await("the capture", () -> vm.session() != before);
        assertTrue(ui(vm::isBusy));
        assertEquals("Capturing from a test file", ui(() -> vm.activityProperty().get()));
        CaptureSession live = ui(vm::session);
        await("every frame", () -> live.store().frameCount() == 51);
        assertTrue(live.hasUnsavedData());
        run(vm::stop);
        assertEquals("Capture stopped: 51 frames", ui(() -> vm.activityProperty().get()));
        assertFalse(ui(vm::isBusy));
    }

    /** The autosave on a real full disk (an 8 KiB tmpfs): the capture goes on, and the app says what the file kept. */
    @Test
    void aFullDiskStopsTheAutosaveAndTheAppSaysWhatItKept() throws Exception {
        try (org.nlscope.pcap.SmallFilesystem fs = org.nlscope.pcap.SmallFilesystem.mount(tmp.resolve("small"), 8)) {
            run(() -> vm.setAutosaveDirectory(fs.dir()));
            launcher.flushEvery = 5;
            run(() -> vm.live().start());
            await("the capture", () -> vm.session().autosave() != null);
            CaptureSession live = ui(vm::session);
            await("every frame", () -> live.store().frameCount() == 51);
            await("the banner", () -> vm.bannerProperty().get().text().startsWith("Autosave stopped: "));
            String banner = ui(() -> vm.bannerProperty().get().text());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*: No space left on device\\. It keeps the first "
                    + "(\\d+) of the captured frames; the capture goes on in memory, save it elsewhere").matcher(banner);
            assertTrue(m.matches(), banner);
            run(vm::stop);
            assertEquals("Capture stopped: 51 frames. " + banner, ui(() -> vm.activityProperty().get()));
            CaptureStore kept = new CaptureStore(MainWindowTest.DECODING);
            assertTrue(org.nlscope.session.io.FileLoader.load(live.autosave().file(), kept).complete());
            assertEquals(Integer.parseInt(m.group(1)), kept.frameCount());
        }
    }

    @Test
    void replayPausesVisiblyAndResumes() throws Exception {
        run(() -> vm.replays().replay(CAPTURE, Replay.Speed.ONE_X));
        await("the replay", () -> vm.replayingProperty().get());
        run(() -> vm.replays().setPaused(true));
        assertTrue(ui(() -> vm.pausedProperty().get()));
        assertTrue(ui(() -> vm.activityProperty().get()).startsWith("Replay paused at frame"),
                ui(() -> vm.activityProperty().get()));
        run(() -> vm.replays().setPaused(false));
        assertFalse(ui(() -> vm.pausedProperty().get()));
        assertEquals("Replaying ui-ip-link-session.pcap at 1x", ui(() -> vm.activityProperty().get()));
        run(() -> vm.replays().speedProperty().set(Replay.Speed.FULL));
        assertEquals("Replaying ui-ip-link-session.pcap at full speed", ui(() -> vm.activityProperty().get()));
        await("the end", () -> !vm.isBusy());
        assertEquals("Replay finished: 51 frames", ui(() -> vm.activityProperty().get()));
    }

    @Test
    void saveOnAnUnchangedFileSaysSoAndSaveAsOffersAWritableFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("readonly"));
        Path file = dir.resolve("links.pcap");
        Files.copy(CAPTURE, file);
        openAndWait(file);
        AtomicBoolean askedForName = new AtomicBoolean();
        run(() -> vm.saving().save(() -> askedForName.set(true)));
        assertFalse(askedForName.get());
        assertEquals("No changes to save: links.pcap holds all 51 frames (Save As… writes a copy)",
                ui(() -> vm.activityProperty().get()));
        assertEquals(dir.toAbsolutePath(), ui(() -> vm.saving().dialogFolder(true)));

        makeReadOnly(dir);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(dir), "cannot make a folder read-only here");
            assertEquals(Path.of(System.getProperty("user.home")), ui(() -> vm.saving().dialogFolder(true)));
            assertEquals(dir.toAbsolutePath(), ui(() -> vm.saving().dialogFolder(false)), "opening may start there");
        } finally {
            new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor();
            dir.toFile().setWritable(true);
        }
    }

    /** chmod for a user; root ignores modes, so also the immutable flag where the file system has it. */
    private static void makeReadOnly(Path dir) throws Exception {
        dir.toFile().setWritable(false);
        if (Files.isWritable(dir)) {
            new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start().waitFor();
        }
    }

    @Test
    void stopWhileAFileIsCheckedOpensNothing() throws Exception {
        CaptureSession before = ui(vm::session);
        run(() -> {
            vm.open(CAPTURE);
            vm.stop();
        });
        Thread.sleep(300); // the check of the file finishes on its own thread; its result must be dropped
        await("idle", () -> !vm.isBusy());
        assertSame(before, ui(vm::session));
        assertEquals(List.of(), recent.list());
    }

    /** A "live capture" that plays a real recorded capture into the session, as the kernel would deliver it. */
    private static final class FakeLauncher implements CaptureLauncher {
        volatile CaptureException refusal;
        /** Flush the autosave after this many frames, as a live capture does per ring block; 0 for never. */
        volatile int flushEvery;

        @Override
        public CaptureLauncher.Running start(CaptureRequest request, CaptureSession session, Consumer<String> onEnd) {
            if (refusal != null) {
                throw refusal;
            }
            AtomicBoolean stopped = new AtomicBoolean();
            Thread feeder = new Thread(() -> {
                try (CaptureReader reader = CaptureReader.open(CAPTURE)) {
                    Frame f;
                    int n = 0;
                    while (!stopped.get() && (f = reader.next()) != null) {
                        session.append(f);
                        if (flushEvery > 0 && ++n % flushEvery == 0) {
                            session.autosave().flush();
                        }
                    }
                } catch (Exception e) {
                    onEnd.accept(e.getMessage());
                }
            });
            feeder.start();
            return new CaptureLauncher.Running() {
                @Override
                public void stop() {
                    stopped.set(true);
                }

                @Override
                public String how() {
                    return "from a test file";
                }
            };
        }

        @Override
        public CaptureException check() {
            return refusal;
        }
    }
}
