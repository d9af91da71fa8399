package org.nlscope.ui;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.child.LiveCaptures;
import org.nlscope.session.CaptureSession;

/** The app's launcher: a capture source from {@link LiveCaptures}, fed into the live session. */
final class LiveLauncher implements CaptureLauncher {

    static final LiveLauncher INSTANCE = new LiveLauncher();

    private LiveLauncher() {
    }

    @Override
    public Running start(CaptureRequest request, CaptureSession session, Consumer<String> onEnd) {
        return run(LiveCaptures.open(request), session, onEnd);
    }

    @Override
    public CaptureException check() {
        return LiveCaptures.check();
    }

    /** Starts the source into the session; a thread waits for it to end on its own and tells onEnd why. */
    static Running run(CaptureSource source, CaptureSession session, Consumer<String> onEnd) {
        AtomicBoolean stopping = new AtomicBoolean();
        source.start(session.sinkFor(source));
        Thread watcher = new Thread(() -> {
            String why = null;
            try {
                while (!source.awaitStop(Duration.ofSeconds(1))) {
                    // still capturing
                }
                why = "the capture " + source.describe() + " ended";
            } catch (CaptureException e) {
                why = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (why != null && !stopping.get()) {
                onEnd.accept(why);
            }
        }, "nlscope-capture-watch");
        watcher.setDaemon(true);
        watcher.start();
        return new Running() {
            @Override
            public void stop() {
                stopping.set(true);
                source.close();
            }

            @Override
            public String how() {
                return source.describe();
            }

            @Override
            public List<String> attribution() {
                return source.attribution();
            }
        };
    }
}
