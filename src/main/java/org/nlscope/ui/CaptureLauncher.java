package org.nlscope.ui;

import java.util.function.Consumer;
import org.nlscope.capture.CaptureException;
import org.nlscope.session.CaptureSession;

/** Starts live captures ({@link LiveCapture} in the app; tests swap in one fed from a real capture file). */
public interface CaptureLauncher {

    /**
     * Starts capturing into the session; returns once frames flow.
     *
     * @param onEnd told when the capture ends on its own, with why
     * @throws CaptureException when it cannot start here, saying why
     */
    LiveCapture.Running start(CaptureSession session, Consumer<String> onEnd);

    /** Why a capture could not start here, found without starting one (may be slow); null when it may work. */
    CaptureException check();
}
