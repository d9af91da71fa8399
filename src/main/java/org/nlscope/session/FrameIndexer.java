package org.nlscope.session;

import static org.nlscope.uapi.Genetlink.GENL_HDRLEN;
import static org.nlscope.uapi.Netlink.NLMSG_MIN_TYPE;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.NlAttr;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.model.Limits;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Netlink;

/**
 * The index pass over one frame: its cooked header and the nlmsghdr of every message, split
 * exactly as {@link org.nlscope.decode.FrameDecoder} splits them (so row i of a frame is
 * message i of its decode), without decoding a single attribute.
 */
final class FrameIndexer {

    /**
     * What a frame's cooked header and first message say.
     *
     * @param family    the netlink family, -1 when the frame has none readable
     * @param direction to or from the kernel
     * @param inferred  true when the direction was inferred from NLM_F_REQUEST
     * @param rows      the rows the frame added (at least one)
     */
    record Facts(int family, Direction direction, boolean inferred, int rows) {
    }

    private FrameIndexer() {
    }

    /** Adds the rows of frame {@code number} to {@code rows}. */
    static Facts index(Frame frame, int number, RowTable rows) {
        byte[] d = frame.data();
        int family = -1;
        int added = 0;
        int firstFlags = -1;
        CookedHeader cooked = LinkType.isSupported(frame.linkType()) ? CookedHeader.parse(frame.linkType(), d) : null;
        if (cooked != null && cooked.complete() && cooked.arphrdType() == LinkType.ARPHRD_NETLINK) {
            family = cooked.netlinkFamily();
            int pos = cooked.length();
            while (pos < d.length && added < Limits.MAX_MESSAGES_PER_FRAME) {
                int left = d.length - pos;
                if (left < NlMsgHeader.SIZE || (u32(d, pos) == 0 && zeros(d, pos))) {
                    break; // a zeroed tail (iproute2's buffers), or too short for a header: no row
                }
                long len = u32(d, pos);
                int end = len < NlMsgHeader.SIZE ? pos + NlMsgHeader.SIZE : len > left ? d.length : pos + (int) len;
                int type = u16(d, pos + 4);
                int flags = u16(d, pos + 6);
                int body = Math.min(pos + NlMsgHeader.SIZE, end);
                int code = type == Netlink.NLMSG_ERROR && end - body >= 4 ? (int) u32(d, body) : 0;
                int cmd = family == Netlink.NETLINK_GENERIC && type >= NLMSG_MIN_TYPE && end - body >= GENL_HDRLEN
                        ? d[body] & 0xff : 0;
                if (added == 0) {
                    firstFlags = flags;
                }
                rows.add(number, added, pos, (int) Math.min(Integer.MAX_VALUE, len), type, flags, u32(d, pos + 8),
                        u32(d, pos + 12), code, cmd, MessageRow.Kind.REPLY);
                added++;
                if (len < NlMsgHeader.SIZE || len > left) {
                    break; // the length lied: nothing after it starts where it says
                }
                pos += NlAttr.align((int) len);
            }
        }
        Direction direction;
        boolean inferred = false;
        int packetType = frame.packetType() == CookedHeader.PACKET_USER || frame.packetType() == CookedHeader.PACKET_KERNEL
                ? frame.packetType() : cooked != null && cooked.complete() ? cooked.packetType() : -1;
        if (family < 0) {
            direction = Direction.UNKNOWN;
        } else if (packetType == CookedHeader.PACKET_USER) {
            direction = Direction.TO_KERNEL;
        } else if (packetType == CookedHeader.PACKET_KERNEL) {
            direction = Direction.FROM_KERNEL;
        } else if (added > 0) {
            direction = (firstFlags & Netlink.NLM_F_REQUEST) != 0 ? Direction.TO_KERNEL : Direction.FROM_KERNEL;
            inferred = true;
        } else {
            direction = Direction.UNKNOWN;
        }
        if (added == 0) {
            rows.add(number, -1, 0, frame.originalLength(), 0, 0, 0, 0, 0, 0, MessageRow.Kind.MALFORMED);
            return new Facts(family, direction, inferred, 1);
        }
        for (int r = rows.size() - added; r < rows.size(); r++) {
            rows.setKind(r, RowBuilder.kindOf(rows.type(r), rows.flags(r), rows.seq(r), rows.errorCode(r), direction));
        }
        return new Facts(family, direction, inferred, added);
    }

    /**
     * The frame as far as the context learner reads it (family, bytes, and the offset and header
     * of each message that {@link FrameDecoding#mayTeach may teach}), or null when none may: no
     * attribute is decoded for it, and most frames cost no object.
     */
    static DecodedFrame forLearning(FrameDecoding decoding, Frame frame, int number, Facts facts, RowTable rows,
                                    int firstRow) {
        List<DecodedMessage> messages = null;
        for (int r = firstRow; r < firstRow + facts.rows(); r++) {
            if (rows.message(r) >= 0 && decoding.mayTeach(facts.family(), rows.type(r), rows.flags(r))) {
                messages = messages == null ? new ArrayList<>() : messages;
                NlMsgHeader h = new NlMsgHeader(rows.length(r), rows.type(r), rows.flags(r), rows.seq(r), rows.port(r));
                messages.add(new DecodedMessage(rows.offset(r), h, null, null, null, null, null, null, null, null));
            }
        }
        return messages == null ? null
                : new DecodedFrame(number, frame, facts.family(), null, facts.direction(), facts.inferred(), messages, null);
    }

    private static long u32(byte[] d, int at) {
        return (d[at] & 0xffL) | (d[at + 1] & 0xffL) << 8 | (d[at + 2] & 0xffL) << 16 | (d[at + 3] & 0xffL) << 24;
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xff) | (d[at + 1] & 0xff) << 8;
    }

    private static boolean zeros(byte[] d, int from) {
        for (int i = from; i < d.length; i++) {
            if (d[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
