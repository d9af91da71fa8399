package org.nlscope.session;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.NlAttr;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.model.GenlInfo;
import org.nlscope.model.NlMsgHeader;

/**
 * A small decoder for the few message types the session tests assemble (links, nlctrl,
 * control messages), standing in for the engine's FrameDecoder until it lands.
 */
final class InterimDecoding implements FrameDecoding {

    @Override
    public DecodedFrame decode(int number, Frame frame, DecodeContext context) {
        CookedHeader ch = CookedHeader.parse(frame.linkType(), frame.data());
        ByteView all = ByteView.of(frame.data());
        List<DecodedMessage> msgs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int pos = ch.length();
        boolean request = false;
        while (ch.complete() && pos + 16 <= all.end()) {
            int len = (int) all.u32(pos);
            if (len < 16 || pos + len > all.end()) {
                problems.add("nlmsg_len " + len + " at offset " + pos + " runs past the frame");
                break;
            }
            DecodedMessage m = message(all, pos, len, ch.netlinkFamily(), context);
            request |= m.header().isRequest();
            msgs.add(m);
            pos += NlAttr.align(len);
        }
        if (!ch.complete()) {
            problems.add("frame shorter than its cooked header");
        }
        String familyName = switch (ch.netlinkFamily()) {
            case 0 -> "NETLINK_ROUTE";
            case 16 -> "NETLINK_GENERIC";
            default -> null;
        };
        return new DecodedFrame(number, frame, ch.netlinkFamily(), familyName,
                request ? Direction.TO_KERNEL : Direction.FROM_KERNEL, true, msgs, problems);
    }

    @Override
    public DecodeContext learn(DecodeContext before, DecodedFrame decoded) {
        DecodeContext c = before;
        for (DecodedMessage m : decoded.messages()) {
            if (m.genl() != null && m.genl().familyId() == DecodeContext.GENL_ID_CTRL && m.genl().cmd() == 1) {
                Field id = m.attribute("CTRL_ATTR_FAMILY_ID");
                Field name = m.attribute("CTRL_ATTR_FAMILY_NAME");
                if (id != null && name != null) {
                    c = c.withGenlFamily(((Long) id.value()).intValue(), (String) name.value());
                }
            }
        }
        return c;
    }

    private static DecodedMessage message(ByteView all, int pos, int len, int family, DecodeContext ctx) {
        NlMsgHeader h = new NlMsgHeader(len, all.u16(pos + 4), all.u16(pos + 6), all.u32(pos + 8), all.u32(pos + 12));
        ByteView body = all.slice(pos + 16, len - 16);
        List<String> flags = new ArrayList<>();
        String[] low = {"NLM_F_REQUEST", "NLM_F_MULTI", "NLM_F_ACK", "NLM_F_ECHO"};
        for (int b = 0; b < 4; b++) {
            if ((h.flags() & (1 << b)) != 0) {
                flags.add(low[b]);
            }
        }
        if ((h.flags() & 0x300) == 0x300 && h.type() == NetlinkTestFrames.RTM_GETLINK) {
            flags.add("NLM_F_DUMP");
        }
        if (h.type() == 2) {
            return errorMessage(all, pos, h, body, family, ctx, flags);
        }
        if (h.type() == 3) {
            return new DecodedMessage(pos, h, "NLMSG_DONE", flags, null, List.of(), List.of(), null, "NLMSG_DONE", List.of());
        }
        if (family == 16) {
            int cmd = body.u8(body.start());
            String fam = ctx.genlFamily(h.type());
            String cmdName = h.type() == DecodeContext.GENL_ID_CTRL ? (cmd == 1 ? "CTRL_CMD_NEWFAMILY" : cmd == 3 ? "CTRL_CMD_GETFAMILY" : null) : null;
            List<Field> attrs = new ArrayList<>();
            for (NlAttr a : AttrReader.read(body.slice(body.start() + 4, body.length() - 4)).attributes()) {
                if (a.type() == 1) {
                    long id = all.u16(a.payloadOffset());
                    attrs.add(new Field("CTRL_ATTR_FAMILY_ID", 1, id, null, null, "" + id, a.offset(), a.length(), false, null, null));
                } else if (a.type() == 2) {
                    String s = new String(all.bytes(a.payloadOffset(), a.payloadLength() - 1));
                    attrs.add(new Field("CTRL_ATTR_FAMILY_NAME", 2, s, null, null, s, a.offset(), a.length(), false, null, null));
                }
            }
            return new DecodedMessage(pos, h, fam, flags, new GenlInfo(h.type(), fam, cmd, cmdName, 1), List.of(), attrs,
                    null, (cmdName == null ? "genl cmd " + cmd : cmdName), List.of());
        }
        String name = switch (h.type()) {
            case 16 -> "RTM_NEWLINK";
            case 17 -> "RTM_DELLINK";
            case 18 -> "RTM_GETLINK";
            default -> null;
        };
        List<Field> fixed = List.of(Field.member("ifi_index", (long) body.s32(body.start() + 4), "" + body.s32(body.start() + 4), body.start() + 4, 4));
        List<Field> attrs = attrs(all, body.slice(body.start() + 16, body.length() - 16));
        StringBuilder summary = new StringBuilder(name == null ? "type " + h.type() : name);
        for (Field f : attrs) {
            if ("IFLA_IFNAME".equals(f.name())) {
                summary.append(' ').append(f.display());
            }
            if ("IFLA_MTU".equals(f.name())) {
                summary.append(" mtu ").append(f.display());
            }
        }
        return new DecodedMessage(pos, h, name, flags, null, fixed, attrs, null, summary.toString(), List.of());
    }

