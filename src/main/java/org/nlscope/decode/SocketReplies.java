package org.nlscope.decode;

import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/**
 * The decode engine for what a netlink socket of nlscope's own reads back from the kernel
 * (the capture's nlmon set-up, its snapshots): the bytes of one receive become a frame as
 * nlmon would have shown it, decoded like any captured frame, so the answers' nlmsghdr
 * walk, NLMSG_ERROR codes and extended ACK texts are read by the same code that reads
 * captures. No dissectors: callers read the control messages and the few attributes they
 * asked for, which the engine reads itself ({@link ContextLearner}, {@link PolicyDump}).
 */
public final class SocketReplies {
    private static final FrameDecoder DECODER = new FrameDecoder(DissectorRegistry.empty());

    private SocketReplies() {
    }

    /**
     * @param buffer   what the receive returned, from offset 0
     * @param length   how many bytes of it
     * @param protocol the socket's netlink family (NETLINK_ROUTE ...)
     */
    public static DecodedFrame decode(byte[] buffer, int length, int protocol) {
        byte[] cooked = CookedHeader.netlinkHeader(CookedHeader.PACKET_KERNEL, protocol);
        byte[] data = new byte[cooked.length + length];
        System.arraycopy(cooked, 0, data, 0, cooked.length);
        System.arraycopy(buffer, 0, data, cooked.length, length);
        return DECODER.decode(Frame.of(0, LinkType.NETLINK, data), 1, DecodeContext.empty());
    }
}
