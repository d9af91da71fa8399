package org.nlscope.decode;

import static org.nlscope.uapi.Genetlink.CTRL_ATTR_FAMILY_ID;
import static org.nlscope.uapi.Genetlink.CTRL_ATTR_OP_POLICY;
import static org.nlscope.uapi.Genetlink.CTRL_ATTR_POLICY;
import static org.nlscope.uapi.Genetlink.CTRL_ATTR_POLICY_DO;
import static org.nlscope.uapi.Genetlink.CTRL_ATTR_POLICY_DUMP;
import static org.nlscope.uapi.Genetlink.CTRL_CMD_GETPOLICY;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.nlscope.model.AttrPolicy;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.FamilyPolicy;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Genetlink;
import org.nlscope.uapi.Netlink;

/**
 * Collects nlctrl's answers to CTRL_CMD_GETPOLICY (what {@code genl ctrl policy} asks) into
 * each family's {@link FamilyPolicy}. The kernel answers with one message per operation
 * (CTRL_ATTR_OP_POLICY: [cmd] {CTRL_ATTR_POLICY_DO, CTRL_ATTR_POLICY_DUMP}) and one per
 * attribute of each policy (CTRL_ATTR_POLICY: [policy index] [attribute type]
 * {NL_POLICY_TYPE_ATTR_*}), each with CTRL_ATTR_FAMILY_ID. Not thread-safe.
 */
public final class PolicyDump {

    /** By family id, until the ids are named. */
    private final Map<Integer, FamilyPolicy.Builder> byId = new TreeMap<>();

    /** Adds every CTRL_CMD_GETPOLICY answer of a decoded frame of NETLINK_GENERIC. */
    public void add(DecodedFrame frame) {
        if (frame.family() != Netlink.NETLINK_GENERIC) {
            return;
        }
        ByteView all = ByteView.of(frame.frame().data());
        for (DecodedMessage m : frame.messages()) {
            NlMsgHeader h = m.header();
            if (h.type() != Genetlink.GENL_ID_CTRL || h.isRequest() || m.genl() == null
                    || m.genl().cmd() != CTRL_CMD_GETPOLICY) {
                continue;
            }
            int attrs = m.offset() + NlMsgHeader.SIZE + Genetlink.GENL_HDRLEN;
            int end = (int) Math.min((long) m.offset() + h.length(), all.end());
            if (attrs < end) {
                add(new ByteView(all.data(), attrs, end));
            }
        }
    }

    /** Adds one answer: the attributes after its genlmsghdr. An answer without a family id says nothing. */
    public void add(ByteView attrs) {
        int id = -1;
        NlAttr opPolicy = null;
        NlAttr policy = null;
        for (NlAttr a : AttrReader.read(attrs).attributes()) {
            switch (a.type()) {
                case CTRL_ATTR_FAMILY_ID -> id = a.payloadLength() >= 2 ? attrs.u16(a.payloadOffset()) : -1;
                case CTRL_ATTR_OP_POLICY -> opPolicy = a;
                case CTRL_ATTR_POLICY -> policy = a;
                default -> {
                }
            }
        }
        if (id < 0) {
            return;
        }
        FamilyPolicy.Builder b = byId.computeIfAbsent(id, k -> new FamilyPolicy.Builder("genl family " + k));
        if (opPolicy != null) {
            ByteView ops = opPolicy.payload(attrs);
            for (NlAttr op : AttrReader.read(ops).attributes()) {
                int doPolicy = -1;
                int dumpPolicy = -1;
                ByteView which = op.payload(ops);
                for (NlAttr w : AttrReader.read(which).attributes()) {
                    if (w.payloadLength() == 4 && w.type() == CTRL_ATTR_POLICY_DO) {
                        doPolicy = (int) Math.min(which.u32(w.payloadOffset()), Integer.MAX_VALUE);
                    } else if (w.payloadLength() == 4 && w.type() == CTRL_ATTR_POLICY_DUMP) {
                        dumpPolicy = (int) Math.min(which.u32(w.payloadOffset()), Integer.MAX_VALUE);
                    }
                }
                b.op(op.type(), doPolicy, dumpPolicy);
            }
        }
        if (policy != null) {
            ByteView policies = policy.payload(attrs);
            for (NlAttr index : AttrReader.read(policies).attributes()) {
                ByteView attrsOfPolicy = index.payload(policies);
                for (NlAttr attr : AttrReader.read(attrsOfPolicy).attributes()) {
                    AttrPolicy p = Policy.of(attr.payload(attrsOfPolicy));
                    if (p != null) {
                        b.attribute(index.type(), attr.type(), p);
                    }
                }
            }
        }
    }

    /** True when no answer said anything yet. */
    public boolean isEmpty() {
        return byId.values().stream().allMatch(FamilyPolicy.Builder::isEmpty);
    }

    /**
     * The families collected, by the names the ids have; ids without a name, or with one a
     * capture's metadata line cannot hold (blanks, control characters), are left out.
     */
    public Map<String, FamilyPolicy> build(Map<Integer, String> names) {
        Map<String, FamilyPolicy> out = new LinkedHashMap<>();
        byId.forEach((id, b) -> {
            String name = names.get(id);
            if (name != null && !name.isEmpty() && name.chars().allMatch(c -> c > ' ' && c != 0x7f) && !b.isEmpty()) {
                FamilyPolicy f = b.build();
                out.put(name, new FamilyPolicy(name, f.ops(), f.policies()));
            }
        });
        return out;
    }
}
