package org.nlscope.session;

import java.util.Map;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.ProcessInfo;

/** Stores for tests in other packages. */
public final class TestStores {
    private TestStores() {
    }

    private static final FrameDecoding ENGINE = EngineDecoding.load(java.util.List.of());

    /** The real decode engine with its built-in dissectors. */
    public static FrameDecoding decoding() {
        return ENGINE;
    }

    public static java.util.List<org.nlscope.model.Frame> conversationFrames() {
        return Conversation.frames();
    }

    /** The {@link Conversation}, with port 4242 known to belong to pid 100 (ip). */
    public static CaptureStore conversationWithProcesses() {
        CaptureStore s = new CaptureStore(decoding());
        s.addMetadata(new CaptureMetadata(Map.of(), Map.of(Conversation.PORT, new ProcessInfo(Conversation.PORT, 100, "ip", false)),
                CaptureStats.NONE));
        Conversation.frames().forEach(s::append);
        return s;
    }
}
