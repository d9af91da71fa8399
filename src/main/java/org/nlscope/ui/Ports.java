package org.nlscope.ui;

import org.nlscope.decode.DecodeContext;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.CaptureStore;

/**
 * The process behind a netlink port: as the capture knew it at a frame, else as it learned
 * later (a capture writes the owners it found at its end, after every frame).
 */
final class Ports {

    private Ports() {
    }

    static ProcessInfo owner(CaptureStore store, int frame, long port) {
        ProcessInfo p = store.context(frame).process(port);
        return p != null ? p : store.currentContext().process(port);
    }

    /** The context that names the process of a message's port: the frame's own, else the latest. */
    static DecodeContext naming(CaptureStore store, int frame, long port) {
        DecodeContext c = store.context(frame);
        return c.process(port) != null ? c : store.currentContext();
    }
}
