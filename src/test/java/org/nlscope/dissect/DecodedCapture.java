package org.nlscope.dissect;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;

/** A recorded capture decoded with the built-in dissectors, for tests that read values out of it. */
public final class DecodedCapture {
    private DecodedCapture() {
    }

    /** Every message of the named capture in captures/, in order, with what the capture taught the context. */
    public static List<DecodedMessage> messages(String capture) {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        DecodeContext ctx = DecodeContext.empty();
        List<DecodedMessage> out = new ArrayList<>();
        int n = 0;
        for (Frame f : RecordedCaptures.frames(RecordedCaptures.DIRECTORY.resolve(capture))) {
            DecodedFrame d = decoder.decode(f, ++n, ctx);
            ctx = ContextLearner.learn(ctx, d);
            out.addAll(d.messages());
        }
        return out;
    }

    /** The field at a path of names ("A/B/C"), failing the test where a step is missing. */
    public static Field at(List<Field> fields, String path) {
        Field f = null;
        for (String step : path.split("/")) {
            List<Field> in = f == null ? fields : f.children();
            f = in.stream().filter(c -> step.equals(c.name())).findFirst().orElse(null);
            assertNotNull(f, path + ": no " + step);
        }
        return f;
    }
}
