package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nlscope.model.AttrPolicy;
import org.nlscope.model.FamilyPolicy;

/**
 * The policy snapshot against this machine's kernel: for every family, what the
 * CTRL_CMD_GETPOLICY dumps gave (read through the decode engine) is what iproute2's
 * {@code genl ctrl policy} prints from the same dumps.
 */
class GenlPoliciesTest {
    private static final Pattern OP = Pattern.compile("op (\\d+) policies:(?: do=(\\d+))?(?: dump=(\\d+))?");
    private static final Pattern ATTR = Pattern.compile("policy\\[(\\d+)\\]:attr\\[(\\d+)\\]: type=([A-Z0-9_]+)(?: policy:(\\d+))?");

    @Test
    void everyFamilysPoliciesAreWhatGenlCtrlPolicyPrints() throws Exception {
        Map<Integer, String> families = GenlFamilies.snapshot();
        Map<String, FamilyPolicy> policies = GenlFamilies.policies(families);
        assertNotNull(policies.get("nlctrl"), "nlctrl always has policies (since Linux 5.7)");
        int compared = 0;
        for (String name : families.values()) {
            Process genl = new ProcessBuilder("genl", "ctrl", "policy", "name", name).redirectErrorStream(true).start();
            String out = new String(genl.getInputStream().readAllBytes());
            Assumptions.assumeTrue(genl.waitFor(10, TimeUnit.SECONDS), "genl hangs");
            if (genl.exitValue() != 0 || !out.contains("policies:") && !out.contains("policy[")) {
                assertEquals(null, policies.get(name), name + ": genl says " + out.trim());   // ENODATA: none
                continue;
            }
            Map<Integer, FamilyPolicy.OpPolicy> ops = new TreeMap<>();
            Map<String, String> attrs = new TreeMap<>();
            for (String line : out.lines().toList()) {
                Matcher op = OP.matcher(line);
                Matcher attr = ATTR.matcher(line);
                if (op.find()) {
                    ops.put(Integer.parseInt(op.group(1)), new FamilyPolicy.OpPolicy(number(op.group(2)), number(op.group(3))));
                } else if (attr.find()) {
                    attrs.put(attr.group(1) + "/" + attr.group(2), attr.group(3).toLowerCase(Locale.ROOT).replace('_', '-')
                            + (attr.group(4) != null ? " nested=" + attr.group(4) : ""));
                }
            }
            FamilyPolicy p = policies.get(name);
            assertNotNull(p, name + ": genl printed " + out);
            assertEquals(ops, new TreeMap<>(p.ops()), name + " ops");
            Map<String, String> ours = new TreeMap<>();
            p.policies().forEach((idx, table) -> table.forEach((type, a) -> ours.put(idx + "/" + type, describe(a))));
            // genl prints no type it does not know ("type="): compare those it knows
            ours.keySet().retainAll(attrs.keySet().isEmpty() ? ours.keySet() : keysWithTypes(out, ours.keySet()));
            assertEquals(attrs, ours, name + " attributes");
            compared++;
        }
        assertFalse(compared == 0, "no family had policies");
    }

    private static java.util.Set<String> keysWithTypes(String genlOut, java.util.Set<String> keys) {
        java.util.Set<String> known = new java.util.HashSet<>();
        Matcher m = ATTR.matcher(genlOut);
        while (m.find()) {
            known.add(m.group(1) + "/" + m.group(2));
        }
        return known;
    }

    private static String describe(AttrPolicy a) {
        return a.typeName() + (a.nestedPolicy() != null ? " nested=" + a.nestedPolicy() : "");
    }

    private static int number(String s) {
        return s == null ? -1 : Integer.parseInt(s);
    }
}
