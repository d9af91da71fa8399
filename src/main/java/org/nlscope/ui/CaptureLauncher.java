package org.nlscope.ui;

import java.util.List;
import java.util.function.Consumer;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.session.CaptureSession;

/** Starts live captures ({@link LiveLauncher} in the app; tests swap in one fed from a real capture file). */
public interface CaptureLauncher {

    /** A running capture. */
    interface Running {
        /** Stops it; frames already captured stay delivered. */
        void stop();

        /** "on nlmon0", "through sudo". */
        String how();

        /** Once stopped: how a capture of some processes attributed the ports it kept (empty for all traffic). */
        default List<String> attribution() {
            return List.of();
        }
    }

    /**
     * Starts capturing into the session; returns once frames flow.
     *
     * @param request what to capture (the start dialog's choices)
     * @param onEnd   told when the capture ends on its own, with why
     * @throws CaptureException when it cannot start here, saying why
     */
    Running start(CaptureRequest request, CaptureSession session, Consumer<String> onEnd);

    /** Why a capture could not start here, found without starting one (may be slow); null when it may work. */
    CaptureException check();
}
