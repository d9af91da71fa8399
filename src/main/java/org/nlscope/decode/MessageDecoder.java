package org.nlscope.decode;

import static org.nlscope.uapi.Netlink.NLMSG_MIN_TYPE;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Netlink;

/**
 * Decodes one nlmsghdr-framed message: control messages for every family, generic
 * netlink by family name, anything else by the family's dissector or raw.
 */
final class MessageDecoder {
    private final DissectorRegistry registry;
    private final ControlMessages control;
    private final GenericNetlink genl;
    private final boolean summaryOnly;
    /** By netlink family (0..31): asked for every message, so looked up once. */
    private final SafeDissector[] byFamily = new SafeDissector[32];

    /** @param summaryOnly decode what the summaries and problems need ({@link Dissector#decodeForSummary}) */
    MessageDecoder(DissectorRegistry registry, boolean summaryOnly) {
        this.registry = registry;
        this.summaryOnly = summaryOnly;
        this.control = new ControlMessages(this);
        this.genl = new GenericNetlink(registry, summaryOnly);
        for (int f = 0; f < byFamily.length; f++) {
            byFamily[f] = SafeDissector.of(registry.forKey(DissectorKey.netlink(f)));
        }
    }

    static NlMsgHeader header(ByteView frame, int offset) {
        long len = frame.u32(offset);
        return new NlMsgHeader((int) Math.min(len, Integer.MAX_VALUE), frame.u16(offset + 4), frame.u16(offset + 6),
                frame.u32(offset + 8), frame.u32(offset + 12));
    }

    /**
     * @param frame    the whole frame
     * @param family   the netlink family of the frame
     * @param offset   where the nlmsghdr starts (16 bytes must be there)
     * @param end      where the message's bytes end, already clipped to the frame
     * @param problems what the caller found wrong (a lying nlmsg_len); more are added
     */
    DecodedMessage decode(ByteView frame, int family, int offset, int end, DecodeContext context, List<String> problems) {
        return decode(frame, family, offset, end, context, problems, false, false);
    }

    /** An echoed request inside an NLMSG_ERROR: header only when capped, and never another control message's body. */
    DecodedMessage decodeEchoed(ByteView frame, int family, int offset, int end, boolean headerOnly,
                                DecodeContext context, List<String> problems) {
        return decode(frame, family, offset, end, context, problems, true, headerOnly);
    }

    private DecodedMessage decode(ByteView frame, int family, int offset, int end, DecodeContext context,
                                  List<String> problems, boolean echoed, boolean headerOnly) {
        NlMsgHeader h = header(frame, offset);
        ByteView body = new ByteView(frame.data(), Math.min(offset + NlMsgHeader.SIZE, end), end);
        if (h.type() < NLMSG_MIN_TYPE) {
            return echoed
                    ? control.headerOnly(offset, h, problems)
                    : control.decode(frame, family, offset, h, body, context, problems);
        }
        if (family == Netlink.NETLINK_GENERIC) {
            return genl.decode(offset, h, body, context, problems, headerOnly);
        }
        SafeDissector d = dissector(family);
        List<String> found = new ArrayList<>(problems);
        String name = d.messageName(h.type(), h.isRequest(), found);
        MessageKind kind = d.kind(h.type(), h.isRequest(), found);
        MessageBody b = headerOnly ? MessageBody.EMPTY
                : d.decode(h.type(), name, h.isRequest(), body, context, summaryOnly);
        found.addAll(b.problems());
        return new DecodedMessage(offset, h, name, NetlinkFlags.names(h.flags(), kind), null,
                b.fixedHeader(), b.attributes(), null,
                Summary.of(name != null ? name : "type " + h.type(), b.summary()), found);
    }

    /** The dissector a request of this family was decoded with, for naming what an error reports by number. */
    SafeDissector dissectorOf(int family, DecodedMessage request) {
        if (family == Netlink.NETLINK_GENERIC) {
            return request.typeName() == null ? SafeDissector.NONE
                    : SafeDissector.of(registry.forKey(DissectorKey.genl(request.typeName())));
        }
        return dissector(family);
    }

    private SafeDissector dissector(int family) {
        if (family < 0) {
            return SafeDissector.NONE;
        }
        return family < byFamily.length ? byFamily[family] : SafeDissector.of(registry.forKey(DissectorKey.netlink(family)));
    }
}
