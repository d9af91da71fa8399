package org.nlscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlscope.uapi.Netlink;

/** The saved form of the kernel's policies in a capture's metadata, and which policy a message follows. */
class FamilyPolicyTest {

    private static FamilyPolicy sample() {
        return new FamilyPolicy.Builder("TIPCv2")
                .op(4, 0, 0).op(11, 0, 0).op(14, -1, 0)
                .attribute(0, 1, new AttrPolicy(Netlink.NL_ATTR_TYPE_NESTED, null, null, null, null, null, null, 1, 7, null))
                .attribute(0, 9, AttrPolicy.of(Netlink.NL_ATTR_TYPE_NESTED_ARRAY))
                .attribute(1, 1, new AttrPolicy(Netlink.NL_ATTR_TYPE_NUL_STRING, null, null, null, null, null, 31, null, null, null))
                .attribute(1, 2, new AttrPolicy(Netlink.NL_ATTR_TYPE_S32, -5L, 5L, null, null, null, null, null, null, null))
                .attribute(1, 3, new AttrPolicy(Netlink.NL_ATTR_TYPE_U64, null, null, 0L, -1L, null, null, null, null, null))
                .attribute(1, 4, new AttrPolicy(Netlink.NL_ATTR_TYPE_BITFIELD32, null, null, null, null, null, null, null, null, 0xf0L))
                .build();
    }

    @Test
    void theTextFormRoundTripsThroughTheMetadata() {
        CaptureMetadata m = new CaptureMetadata(Map.of(30, "TIPCv2"), Map.of(), CaptureStats.NONE, Map.of(),
                Map.of("TIPCv2", sample()));
        String text = m.toText();
        assertTrue(text.contains("genl-op TIPCv2 14 -1 0\n"), text);
        assertTrue(text.contains("genl-policy TIPCv2 0 1 nested maxtype=7 nested=1\n"), text);
        assertTrue(text.contains("genl-policy TIPCv2 1 3 u64 umax=18446744073709551615 umin=0\n"), text);
        assertTrue(text.contains("genl-policy TIPCv2 1 4 bitfield32 mask=0xf0\n"), text);
        assertEquals(m, CaptureMetadata.parse(text));
    }

    @Test
    void damagedAndUnknownLinesLoseOnlyThemselves() {
        String text = "nlscope-metadata 1\n"
                + "genl-policy TIPCv2 0 1 u32\n"
                + "genl-policy TIPCv2 x 2 u32\n"          // not a number
                + "genl-policy TIPCv2 0 3 u1024\n"        // a type nlscope does not know
                + "genl-policy TIPCv2 0 4 u16 umax=zz\n"  // a bound that is no number
                + "genl-policy TIPCv2 0 5 string future=1 maxlen=8\n"   // a key from a newer writer
                + "genl-op TIPCv2 4\n"                    // too short
                + "genl-op\n";
        FamilyPolicy p = CaptureMetadata.parse(text).policies().get("TIPCv2");
        assertEquals(Map.of(1, AttrPolicy.of(Netlink.NL_ATTR_TYPE_U32),
                5, AttrPolicy.of(Netlink.NL_ATTR_TYPE_STRING, Map.of("maxlen", "8"))), p.policy(0));
        assertTrue(p.ops().isEmpty());
    }

    @Test
    void aMessageFollowsItsCommandsPolicyElseTheOneMostCommandsUse() {
        FamilyPolicy p = new FamilyPolicy.Builder("f").op(1, 2, -1).op(2, 2, 3).op(3, 2, -1).op(4, -1, -1)
                .attribute(2, 1, AttrPolicy.of(Netlink.NL_ATTR_TYPE_U8))
                .attribute(3, 1, AttrPolicy.of(Netlink.NL_ATTR_TYPE_U16)).build();
        assertEquals(3, p.policyFor(2, true), "a dump request: its dump's policy");
        assertEquals(2, p.policyFor(2, false));
        assertEquals(2, p.policyFor(1, true), "no dump policy: the do's");
        assertEquals(2, p.policyFor(4, false), "no policy at all: the common one");
        assertEquals(2, p.policyFor(99, false), "a reply's own command");
        FamilyPolicy old = new FamilyPolicy.Builder("old").attribute(0, 1, AttrPolicy.of(Netlink.NL_ATTR_TYPE_U8)).build();
        assertEquals(0, old.policyFor(7, false), "a kernel that dumps one policy per family: policy 0");
        assertEquals(-1, new FamilyPolicy.Builder("none").build().policyFor(1, false));
    }

    @Test
    void blocksMergeWithinTheirLimits() {
        CaptureMetadata.Accumulator acc = new CaptureMetadata.Accumulator();
        FamilyPolicy first = new FamilyPolicy.Builder("f").attribute(0, 1, AttrPolicy.of(Netlink.NL_ATTR_TYPE_U8)).build();
        FamilyPolicy second = new FamilyPolicy.Builder("f").attribute(0, 2, AttrPolicy.of(Netlink.NL_ATTR_TYPE_U16)).build();
        acc.add(CaptureMetadata.EMPTY.withPolicies(Map.of("f", first)));
        CaptureMetadata added = acc.add(CaptureMetadata.EMPTY.withPolicies(Map.of("f", second)));
        assertEquals(Map.of("f", second), added.policies(), "what was new in the block");
        assertEquals(2, acc.snapshot().policies().get("f").size(), "a family split over two blocks is whole");
        assertTrue(acc.add(CaptureMetadata.EMPTY.withPolicies(Map.of("f", second))).isEmpty(), "nothing new");
        for (int i = 0; i < Limits.MAX_POLICY_BLOCKS; i++) {
            acc.add(CaptureMetadata.EMPTY.withPolicies(Map.of("g" + i,
                    new FamilyPolicy.Builder("g" + i).attribute(0, 1, AttrPolicy.of(1)).build())));
        }
        assertEquals(Limits.MAX_POLICY_BLOCKS - 3, acc.snapshot().policies().size() - 1,
                "three blocks went to f; blocks past the limit add no policies");
    }
}
