package org.nlscope.decode;

import static org.nlscope.uapi.Netlink.NLMSG_DONE;
import static org.nlscope.uapi.Netlink.NLMSG_ERROR;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.ErrorInfo;
import org.nlscope.model.Field;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Errno;
import org.nlscope.uapi.Netlink;

/**
 * The control messages every family shares (types below NLMSG_MIN_TYPE): NLMSG_NOOP,
 * NLMSG_ERROR (an errno or ACK, the echoed request, extended ACK), NLMSG_DONE (the
 * dump's final error code, extended ACK) and NLMSG_OVERRUN.
 */
final class ControlMessages {

    /** The text of a positive error code. */
    private static final String POSITIVE = "positive: not an errno, the handler's return value passed on";

    private final MessageDecoder messages;

    ControlMessages(MessageDecoder messages) {
        this.messages = messages;
    }

    /** NLMSG_NOOP ..., or null for the reserved types 0 and 5..15. */
    static String name(int type) {
        return Netlink.controlTypeName(type);
    }

    private static List<String> flagNames(NlMsgHeader h) {
        return h.type() == NLMSG_ERROR || h.type() == NLMSG_DONE
                ? NetlinkFlags.ackNames(h.flags()) : NetlinkFlags.names(h.flags(), MessageKind.OTHER);
    }

    /** A control message echoed inside an error: its header is all that is shown. */
    DecodedMessage headerOnly(int offset, NlMsgHeader h, List<String> problems) {
        String name = name(h.type());
        return new DecodedMessage(offset, h, name, flagNames(h), null, List.of(), List.of(), null,
                name != null ? name : "control type " + h.type(), problems);
    }

    DecodedMessage decode(ByteView frame, int family, int offset, NlMsgHeader h, ByteView body,
                          DecodeContext context, List<String> problems) {
        return switch (h.type()) {
            case NLMSG_ERROR -> error(frame, family, offset, h, body, context, problems);
            case NLMSG_DONE -> done(offset, h, body, problems);
            default -> {
                String name = name(h.type());
                List<String> found = new ArrayList<>(problems);
                if (name == null) {
                    found.add("reserved control message type " + h.type());
                }
                MessageBody raw = RawAttributes.body(body);
                found.addAll(raw.problems());
                yield new DecodedMessage(offset, h, name, flagNames(h), null, raw.fixedHeader(), raw.attributes(),
                        null, name != null ? name : "control type " + h.type(), found);
            }
        };
    }

    private DecodedMessage error(ByteView frame, int family, int offset, NlMsgHeader h, ByteView body,
                                 DecodeContext context, List<String> problems) {
        List<String> found = new ArrayList<>(problems);
        int pos = body.start();
        if (body.length() < 4) {
            found.add("NLMSG_ERROR at offset " + offset + " has no room for its error code");
            return new DecodedMessage(offset, h, "NLMSG_ERROR", flagNames(h), null, List.of(), List.of(), null,
                    "NLMSG_ERROR", found);
        }
        int code = body.s32(pos);
        Field errorField = errorMember(code, pos);
        boolean capped = (h.flags() & Netlink.NLM_F_CAPPED) != 0;
        int reqStart = pos + 4;
        int tlvStart = body.end();
        DecodedMessage request = null;
        if (body.end() - reqStart >= NlMsgHeader.SIZE) {
            long echoedLen = body.u32(reqStart);
            int available = body.end() - reqStart;
            List<String> reqProblems = new ArrayList<>();
            boolean headerOnly = capped || echoedLen < NlMsgHeader.SIZE;
            int reqLen = NlMsgHeader.SIZE;
            if (!capped) {
                if (echoedLen < NlMsgHeader.SIZE) {
                    reqProblems.add("echoed request has nlmsg_len " + echoedLen + " (less than 16)");
                } else if (echoedLen > available) {
                    reqProblems.add("echoed request has nlmsg_len " + echoedLen + " but only " + available + " bytes were echoed");
                    reqLen = available;
                } else {
                    reqLen = (int) echoedLen;
                }
            }
            request = messages.decodeEchoed(frame, family, reqStart, reqStart + reqLen, headerOnly, context, reqProblems);
            for (String p : request.problems()) {
                found.add("echoed request: " + p);
            }
            tlvStart = Math.min(body.end(), reqStart + NlAttr.align(reqLen));
        } else {
            found.add("NLMSG_ERROR at offset " + offset + " has no room for the echoed request's header");
        }
        ExtAck.Result ext = ExtAck.Result.NONE;
        if ((h.flags() & Netlink.NLM_F_ACK_TLVS) != 0 && tlvStart < body.end()) {
            ExtAck.MissingNamer namer = namer(family, request);
            ext = ExtAck.decode(new ByteView(frame.data(), tlvStart, body.end()), capped ? null : request, namer);
            found.addAll(ext.problems());
        } else if (tlvStart < body.end() && !allZero(body, tlvStart)) {
            found.add((body.end() - tlvStart) + " bytes at offset " + tlvStart + " follow the echoed request without NLM_F_ACK_TLVS");
        }
        ErrorInfo info = new ErrorInfo(code, errnoName(code), code > 0 ? POSITIVE : Errno.text(code), ext.message(),
                ext.offset(), ext.badAttr(), request, ext.fields());
        return new DecodedMessage(offset, h, "NLMSG_ERROR", flagNames(h), null, List.of(errorField), List.of(), info,
                Summary.of("NLMSG_ERROR", (code == 0 ? "ACK" : describe(code)) + note(ext.message())), found);
    }

