package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.decode.spec.Fixtures.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.MessageBody;
import org.nlscope.model.Field;

/** dissectors/genetlink/nlctrl.yaml on real replies of this machine's kernel. */
class NlctrlDissectorTest {
    private static final SpecDissector NLCTRL = Fixtures.single("dissectors/genetlink/nlctrl.yaml");

    /** The body after nlmsghdr and genlmsghdr, keyed by genlmsghdr.cmd. */
    private static MessageBody decode(Recorded m) {
        byte[] b = m.bytes();
        return NLCTRL.decode(b[16], false, new ByteView(b, 20, b.length), DecodeContext.empty());
    }

    @Test
    void familyReplyWithOpsAndGroups() {
        assertEquals(DissectorKey.genl("nlctrl"), NLCTRL.key());
        MessageBody b = decode(Recorded.load("nlctrl-family.hex").get(0));
        assertEquals(List.of(), b.problems());
        assertEquals("nlctrl id 16", b.summary());
        assertEquals(16L, at(b, "CTRL_ATTR_FAMILY_ID").value());
        Field ops = at(b, "CTRL_ATTR_OPS");
        assertTrue(ops.nested());
        assertEquals(3L, at(b, "CTRL_ATTR_OPS/[1]/CTRL_ATTR_OP_ID").value());
        assertTrue(at(b, "CTRL_ATTR_OPS/[1]/CTRL_ATTR_OP_FLAGS").valueNames().contains("GENL_CMD_CAP_DO"));
        assertEquals("notify", at(b, "CTRL_ATTR_MCAST_GROUPS/[1]/CTRL_ATTR_MCAST_GRP_NAME").value());
    }

    @Test
    void policyDumpNamesAttributeTypes() {
        List<Recorded> dump = Recorded.load("nlctrl-policy.hex");
        boolean sawPolicy = false;
        for (Recorded m : dump) {
            if (m.type() != 0x10) {
                continue;
            }
            MessageBody b = decode(m);
            assertEquals(List.of(), b.problems());
            assertEquals("CTRL_CMD_GETPOLICY", NLCTRL.messageName(m.bytes()[16]));
            Field policy = b.attributes().stream().filter(f -> "CTRL_ATTR_POLICY".equals(f.name())).findFirst()
                    .orElse(null);
            if (policy != null) {
                sawPolicy = true;
                Field table = policy.children().get(0);
                Field entry = table.children().get(0);
                assertTrue(table.name().matches("\\[\\d+]") && entry.name().matches("\\[\\d+]"));
                Field type = entry.child("NL_POLICY_TYPE_ATTR_TYPE");
                assertTrue(type.valueName().startsWith("NL_ATTR_TYPE_"), type::toString);
            }
        }
        assertTrue(sawPolicy);
    }

    @Test
    void policyOfCtrlAttrFamilyNameIsANulString() {
        // nlctrl's own policy: CTRL_ATTR_FAMILY_NAME (2) is NLA_NUL_STRING
        for (Recorded m : Recorded.load("nlctrl-policy.hex")) {
            if (m.type() == 0x10) {
                MessageBody b = decode(m);
                for (Field f : b.attributes()) {
                    if ("CTRL_ATTR_POLICY".equals(f.name()) && f.children().get(0).child("[2]") != null) {
                        assertEquals("NUL_STRING", f.children().get(0).child("[2]")
                                .child("NL_POLICY_TYPE_ATTR_TYPE").display());
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no policy for attribute 2 in the dump");
    }
}
