package org.nlscope.capture.linux;

import static org.nlscope.uapi.Genetlink.CTRL_ATTR_FAMILY_ID;
import static org.nlscope.uapi.Genetlink.CTRL_CMD_GETFAMILY;
import static org.nlscope.uapi.Genetlink.GENL_ID_CTRL;
import static org.nlscope.uapi.Netlink.NETLINK_GENERIC;

import java.util.Map;
import java.util.TreeMap;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.NetlinkMessageBuilder;
import org.nlscope.decode.PolicyDump;
import org.nlscope.model.FamilyPolicy;
import org.nlscope.uapi.Errno;
import org.nlscope.uapi.Genetlink;
import org.nlscope.uapi.Netlink;

/**
 * Snapshots of the generic netlink families, so a capture can name families whose ids were
 * looked up before it started (CTRL_CMD_GETFAMILY dump to nlctrl) and type the attributes
 * of families nobody described (a CTRL_CMD_GETPOLICY dump per family). The answers are read
 * by the decode engine, as a capture's nlctrl frames are.
 */
final class GenlFamilies {
    /** nlctrl's genl version: 2 since CTRL_CMD_GETPOLICY. */
    static final int CTRL_VERSION = 2;

    private GenlFamilies() {
    }

    /** Family id to name, as the kernel lists them now. */
    static Map<Integer, String> snapshot() {
        DecodeContext[] learned = {DecodeContext.empty()};
        try (NetlinkClient genl = NetlinkClient.open(NETLINK_GENERIC, "NETLINK_GENERIC")) {
            byte[] dump = NetlinkMessageBuilder.genl(GENL_ID_CTRL, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP,
                    genl.nextSeq(), 0, CTRL_CMD_GETFAMILY, 1).build();
            genl.dumpFrames(dump, "CTRL_CMD_GETFAMILY dump", f -> learned[0] = ContextLearner.learn(learned[0], f));
        }
        return new TreeMap<>(learned[0].genlFamilies());
    }

    /**
     * The kernel's attribute policies of these families (id to name), by family name. A
     * family without policies (ENODATA), or whose dump fails otherwise, has no entry; a kernel
     * older than CTRL_CMD_GETPOLICY (Linux 5.7) gives none at all. None of this is an error:
     * the capture only types less.
     */
    static Map<String, FamilyPolicy> policies(Map<Integer, String> families) {
        PolicyDump collected = new PolicyDump();
        try (NetlinkClient genl = NetlinkClient.open(NETLINK_GENERIC, "NETLINK_GENERIC")) {
            for (Map.Entry<Integer, String> family : families.entrySet()) {
                byte[] dump = NetlinkMessageBuilder.genl(GENL_ID_CTRL, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP,
                        genl.nextSeq(), 0, Genetlink.CTRL_CMD_GETPOLICY, CTRL_VERSION)
                        .attrU16(CTRL_ATTR_FAMILY_ID, family.getKey()).build();
                try {
                    genl.dumpFrames(dump, "CTRL_CMD_GETPOLICY " + family.getValue(), collected::add);
                } catch (NetlinkError e) {
                    if (e.errno() == Errno.EOPNOTSUPP) {
                        break;      // this kernel has no policy dumps
                    }
                    // ENODATA: no policy; ENOENT: the family went away since the family dump
                }
            }
        }
        return collected.build(families);
    }
}
