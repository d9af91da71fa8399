package org.nlscope.model;

import java.util.List;

/**
 * A frame with every netlink message in it decoded.
 *
 * @param number            1-based position of the frame in its capture
 * @param frame             the bytes decoded
 * @param family            the netlink family from the cooked header, -1 when unknown
 * @param familyName        NETLINK_ROUTE, NETLINK_GENERIC, ... or null
 * @param direction         to or from the kernel
 * @param directionInferred true when the packet type did not say and the direction was inferred from NLM_F_REQUEST
 * @param messages          the messages in frame order
 * @param problems          frame-level problems (cooked header truncated, trailing bytes)
 */
public record DecodedFrame(int number, Frame frame, int family, String familyName, Direction direction,
                           boolean directionInferred, List<DecodedMessage> messages, List<String> problems) {

    public DecodedFrame {
        messages = List.copyOf(messages);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
