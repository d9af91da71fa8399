package org.nlscope.ui;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.io.FileLoader;
import org.nlscope.session.io.LoadResult;
import org.nlscope.session.replay.Replay;

/** Replays a saved capture into a new view, with pause and speed; part of {@link MainViewModel}. */
public final class ReplayControl {

    private final MainViewModel vm;
    private final ObjectProperty<Replay.Speed> speed = new SimpleObjectProperty<>(Replay.Speed.ONE_X);

    ReplayControl(MainViewModel vm) {
        this.vm = vm;
        speed.addListener((o, was, now) -> {
            Job j = vm.job();
            if (j != null && j.replay != null && now != null) {
                j.replay.setSpeed(now);
                j.replaying = j.replaying.replaceFirst(" at [^ ]+( speed)?$", " at " + speedLabel(now));
                vm.setActivity(j.replaying);
            }
        });
    }

    /** The speed of the replay running, and of the next one. */
    public ObjectProperty<Replay.Speed> speedProperty() {
        return speed;
    }

    /** Plays a saved capture into a new view at its recorded pace (scaled); a file that cannot be read changes nothing. */
    public void replay(Path path, Replay.Speed at) {
        if (!vm.mayReplace("start a replay")) {
            return;
        }
        vm.setActivity("Reading " + path.getFileName() + "…");
        Job pending = new Job();
        vm.setStarting(pending);
        vm.runner().background("replay-load", () -> {
            CaptureStore source = new CaptureStore(vm.decoding());
            LoadResult loaded = FileLoader.load(path, source);
            vm.runner().ui(() -> {
                if (vm.starting() == pending) {
                    vm.setStarting(null);
                    start(path, source, loaded, at);
                }
            });
        });
    }

    private void start(Path path, CaptureStore source, LoadResult loaded, Replay.Speed at) {
        if (loaded.error() != null && source.frameCount() == 0) {
            vm.setActivity("");
            vm.showBanner("error", loaded.error());
            return;
        }
        Job j = new Job();
        CaptureSession view = CaptureSession.empty(vm.decoding());
        vm.replace(view, j);
        speed.set(at);
        Replay r = Replay.start(source, view.store(), at);
        j.replay = r;
        j.stop = r::stop;
        j.stoppedText = () -> "Replay stopped at frame " + r.delivered() + " of " + source.frameCount();
        j.replaying = "Replaying " + path.getFileName() + " at " + speedLabel(at);
        vm.setActivity(j.replaying);
        r.done().thenAccept(state -> vm.runner().ui(() -> {
            if (vm.job() == j) {
                vm.endJob();
                vm.setActivity(state == Replay.State.FINISHED ? "Replay finished: " + source.frameCount() + " frames"
                        : "Replay stopped");
            }
        }));
        vm.updateState();
    }

    /** Pauses or resumes the replay running; the status line says where it stands. */
    public void setPaused(boolean on) {
        Job j = vm.job();
        if (j == null || j.replay == null) {
            vm.setPausedState(false);
            return;
        }
        if (on) {
            j.replay.pause();
            vm.setActivity("Replay paused at frame " + j.replay.delivered() + " — Resume to go on");
        } else {
            j.replay.resume();
            vm.setActivity(j.replaying);
        }
        vm.setPausedState(on);
    }

    static String speedLabel(Replay.Speed speed) {
        return switch (speed) {
            case ONE_X -> "1x";
            case TEN_X -> "10x";
            case FULL -> "full speed";
        };
    }
}
