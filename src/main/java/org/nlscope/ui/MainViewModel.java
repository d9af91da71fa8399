package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.FrameDecoding;
import org.nlscope.session.io.Recovery;

/**
 * What the main window shows about its capture and what fills it (a file load, a replay,
 * a live capture): the session, the title, the status line, the banner, whether it is busy
 * or paused. Its properties are plain JavaFX beans, so it runs and is tested without a
 * toolkit; slow work goes through a {@link TaskRunner}, and every change happens in
 * {@link TaskRunner#ui}.
 */
public final class MainViewModel {

    /** A remedy the banner offers. */
    public record Action(String label, Runnable run) {
    }

    /** What the banner says; {@link #NONE} hides it. Style is "warning", "error" or "info". */
    public record BannerState(String style, String text, List<Action> actions) {
        public static final BannerState NONE = new BannerState("info", "", List.of());

        public boolean isShowing() {
            return !text.isEmpty();
        }
    }

    private final FrameDecoding decoding;
    private final RecentFiles recent;
    private final TaskRunner runner;
    private final CaptureLauncher launcher;
    private final ReplayControl replays = new ReplayControl(this);
    private final LiveControl live = new LiveControl(this);
    private final SaveControl saving = new SaveControl(this);
    private final OpenControl opening = new OpenControl(this);
    private Predicate<String> mayDiscard = what -> true;

    private final ReadOnlyObjectWrapper<CaptureSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("nlscope");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fileText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BannerState> banner = new ReadOnlyObjectWrapper<>(BannerState.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();

    private Job job;
    /** A file being checked, a replay being read, a capture starting: the session shown stays until it is ready. */
    private Job starting;
    private Path autosaveDirectory = Recovery.autosaveDirectory();
    private Recovery.Leftover recovered;

    public MainViewModel(FrameDecoding decoding, RecentFiles recent, TaskRunner runner, CaptureLauncher launcher) {
        this.decoding = decoding;
        this.recent = recent;
        this.runner = runner;
        this.launcher = launcher;
        replace(CaptureSession.empty(decoding), null);
    }

    // ---- what the window binds to ----

    public ReadOnlyObjectProperty<CaptureSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public CaptureSession session() {
        return session.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileTextProperty() {
        return fileText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BannerState> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** True while a load, replay or capture (or its start) runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Replays: start, pause, speed. */
    public ReplayControl replays() {
        return replays;
    }

    /** Live capture: start, and the banner when it cannot run here. */
    public LiveControl live() {
        return live;
    }

    /** Save, Save As and the recovery of autosaves. */
    public SaveControl saving() {
        return saving;
    }

    /** Asked before unsaved frames are dropped (the window shows a dialog); true to go on. */
    public void setMayDiscard(Predicate<String> question) {
        mayDiscard = question;
    }

    /** Where live captures are autosaved (tests point it at a temporary directory). */
    public void setAutosaveDirectory(Path dir) {
        autosaveDirectory = dir;
    }

    Path autosaveDirectory() {
        return autosaveDirectory;
    }

    public void showBanner(String style, String text, Action... actions) {
        banner.set(new BannerState(style, text, List.of(actions)));
    }

    public void hideBanner() {
        banner.set(BannerState.NONE);
    }

    void setActivity(String text) {
        activity.set(text);
    }

    TaskRunner runner() {
        return runner;
    }

    CaptureLauncher launcher() {
        return launcher;
    }

    /** Opens a capture file; a file that cannot be read leaves the capture shown as it was and says why. */
    public void open(Path path) {
        opening.open(path, true, null);
    }

    /** Opens the capture that ships with nlscope. */
    public void openSample() {
        opening.openSample();
    }

    void open(Path path, boolean remember, Recovery.Leftover leftover) {
        opening.open(path, remember, leftover);
    }

    RecentFiles recent() {
        return recent;
    }

    /** Shows that the capture is a recovered autosave, deleted once it is saved somewhere. */
    void setRecovered(Recovery.Leftover leftover) {
        recovered = leftover;
        fileText.set("recovered: " + leftover.file());
        title.set("recovered capture — nlscope");
    }

    // ---- jobs ----

    /** Stops what fills the session (a load, a replay, a live capture, or its start). */
    public void stop() {
        Job j = job;
        starting = null;
        endJob();
        if (j != null) {
            j.stop.run();
            activity.set(j.stoppedText.get());
        } else {
            updateState();
        }
    }

    void endJob() {
        job = null;
        paused.set(false);
        updateState();
    }

    void updateState() {
        busy.set(job != null || starting != null);
        replaying.set(job != null && job.replay != null);
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** True when nothing unsaved would be lost, or the user said to drop it. */
    public boolean mayReplace(String what) {
        CaptureSession s = session.get();
        return s == null || !s.hasUnsavedData() || mayDiscard.test(what);
    }

    /** Shows another session: what filled the old one stops, and its unsaved frames (already agreed to) go. */
    void replace(CaptureSession next, Job j) {
        Job old = job;
        job = null;
        if (old != null) {
            old.stop.run();
        }
        CaptureSession previous = session.get();
        if (previous != null) {
            if (previous.hasUnsavedData()) {
                discardQuietly(previous);
            }
            closeQuietly(previous);
        }
        recovered = null;
        job = j;
        paused.set(false);
        session.set(next);
        Path file = next.file();
        fileText.set(file == null ? "" : file.toString());
        title.set(file == null ? "nlscope" : file.getFileName() + " — nlscope");
        hideBanner();
        updateState();
    }

    /**
     * Before the window closes: asks about unsaved frames, then stops what runs and ends the
     * session; false when the user chose to stay.
     */
    public boolean close() {
        CaptureSession s = session.get();
        boolean unsaved = s.hasUnsavedData();
        if (unsaved && !mayDiscard.test("quit")) {
            return false;
        }
        stop();
        if (unsaved) {
            discardQuietly(s);
        }
        closeQuietly(s);
        return true;
    }

    private static void discardQuietly(CaptureSession s) {
        try {
            s.discard();
        } catch (IOException ignored) {
            // the autosave is offered again next time, which is harmless
        }
    }

    static void closeQuietly(CaptureSession s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // an autosave that cannot be closed is found by Recovery next time
        }
    }

    /** What fills the session now, or null; a callback whose job is no longer this one does nothing. */
    Job job() {
        return job;
    }

    Job starting() {
        return starting;
    }

    void setStarting(Job j) {
        starting = j;
        updateState();
    }

    void setPausedState(boolean on) {
        paused.set(on);
    }

    FrameDecoding decoding() {
        return decoding;
    }

    Recovery.Leftover recovered() {
        return recovered;
    }

    void savedRecovered(Recovery.Leftover leftover) {
        if (recovered == leftover) {
            recovered = null;
        }
    }

    void setFile(Path file) {
        fileText.set(file.toString());
        title.set(file.getFileName() + " — nlscope");
    }
}
