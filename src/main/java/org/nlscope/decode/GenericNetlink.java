package org.nlscope.decode;

import static org.nlscope.uapi.Genetlink.GENL_HDRLEN;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.FamilyPolicy;
import org.nlscope.model.GenlInfo;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Genetlink;
import org.nlscope.uapi.Netlink;

/**
 * NETLINK_GENERIC messages: nlmsg_type is a family id that only this capture can name
 * (through its {@link DecodeContext}); the genlmsghdr's cmd picks the message, and the
 * dissector is the one registered for the family's name. A family (or command) no
 * dissector describes is typed by the kernel's policy when the capture saved it.
 */
final class GenericNetlink {
    private final DissectorRegistry registry;
    private final boolean summaryOnly;

    GenericNetlink(DissectorRegistry registry, boolean summaryOnly) {
        this.registry = registry;
        this.summaryOnly = summaryOnly;
    }

    DecodedMessage decode(int offset, NlMsgHeader h, ByteView body, DecodeContext context,
                          List<String> problems, boolean headerOnly) {
        List<String> found = new ArrayList<>(problems);
        String family = context.genlFamily(h.type());
        SafeDissector d = family == null ? SafeDissector.NONE : SafeDissector.of(registry.forKey(DissectorKey.genl(family)));
        String familyLabel = family != null ? family : "genl family " + h.type();
        if (headerOnly) {
            return new DecodedMessage(offset, h, family, flagNames(h, MessageKind.OTHER), null,
                    List.of(), List.of(), null, familyLabel, found);
        }
        if (body.length() < GENL_HDRLEN) {
            found.add("genlmsghdr needs 4 bytes at offset " + body.start() + ", " + body.length() + " left");
            MessageBody raw = RawAttributes.body(body);
            return new DecodedMessage(offset, h, family, flagNames(h, MessageKind.OTHER), null,
                    raw.fixedHeader(), raw.attributes(), null, familyLabel, found);
        }
        int cmd = body.u8(body.start());
        int version = body.u8(body.start() + 1);
        String cmdName = d.messageName(cmd, h.isRequest(), found);
        MessageKind kind = d.kind(cmd, h.isRequest(), found);
        ByteView rest = new ByteView(body.data(), body.start() + GENL_HDRLEN, body.end());
        FamilyPolicy policy = cmdName == null ? context.policy(family) : null;
        MessageBody b = policy != null
                ? PolicyAttributes.body(policy, cmd, h.isRequest() && (h.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP, rest)
                : d.decode(cmd, cmdName, h.isRequest(), rest, context, summaryOnly);
        found.addAll(b.problems());
        if (h.type() == Genetlink.GENL_ID_CTRL && !h.isRequest()
                && (cmd == Genetlink.CTRL_CMD_NEWFAMILY || cmd == Genetlink.CTRL_CMD_GETFAMILY)) {
            ContextLearner.Named named = ContextLearner.named(rest);
            String refusal = named == null ? null : context.refusal(named.id(), named.name());
            if (refusal != null) {
                found.add(refusal);
            }
        }
        GenlInfo genl = new GenlInfo(h.type(), family, cmd, cmdName, version);
        String head = familyLabel + " " + (cmdName != null ? cmdName : "cmd " + cmd);
        return new DecodedMessage(offset, h, family, flagNames(h, kind), genl,
                b.fixedHeader(), b.attributes(), null, Summary.of(head, b.summary()), found);
    }

    /**
     * genetlink runs a dump for any command whose request carries both NLM_F_ROOT and
     * NLM_F_MATCH (genl_family_rcv_msg tests NLM_F_DUMP before it looks at the command),
     * so such a request's high bits read as a GET's: DUMP, never "0x300".
     */
    private static List<String> flagNames(NlMsgHeader h, MessageKind kind) {
        boolean dump = h.isRequest() && (h.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP;
        return NetlinkFlags.names(h.flags(), dump ? MessageKind.GET : kind);
    }
}
