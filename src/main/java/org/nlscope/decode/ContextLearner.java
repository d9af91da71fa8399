package org.nlscope.decode;

import static org.nlscope.uapi.Genetlink.CTRL_ATTR_FAMILY_ID;
import static org.nlscope.uapi.Genetlink.CTRL_ATTR_FAMILY_NAME;
import static org.nlscope.uapi.Genetlink.CTRL_CMD_GETFAMILY;
import static org.nlscope.uapi.Genetlink.CTRL_CMD_NEWFAMILY;
import static org.nlscope.uapi.Rtnetlink.IFLA_IFNAME;
import static org.nlscope.uapi.Rtnetlink.RTM_DELLINK;
import static org.nlscope.uapi.Rtnetlink.RTM_NEWLINK;

import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Genetlink;
import org.nlscope.uapi.Netlink;

/**
 * Learns from a decoded frame what later frames need: generic netlink family ids
 * named in nlctrl's replies (CTRL_CMD_NEWFAMILY, the answer to CTRL_CMD_GETFAMILY) and
 * notifications, interface names from link messages, and nftables sets' types
 * ({@link NftSetLearner}). It reads nlctrl's attributes itself, so it works without an nlctrl
 * dissector. CTRL_CMD_DELFAMILY forgets nothing: frames after it may still use the id.
 * What the context refuses to learn ({@link DecodeContext#refusal}) is a problem on the
 * message that said it.
 */
public final class ContextLearner {
    static final int IFINFOMSG_SIZE = 16;

    private ContextLearner() {
    }

    /**
     * Whether a message may teach anything: an RTM_NEWLINK or RTM_DELLINK, nlctrl's answer or
     * notification, or an NFT_MSG_NEWSET. {@link #learn} reads no other, so an index pass hands it only these.
     */
    public static boolean mayTeach(int family, int type, int flags) {
        if (family == Netlink.NETLINK_ROUTE) {
            return type == RTM_NEWLINK || type == RTM_DELLINK;
        }
        if (family == Netlink.NETLINK_NETFILTER) {
            return NftSetLearner.mayTeach(family, type);
        }
        return family == Netlink.NETLINK_GENERIC && type == Genetlink.GENL_ID_CTRL && (flags & Netlink.NLM_F_REQUEST) == 0;
    }

    /** The context, knowing what this frame said; the same instance when it said nothing new. */
    public static DecodeContext learn(DecodeContext context, DecodedFrame frame) {
        if (frame.family() == Netlink.NETLINK_ROUTE) {
            return learnLinks(context, frame);
        }
        if (frame.family() == Netlink.NETLINK_NETFILTER) {
            return learnSets(context, frame);
        }
        if (frame.family() != Netlink.NETLINK_GENERIC) {
            return context;
        }
        ByteView all = ByteView.of(frame.frame().data());
        DecodeContext out = context;
        for (DecodedMessage m : frame.messages()) {
            NlMsgHeader h = m.header();
            if (h.type() != Genetlink.GENL_ID_CTRL || h.isRequest()) {
                continue;
            }
            int bodyStart = m.offset() + NlMsgHeader.SIZE;
            int end = (int) Math.min((long) m.offset() + h.length(), all.end());
            if (end - bodyStart < Genetlink.GENL_HDRLEN) {
                continue;
            }
            int cmd = all.u8(bodyStart);
            if (cmd != CTRL_CMD_NEWFAMILY && cmd != CTRL_CMD_GETFAMILY) {
                continue;
            }
            out = learnFamily(out, new ByteView(all.data(), bodyStart + Genetlink.GENL_HDRLEN, end));
        }
        return out;
    }

    private static DecodeContext learnSets(DecodeContext context, DecodedFrame frame) {
        ByteView all = ByteView.of(frame.frame().data());
        DecodeContext out = context;
        for (DecodedMessage m : frame.messages()) {
            long end = Math.min((long) m.offset() + m.header().length(), all.end());
            out = NftSetLearner.learn(out, all, m.offset(), (int) end);
        }
        return out;
    }

    /**
     * What a message of a frame being decoded teaches the messages after it in the same frame:
     * an nftables batch defines a set and adds its elements in one frame.
     */
    static DecodeContext learnWithinFrame(DecodeContext context, int family, ByteView all, int offset, int end) {
        return family == Netlink.NETLINK_NETFILTER ? NftSetLearner.learn(context, all, offset, end) : context;
    }

    private static DecodeContext learnLinks(DecodeContext context, DecodedFrame frame) {
        ByteView all = null;
        DecodeContext out = context;
        for (DecodedMessage m : frame.messages()) {
            NlMsgHeader h = m.header();
            if (h.type() != RTM_NEWLINK && h.type() != RTM_DELLINK) {
                continue;
            }
            all = all == null ? ByteView.of(frame.frame().data()) : all;
            int body = m.offset() + NlMsgHeader.SIZE;
            int end = (int) Math.min((long) m.offset() + h.length(), all.end());
            if (end - body < IFINFOMSG_SIZE) {
                continue;
            }
            int index = (int) all.u32(body + 4);
            // walked in place (every link message of a big dump passes here): only IFLA_IFNAME is read,
            // up to where AttrReader would stop (an nla_len below 4 or past the message)
            for (int pos = body + IFINFOMSG_SIZE; end - pos >= NlAttr.HEADER; ) {
                int len = all.u16(pos);
                if (len < NlAttr.HEADER || len > end - pos) {
                    break;
                }
                if ((all.u16(pos + 2) & Netlink.NLA_TYPE_MASK) == IFLA_IFNAME && len > NlAttr.HEADER) {
                    out = out.withInterface(index, all.cString(pos + NlAttr.HEADER, len - NlAttr.HEADER));
                }
                pos += NlAttr.align(len);
            }
        }
        return out;
    }

    private static DecodeContext learnFamily(DecodeContext context, ByteView attrs) {
        Named n = named(attrs);
        return n == null ? context : context.withGenlFamily(n.id(), n.name());
    }

    /** A family id and the name an nlctrl reply gives it. */
    record Named(int id, String name) {
    }

    /** The id and name in nlctrl's attributes, or null when either is missing. */
    static Named named(ByteView attrs) {
        int id = -1;
        String name = null;
        for (NlAttr a : AttrReader.read(attrs).attributes()) {
            if (a.type() == CTRL_ATTR_FAMILY_ID && a.payloadLength() >= 2) {
                id = attrs.u16(a.payloadOffset());
            } else if (a.type() == CTRL_ATTR_FAMILY_NAME && a.payloadLength() > 0) {
                name = attrs.cString(a.payloadOffset(), a.payloadLength());
            }
        }
        return id >= 0 && name != null && !name.isEmpty() ? new Named(id, name) : null;
    }
}
