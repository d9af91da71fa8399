package org.nlscope.ui;

import java.io.IOException;
import java.util.List;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.io.Autosave;

/**
 * Starts and ends live captures for {@link MainViewModel}. The capture shown stays until
 * the new one runs, so a capture that cannot start leaves it as it was, with a banner
 * saying why and offering the sample capture or a file instead.
 */
public final class LiveControl {

    private static final int SHOWN_PORTS = 5;
    private final MainViewModel vm;
    private Runnable chooseFile = () -> { };
    private CaptureChoices last = CaptureChoices.EVERYTHING;

    LiveControl(MainViewModel vm) {
        this.vm = vm;
    }

    /** What the banner's "Open File…" does (the window's file dialog). */
    public void setChooseFile(Runnable action) {
        chooseFile = action;
    }

    /** Starts a live capture with the choices last made in Capture > Options (every netlink message at first). */
    public void start() {
        start(last);
    }

    /** The choices the next {@link #start()} uses: the last ones started with. */
    CaptureChoices lastChoices() {
        return last;
    }

    /** Starts a live capture of what the start dialog's choices ask for; they are kept for the next start. */
    void start(CaptureChoices choices) {
        last = choices;
        start(choices.toRequest(), choices.describe());
    }

    private void start(CaptureRequest request, String scope) {
        if (!vm.mayReplace("start a live capture")) {
            return;
        }
        CaptureSession live;
        try {
            live = CaptureSession.live(vm.decoding(), vm.autosaveDirectory());
        } catch (IOException e) {
            vm.showBanner("warning", "Live capture needs a writable " + vm.autosaveDirectory()
                    + " to autosave into (" + e.getMessage() + ")");
            return;
        }
        Job j = new Job();
        vm.setStarting(j);
        vm.setActivity("Starting the capture…");
        vm.runner().background("capture-start", () -> {
            CaptureLauncher.Running running;
            try {
                running = vm.launcher().start(request, live, reason -> vm.runner().ui(() -> ended(j, reason)));
            } catch (CaptureException e) {
                vm.runner().ui(() -> impossible(j, live, e));
                return;
            }
            vm.runner().ui(() -> started(j, live, running, scope));
        });
    }

    private void started(Job j, CaptureSession live, CaptureLauncher.Running running, String scope) {
        if (vm.starting() != j) { // stopped while it started
            vm.runner().background("capture-stop", running::stop);
            MainViewModel.closeQuietly(live);
            return;
        }
        vm.setStarting(null);
        j.stop = () -> vm.runner().background("capture-stop", () -> {
            running.stop();
            List<String> kept = running.attribution();
            if (!kept.isEmpty()) {
                // as capture --process ends: which ports were whose, and how that was known
                vm.runner().ui(() -> vm.showBanner("info", keptText(kept)));
            }
        });
        Autosave autosave = live.autosave();
        j.stoppedText = () -> "Capture stopped: " + live.store().frameCount() + " frames"
                + (autosave != null && autosave.problem() != null ? ". " + autosave.problem() : "");
        if (autosave != null) {
            // a full disk stops the autosave, not the capture: say at once what the file kept
            autosave.onProblem(problem -> vm.runner().ui(() -> vm.showBanner("warning", problem)));
        }
        vm.replace(live, j);
        vm.setActivity("Capturing " + running.how() + scope);
    }

    /** "The capture kept port 1: pid 1 (ip), by port id = pid; 0 frames of other processes left out", the ports cut at five. */
    static String keptText(List<String> summary) {
        List<String> ports = summary.subList(0, summary.size() - 1);
        String shown = ports.size() <= SHOWN_PORTS ? String.join("; ", ports)
                : String.join("; ", ports.subList(0, SHOWN_PORTS)) + "; and " + (ports.size() - SHOWN_PORTS) + " more ports";
        return "The capture kept " + (ports.isEmpty() ? "no port" : shown) + "; " + summary.get(summary.size() - 1);
    }

    private void ended(Job j, String reason) {
        if (vm.job() == j) {
            vm.stop();
            vm.showBanner("error", "The capture ended: " + reason);
        }
    }

    private void impossible(Job j, CaptureSession live, CaptureException e) {
        MainViewModel.closeQuietly(live); // nothing arrived: its empty autosave goes with it
        if (vm.starting() != j) {
            return;
        }
        vm.setStarting(null);
        vm.setActivity("");
        showWhyNot(e);
    }

    /** At start, with nothing open: says at once when live capture cannot work here. */
    public void check() {
        vm.runner().background("capture-check", () -> {
            CaptureException e = vm.launcher().check();
            if (e != null) {
                vm.runner().ui(() -> {
                    CaptureSession s = vm.session();
                    if (s.file() == null && s.store().frameCount() == 0 && !vm.bannerProperty().get().isShowing()) {
                        showWhyNot(e);
                    }
                });
            }
        });
    }

    private void showWhyNot(CaptureException e) {
        vm.showBanner("warning", whyNot(e),
                new MainViewModel.Action("Open Sample Capture", vm::openSample),
                new MainViewModel.Action("Open File…", chooseFile));
    }

    /** One statement of the problem and of what to do, each said once. */
    static String whyNot(CaptureException e) {
        String why = e.getMessage();
        return "Live capture is not possible here: " + why + (why.endsWith(".") ? "" : ".")
                + " Meanwhile, open a capture file or the sample capture.";
    }
}
