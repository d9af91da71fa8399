package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Path;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.io.LoadResult;
import org.nlscope.session.io.Recovery;

/**
 * Opens capture files for {@link MainViewModel}. The file's header and first record are read
 * before anything changes, so a file that cannot be read leaves the capture shown, the title,
 * the status and Open Recent as they were, with the reason in the banner.
 */
final class OpenControl {

    private final MainViewModel vm;

    OpenControl(MainViewModel vm) {
        this.vm = vm;
    }

    void open(Path path, boolean remember, Recovery.Leftover leftover) {
        if (!vm.mayReplace("open another capture")) {
            return;
        }
        vm.setActivity("Opening " + path.getFileName() + "…");
        Job pending = new Job();
        vm.setStarting(pending);
        vm.runner().background("open", () -> {
            String problem = problemReading(path);
            vm.runner().ui(() -> {
                if (vm.starting() != pending) {
                    return; // stopped, or another open came first
                }
                vm.setStarting(null);
                if (problem != null) {
                    vm.setActivity("");
                    vm.showBanner("error", problem);
                } else {
                    load(path, remember, leftover);
                }
            });
        });
    }

    /** Why the file cannot be opened (its header or first record is unreadable), or null. */
    static String problemReading(Path path) {
        try (CaptureReader reader = CaptureReader.open(path)) {
            reader.next();
            return null;
        } catch (CaptureFileException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return path + ": " + e;
        }
    }

    private void load(Path path, boolean remember, Recovery.Leftover leftover) {
        Job j = new Job();
        j.stoppedText = () -> "Loading stopped";
        CaptureSession s = CaptureSession.open(path, vm.decoding(), result -> vm.runner().ui(() -> loaded(j, result)));
        j.stop = s.loading()::cancel;
        vm.replace(s, j);
        vm.setActivity("Loading " + path.getFileName() + "…");
        if (remember) {
            vm.recent().add(path);
        }
        if (leftover != null) {
            vm.setRecovered(leftover);
        }
    }

    private void loaded(Job j, LoadResult result) {
        if (vm.job() != j) {
            return;
        }
        vm.endJob();
        vm.setActivity(result.cancelled() ? "Loading stopped" : "Loaded " + result.frames() + " frames");
        if (result.error() != null) {
            vm.showBanner("error", result.error() + " (the " + result.frames() + " frames before it are shown)");
        }
    }

    /** Opens the capture that ships with nlscope; it is not remembered in Open Recent (it is a temporary copy). */
    void openSample() {
        Path copy;
        try {
            copy = SampleCapture.copy();
        } catch (IOException e) {
            vm.showBanner("error", "Could not open the sample capture: " + e.getMessage());
            return;
        }
        open(copy, false, null);
    }
}
