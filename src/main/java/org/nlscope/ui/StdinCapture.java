package org.nlscope.ui;

import java.io.InputStream;
import java.util.function.Consumer;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.capture.child.StreamCapture;
import org.nlscope.session.CaptureSession;

/**
 * {@code nlscope gui -}: a live view of a capture streamed into standard input, as
 * {@code wireshark -k -i -} does ({@code ssh host sudo nlscope capture -w - | nlscope gui -}).
 * Frames show as they arrive; the capture ends when the stream does. The stream is read once:
 * a second start finds it ended. The request's choices are the writer's to make.
 */
final class StdinCapture implements CaptureLauncher {

    static final String NAME = "standard input";

    private final InputStream in;

    StdinCapture(InputStream in) {
        this.in = in;
    }

    @Override
    public Running start(CaptureRequest request, CaptureSession session, Consumer<String> onEnd) {
        // blocks until the stream's first bytes arrive; stopping closes it (the pipe's writer may go on)
        StreamCapture source = StreamCapture.open(in, NAME,
                (failure, frames) -> failure != null ? failure.getMessage() : NAME + " ended after " + frames + " frames",
                null);
        return LiveLauncher.run(source, session, onEnd);
    }

    @Override
    public CaptureException check() {
        return null;
    }
}