    private DecodedMessage done(int offset, NlMsgHeader h, ByteView body, List<String> problems) {
        List<String> found = new ArrayList<>(problems);
        if (body.length() < 4) {
            // userspace protocols may end a dump with an empty NLMSG_DONE
            return new DecodedMessage(offset, h, "NLMSG_DONE", flagNames(h), null, List.of(), List.of(), null,
                    "NLMSG_DONE", found);
        }
        int code = body.s32(body.start());
        ExtAck.Result ext = ExtAck.Result.NONE;
        int tlvStart = body.start() + 4;
        if ((h.flags() & Netlink.NLM_F_ACK_TLVS) != 0 && tlvStart < body.end()) {
            ext = ExtAck.decode(new ByteView(body.data(), tlvStart, body.end()), null, ExtAck.MissingNamer.NONE);
            found.addAll(ext.problems());
        }
        String tail = (code == 0 ? "" : describe(code)) + note(ext.message());
        return new DecodedMessage(offset, h, "NLMSG_DONE", flagNames(h), null, List.of(errorMember(code, body.start())),
                ext.fields(), null, Summary.of("NLMSG_DONE", tail), found);
    }

    /** Names MISS_TYPE with the attribute set of the request's message type. */
    private ExtAck.MissingNamer namer(int family, DecodedMessage request) {
        if (request == null) {
            return ExtAck.MissingNamer.NONE;
        }
        SafeDissector d = messages.dissectorOf(family, request);
        int type = request.genl() != null ? request.genl().cmd() : request.header().type();
        if (family == Netlink.NETLINK_GENERIC && request.genl() == null) {
            return ExtAck.MissingNamer.NONE; // a capped genl echo: the cmd is unknown
        }
        return (nestPath, attrType) -> d.attributeName(type, request.header().isRequest(), nestPath, attrType);
    }

    /**
     * The errno a code names: the kernel sends -errno. A positive code is no errno but a
     * handler's return value the kernel passed on as it was (mac802154_hwsim's NEW_RADIO
     * answers with the new radio's index), so it is not named after the errno of its size.
     */
    private static String errnoName(int code) {
        return code < 0 ? Errno.name(code) : null;
    }

    private static String describe(int code) {
        return code > 0 ? code + " (positive: not an errno)" : Errno.describe(code);
    }

    private static Field errorMember(int code, int offset) {
        String name = errnoName(code);
        String display = code == 0 ? "0" : name != null ? code + " (" + name + ")"
                : code > 0 ? "positive: not an errno" : String.valueOf(code);
        Field f = Field.member("error", (long) code, display, offset, 4);
        return name == null ? f : f.withValueName(name);
    }

    private static String note(String message) {
        return message == null || message.isBlank() ? "" : " (" + message + ")";
    }

    private static boolean allZero(ByteView v, int from) {
        for (int i = from; i < v.end(); i++) {
            if (v.u8(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
