package org.nlscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.io.Recovery;

/** Save, Save As and the recovery of autosaved live captures, for {@link MainViewModel}. */
public final class SaveControl {

    private final MainViewModel vm;

    SaveControl(MainViewModel vm) {
        this.vm = vm;
    }

    /**
     * Ctrl+S: saves where the capture came from when it has frames no file holds; a capture
     * without a file of its own (new, replayed, recovered) needs a name, so {@code saveAs} runs;
     * a file unchanged since it was opened is said to be so.
     */
    public void save(Runnable saveAs) {
        CaptureSession s = vm.session();
        if (s.file() == null || vm.recovered() != null) {
            saveAs.run();
        } else if (!s.hasUnsavedData()) {
            vm.setActivity("No changes to save: " + s.file().getFileName() + " holds all "
                    + s.store().frameCount() + " frames (Save As… writes a copy)");
        } else {
            saveTo(s.file());
        }
    }

    /** Writes every frame of the capture (not only the displayed ones); the format follows the name. */
    public void saveTo(Path target) {
        CaptureSession s = vm.session();
        Recovery.Leftover leftover = vm.recovered();
        vm.setActivity("Saving…");
        vm.runner().background("save", () -> {
            try {
                int frames = s.save(target);
                if (leftover != null) {
                    Recovery.discard(leftover);
                }
                vm.runner().ui(() -> {
                    if (s == vm.session()) {
                        vm.savedRecovered(leftover);
                        vm.setFile(target);
                    }
                    vm.setActivity("Saved " + frames + " frames to " + target.getFileName());
                });
            } catch (IOException | RuntimeException e) {
                vm.runner().ui(() -> {
                    vm.setActivity("");
                    vm.showBanner("error", "Could not save " + target + ": " + e.getMessage());
                });
            }
        });
    }

    /** Where a file dialog starts: the capture's folder (when saving, only if it can be written to), else home. */
    public Path dialogFolder(boolean forSaving) {
        CaptureSession s = vm.session();
        Path dir = s.file() == null || vm.recovered() != null ? null : s.file().toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir) && (!forSaving || Files.isWritable(dir))) {
            return dir;
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** The name Save As proposes. */
    public String proposedName() {
        Path file = vm.session().file();
        return file == null || vm.recovered() != null ? "capture.pcapng" : file.getFileName().toString();
    }

    /** After a crash: offers back the live captures that were autosaved but never saved. */
    public void offerRecovery() {
        List<Recovery.Leftover> leftovers;
        try {
            leftovers = Recovery.find(vm.autosaveDirectory());
        } catch (IOException e) {
            return;
        }
        if (leftovers.isEmpty()) {
            return;
        }
        Recovery.Leftover newest = leftovers.get(0);
        String when = newest.modified().atZone(java.time.ZoneId.systemDefault()).toLocalDateTime().withNano(0)
                .toString().replace('T', ' ');
        vm.showBanner("info", "A live capture last written " + when + " was not saved when nlscope closed ("
                        + (newest.bytes() / 1024) + " KiB"
                        + (leftovers.size() > 1 ? ", and " + (leftovers.size() - 1) + " older" : "") + "). Recover it?",
                new MainViewModel.Action("Recover", () -> vm.open(newest.file(), false, newest)),
                new MainViewModel.Action("Delete", () -> leftovers.forEach(SaveControl::discardQuietly)));
    }

    private static void discardQuietly(Recovery.Leftover leftover) {
        try {
            Recovery.discard(leftover);
        } catch (IOException ignored) {
            // offered again next time
        }
    }
}
