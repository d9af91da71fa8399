package org.nlscope.session;

import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;

/**
 * How a store decodes its frames and learns its per-capture context: the seam between
 * the session layer and the decode engine. Implementations are thread-safe and pure:
 * the same (frame, context) always gives the same result.
 */
public interface FrameDecoding {

    /** Decodes one frame; never throws, malformed bytes become problems. */
    DecodedFrame decode(int number, Frame frame, DecodeContext context);

    /** The context after a decoded frame: the same instance when the frame taught nothing. */
    DecodeContext learn(DecodeContext before, DecodedFrame decoded);

    /** The dissectors behind the decode, for what their files say besides names (which attributes are secret). */
    default DissectorRegistry registry() {
        return DissectorRegistry.empty();
    }
}
