package org.nlscope.session;

import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.uapi.Netlink;

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

    /**
     * Whether {@link #learn} may learn anything from a message with this header in a frame of
     * this family (an index pass hands it only those): any of rtnetlink's and generic netlink's
     * unless the implementation knows better.
     */
    default boolean mayTeach(int family, int type, int flags) {
        return family == Netlink.NETLINK_ROUTE || family == Netlink.NETLINK_GENERIC;
    }

    /** The dissectors behind the decode, for what their files say besides names (which attributes are secret). */
    default DissectorRegistry registry() {
        return DissectorRegistry.empty();
    }
}
