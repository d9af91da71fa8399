package org.nlscope.capture.linux;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NetlinkMessageBuilder;
import org.nlscope.decode.NlAttr;

/**
 * A snapshot of the generic netlink families (CTRL_CMD_GETFAMILY dump to nlctrl), so a
 * capture can name families whose ids were looked up before it started.
 */
final class GenlFamilies {
    static final int NETLINK_GENERIC = 16;
    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;

    private GenlFamilies() {
    }

    /** Family id to name, as the kernel lists them now. */
    static Map<Integer, String> snapshot() {
        Map<Integer, String> families = new TreeMap<>();
        try (NetlinkClient genl = NetlinkClient.open(NETLINK_GENERIC, "NETLINK_GENERIC")) {
            byte[] dump = NetlinkMessageBuilder.genl(GENL_ID_CTRL, NetlinkClient.NLM_F_REQUEST | NetlinkClient.NLM_F_DUMP,
                    genl.nextSeq(), 0, CTRL_CMD_GETFAMILY, 1).build();
            genl.dump(dump, "CTRL_CMD_GETFAMILY dump", m -> {
                Integer id = null;
                String name = null;
                for (NlAttr a : AttrReader.read(new ByteView(m.data(), m.start() + 20, m.end())).attributes()) {
                    if (a.type() == CTRL_ATTR_FAMILY_ID && a.payloadLength() >= 2) {
                        id = m.u16(a.payloadOffset());
                    } else if (a.type() == CTRL_ATTR_FAMILY_NAME) {
                        String s = new String(m.data(), a.payloadOffset(), a.payloadLength(), StandardCharsets.UTF_8);
                        int nul = s.indexOf('\0');
                        name = nul >= 0 ? s.substring(0, nul) : s;
                    }
                }
                if (id != null && name != null) {
                    families.put(id, name);
                }
            });
        }
        return families;
    }
}