    private static DecodedMessage errorMessage(ByteView all, int pos, NlMsgHeader h, ByteView body, int family,
                                               DecodeContext ctx, List<String> flags) {
        int code = body.s32(body.start());
        int reqLen = (int) body.u32(body.start() + 4);
        boolean capped = (h.flags() & 0x100) != 0;
        int echoed = capped ? 16 : reqLen;
        DecodedMessage request;
        if (capped) {
            NlMsgHeader rh = new NlMsgHeader(reqLen, all.u16(body.start() + 8), all.u16(body.start() + 10),
                    all.u32(body.start() + 12), all.u32(body.start() + 16));
            String n = rh.type() == 16 ? "RTM_NEWLINK" : null;
            request = new DecodedMessage(body.start() + 4, rh, n, List.of(), null, List.of(), List.of(), null, n, List.of());
        } else {
            request = message(all, body.start() + 4, reqLen, family, ctx);
        }
        int extStart = body.start() + 4 + NlAttr.align(echoed);
        String text = null;
        Integer offs = null;
        List<Field> ext = new ArrayList<>();
        if (extStart < body.end()) {
            for (NlAttr a : AttrReader.read(body.slice(extStart, body.end() - extStart)).attributes()) {
                if (a.type() == 1) {
                    text = new String(all.bytes(a.payloadOffset(), a.payloadLength() - 1));
                    ext.add(new Field("NLMSGERR_ATTR_MSG", 1, text, null, null, text, a.offset(), a.length(), false, null, null));
                } else if (a.type() == 2) {
                    offs = (int) all.u32(a.payloadOffset());
                    ext.add(new Field("NLMSGERR_ATTR_OFFS", 2, (long) offs, null, null, "" + offs, a.offset(), a.length(), false, null, null));
                }
            }
        }
        String errName = code == 0 ? null : code == -17 ? "EEXIST" : code == -19 ? "ENODEV" : code == -22 ? "EINVAL" : "E" + (-code);
        String errText = code == 0 ? null : code == -17 ? "File exists" : code == -19 ? "No such device" : "Invalid argument";
        ErrorInfo info = new ErrorInfo(code, errName, errText, text, offs, null, request, ext);
        String summary = code == 0 ? "NLMSG_ERROR ACK" : "NLMSG_ERROR -" + errName + ": " + errText;
        return new DecodedMessage(pos, h, "NLMSG_ERROR", flags, null, List.of(), List.of(), info, summary, List.of());
    }

    private static List<Field> attrs(ByteView all, ByteView window) {
        List<Field> out = new ArrayList<>();
        for (NlAttr a : AttrReader.read(window).attributes()) {
            ByteView p = a.payload(all);
            switch (a.type()) {
                case NetlinkTestFrames.IFLA_IFNAME -> {
                    String s = new String(all.bytes(p.start(), Math.max(0, p.length() - 1)));
                    out.add(new Field("IFLA_IFNAME", a.type(), s, null, null, s, a.offset(), a.length(), false, null, null));
                }
                case NetlinkTestFrames.IFLA_MTU -> {
                    long v = all.u32(p.start());
                    out.add(new Field("IFLA_MTU", a.type(), v, null, null, "" + v, a.offset(), a.length(), false, null, null));
                }
                case NetlinkTestFrames.IFLA_LINKINFO -> {
                    List<Field> kids = new ArrayList<>();
                    for (NlAttr k : AttrReader.read(p).attributes()) {
                        String s = new String(all.bytes(k.payloadOffset(), Math.max(0, k.payloadLength() - 1)));
                        kids.add(new Field(k.type() == 1 ? "IFLA_INFO_KIND" : null, k.type(), s, null, null, s, k.offset(), k.length(), false, null, null));
                    }
                    out.add(new Field("IFLA_LINKINFO", a.type(), null, null, null, "", a.offset(), a.length(), true, kids, null));
                }
                default -> out.add(new Field(null, a.type(), all.hex(p.start(), p.length()), null, null,
                        all.hex(p.start(), p.length()), a.offset(), a.length(), false, null, null));
            }
        }
        return out;
    }
}
