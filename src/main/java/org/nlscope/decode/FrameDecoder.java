package org.nlscope.decode;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.Frame;
import org.nlscope.model.Limits;
import org.nlscope.model.LinkType;
import org.nlscope.model.NlMsgHeader;

/**
 * Decodes a captured frame: its cooked header, then every nlmsghdr-framed message in
 * it (4-byte aligned). A pure function of (frame, context): immutable and thread-safe.
 * It never throws; whatever is malformed becomes a problem on the message or frame,
 * and what came before it stays decoded.
 */
public final class FrameDecoder {
    private final MessageDecoder messages;

    public FrameDecoder(DissectorRegistry registry) {
        this(registry, false);
    }

    private FrameDecoder(DissectorRegistry registry, boolean summaryOnly) {
        this.messages = new MessageDecoder(registry, summaryOnly);
    }

    /**
     * A decoder for callers that show each message's one-line summary and problems only:
     * the same summaries and problems, but a field no summary names may lack its value and
     * display ({@link Dissector#decodeForSummary}), which makes the plain {@code read} fast.
     */
    public static FrameDecoder forSummaries(DissectorRegistry registry) {
        return new FrameDecoder(registry, true);
    }

    /**
     * @param frame   the captured frame
     * @param number  its 1-based position in the capture
     * @param context what the capture knows so far (genl family names, processes)
     */
    public DecodedFrame decode(Frame frame, int number, DecodeContext context) {
        int savedBudget = AttrReader.startFrame();
        try {
            return decodeFrame(frame, number, context);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in the engine itself: the frame stays, undecoded, with the reason
            return new DecodedFrame(number, frame, -1, null, Direction.UNKNOWN, false, List.of(),
                    List.of("decoder failed: " + e));
        } finally {
            AttrReader.endFrame(savedBudget);
        }
    }

    private DecodedFrame decodeFrame(Frame frame, int number, DecodeContext context) {
        List<String> problems = new ArrayList<>();
        if (!LinkType.isSupported(frame.linkType())) {
            problems.add("link type " + frame.linkType() + " is not a netlink link type");
            return new DecodedFrame(number, frame, -1, null, Direction.UNKNOWN, false, List.of(), problems);
        }
        CookedHeader cooked = CookedHeader.parse(frame.linkType(), frame.data());
        if (!cooked.complete()) {
            problems.add("frame of " + frame.data().length + " bytes is shorter than its "
                    + cooked.length() + "-byte cooked header");
            return new DecodedFrame(number, frame, -1, null, Direction.UNKNOWN, false, List.of(), problems);
        }
        if (cooked.arphrdType() != LinkType.ARPHRD_NETLINK) {
            problems.add("not a netlink frame: ARPHRD type " + cooked.arphrdType() + ", expected 824");
            return new DecodedFrame(number, frame, -1, null, Direction.UNKNOWN, false, List.of(), problems);
        }
        if (frame.capturedLength() < frame.originalLength()) {
            problems.add("frame truncated by the capture: " + frame.capturedLength() + " of "
                    + frame.originalLength() + " bytes");
        }
        int family = cooked.netlinkFamily();
        List<DecodedMessage> decoded = decodeMessages(frame, family, cooked.length(), context, problems);

        int packetType = frame.packetType() == CookedHeader.PACKET_USER || frame.packetType() == CookedHeader.PACKET_KERNEL
                ? frame.packetType() : cooked.packetType();
        Direction direction;
        boolean inferred = false;
        if (packetType == CookedHeader.PACKET_USER) {
            direction = Direction.TO_KERNEL;
        } else if (packetType == CookedHeader.PACKET_KERNEL) {
            direction = Direction.FROM_KERNEL;
        } else if (!decoded.isEmpty()) {
            // the tap lost the mark: only userspace sets NLM_F_REQUEST
            direction = decoded.get(0).header().isRequest() ? Direction.TO_KERNEL : Direction.FROM_KERNEL;
            inferred = true;
        } else {
            direction = Direction.UNKNOWN;
        }
        return new DecodedFrame(number, frame, family, NetlinkFamilies.name(family), direction, inferred, decoded, problems);
    }

    private List<DecodedMessage> decodeMessages(Frame frame, int family, int start, DecodeContext context,
                                                List<String> frameProblems) {
        ByteView all = ByteView.of(frame.data());
        boolean truncated = frame.capturedLength() < frame.originalLength();
        List<DecodedMessage> out = new ArrayList<>();
        int pos = start;
        while (pos < all.end()) {
            int left = all.end() - pos;
            if (out.size() == Limits.MAX_MESSAGES_PER_FRAME) {
                // a frame of a million NLMSG_NOOPs must not cost a million decoded messages
                frameProblems.add(left + " bytes at offset " + pos + " not decoded: at most "
                        + Limits.MAX_MESSAGES_PER_FRAME + " messages are decoded per frame");
                break;
            }
            // senders such as iproute2 hand the kernel a zeroed buffer larger than their
            // messages; the kernel stops at the zeros, and so do we, without complaint
            if (left < NlMsgHeader.SIZE || (all.u32(pos) == 0 && zeros(all, pos))) {
                if (!zeros(all, pos)) {
                    frameProblems.add(left + " trailing bytes at offset " + pos + " are too short for a nlmsghdr");
                }
                break;
            }
            long len = all.u32(pos);
            List<String> problems = new ArrayList<>();
            int end;
            if (len < NlMsgHeader.SIZE) {
                problems.add("nlmsg_len " + len + " at offset " + pos + " is less than the 16-byte header");
                end = pos + NlMsgHeader.SIZE;
            } else if (len > left) {
                problems.add((truncated ? "message truncated by the capture: nlmsg_len " : "nlmsg_len ")
                        + len + " at offset " + pos + " but only " + left + " bytes remain");
                end = all.end();
            } else {
                end = pos + (int) len;
            }
            out.add(messages.decode(all, family, pos, end, context, problems));
            context = ContextLearner.learnWithinFrame(context, family, all, pos, end);
            if (!problems.isEmpty()) {
                break; // the length lied: nothing after it can be trusted to start where it says
            }
            pos += NlAttr.align((int) len);
        }
        return out;
    }

    private static boolean zeros(ByteView v, int from) {
        for (int i = from; i < v.end(); i++) {
            if (v.u8(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
