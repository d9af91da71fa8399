package org.nlscope.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the kernel said about one generic netlink family's attributes in a
 * CTRL_CMD_GETPOLICY dump (what {@code genl ctrl policy} prints): the policies, each a
 * table of attribute type to {@link AttrPolicy}, and which policy each operation uses.
 * The kernel numbers policies and attributes; it names neither.
 *
 * @param family   the family's name (CTRL_ATTR_FAMILY_NAME)
 * @param ops      command to the policies of its do and dump (CTRL_ATTR_OP_POLICY); empty on kernels
 *                 that dump one policy per family, which is then policy 0
 * @param policies policy index to attribute type to policy
 */
public record FamilyPolicy(String family, Map<Integer, OpPolicy> ops, Map<Integer, Map<Integer, AttrPolicy>> policies) {

    /**
     * CTRL_ATTR_POLICY_DO and CTRL_ATTR_POLICY_DUMP of one command, -1 when the kernel gave none.
     */
    public record OpPolicy(int doPolicy, int dumpPolicy) {
    }

    public FamilyPolicy {
        ops = Map.copyOf(ops);
        Map<Integer, Map<Integer, AttrPolicy>> p = new HashMap<>();
        policies.forEach((idx, attrs) -> p.put(idx, Map.copyOf(attrs)));
        policies = Map.copyOf(p);
    }

    /** The attributes of a policy, empty when the family has no such policy. */
    public Map<Integer, AttrPolicy> policy(int index) {
        return policies.getOrDefault(index, Map.of());
    }

    /** Policy entries over every policy: what the capture's limit counts. */
    public int size() {
        int n = ops.size();
        for (Map<Integer, AttrPolicy> attrs : policies.values()) {
            n += attrs.size();
        }
        return n;
    }

    /**
     * The policy a message's top-level attributes follow, or -1: its command's dump policy
     * for a dump request, else its do policy (else its dump policy). A command the kernel
     * lists no policy for (a reply's or notification's own command) follows the policy most
     * commands use, which is the family's attribute space.
     */
    public int policyFor(int cmd, boolean dumpRequest) {
        OpPolicy op = ops.get(cmd);
        if (op != null) {
            int first = dumpRequest ? op.dumpPolicy() : op.doPolicy();
            int second = dumpRequest ? op.doPolicy() : op.dumpPolicy();
            if (first >= 0 && policies.containsKey(first)) {
                return first;
            }
            if (second >= 0 && policies.containsKey(second)) {
                return second;
            }
        }
        return commonPolicy();
    }

    /** The policy most operations use (the lowest index on a tie); policy 0 when no operation names one. */
    public int commonPolicy() {
        Map<Integer, Integer> uses = new TreeMap<>();
        for (OpPolicy op : ops.values()) {
            for (int p : new int[] {op.doPolicy(), op.dumpPolicy()}) {
                if (p >= 0 && policies.containsKey(p)) {
                    uses.merge(p, 1, Integer::sum);
                }
            }
        }
        int best = policies.containsKey(0) ? 0 : -1;
        int count = 0;
        for (Map.Entry<Integer, Integer> e : uses.entrySet()) {
            if (e.getValue() > count) {
                best = e.getKey();
                count = e.getValue();
            }
        }
        return best;
    }

    /** This family's policy with other's entries added; other wins where both say something. */
    public FamilyPolicy merge(FamilyPolicy other) {
        Map<Integer, OpPolicy> o = new HashMap<>(ops);
        o.putAll(other.ops);
        Map<Integer, Map<Integer, AttrPolicy>> p = new HashMap<>(policies);
        other.policies.forEach((idx, attrs) -> {
            Map<Integer, AttrPolicy> m = new HashMap<>(p.getOrDefault(idx, Map.of()));
            m.putAll(attrs);
            p.put(idx, m);
        });
        return new FamilyPolicy(family, o, p);
    }

    /**
     * The lines a capture's metadata saves, sorted: {@code genl-op FAMILY CMD DO DUMP} (-1: none)
     * and {@code genl-policy FAMILY INDEX ATTR TYPE [key=value ...]} (see {@link AttrPolicy#bounds()}).
     */
    public void appendText(StringBuilder sb) {
        new TreeMap<>(ops).forEach((cmd, op) -> sb.append("genl-op ").append(family).append(' ').append(cmd).append(' ')
                .append(op.doPolicy()).append(' ').append(op.dumpPolicy()).append('\n'));
        new TreeMap<>(policies).forEach((idx, attrs) -> new TreeMap<>(attrs).forEach((attr, p) -> {
            sb.append("genl-policy ").append(family).append(' ').append(idx).append(' ').append(attr).append(' ')
                    .append(p.typeName());
            p.bounds().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append('\n');
        }));
    }

    /**
     * One {@code genl-op} or {@code genl-policy} line (without its keyword, split at spaces)
     * added to the families being read; a damaged line is skipped.
     */
    public static void parseLine(String keyword, List<String> words, Map<String, Builder> into) {
        try {
            if (words.isEmpty() || words.get(0).isEmpty()) {
                return;
            }
            String family = words.get(0);
            if ("genl-op".equals(keyword) && words.size() >= 4) {
                into.computeIfAbsent(family, Builder::new).op(Integer.parseInt(words.get(1)),
                        Integer.parseInt(words.get(2)), Integer.parseInt(words.get(3)));
            } else if ("genl-policy".equals(keyword) && words.size() >= 4) {
                int type = AttrPolicy.typeOf(words.get(3));
                if (type < 0) {
                    return;
                }
                Map<String, String> bounds = new LinkedHashMap<>();
                for (String w : words.subList(4, words.size())) {
                    int eq = w.indexOf('=');
                    if (eq > 0) {
                        bounds.put(w.substring(0, eq), w.substring(eq + 1));
                    }
                }
                into.computeIfAbsent(family, Builder::new).attribute(Integer.parseInt(words.get(1)),
                        Integer.parseInt(words.get(2)), AttrPolicy.of(type, bounds));
            }
        } catch (NumberFormatException e) {
            // a damaged line loses only itself
        }
    }

    /** Collects one family's policy entries, from a dump or from saved lines. Not thread-safe. */
    public static final class Builder {
        private final String family;
        private final Map<Integer, OpPolicy> ops = new HashMap<>();
        private final Map<Integer, Map<Integer, AttrPolicy>> policies = new HashMap<>();
        private int size;

        public Builder(String family) {
            this.family = family;
        }

        public Builder op(int cmd, int doPolicy, int dumpPolicy) {
            if (cmd >= 0 && (ops.containsKey(cmd) || size < Limits.MAX_POLICY_ENTRIES)) {
                size += ops.put(cmd, new OpPolicy(doPolicy, dumpPolicy)) == null ? 1 : 0;
            }
            return this;
        }

        public Builder attribute(int policy, int attr, AttrPolicy p) {
            if (policy < 0 || attr < 0) {
                return this;
            }
            Map<Integer, AttrPolicy> attrs = policies.computeIfAbsent(policy, k -> new HashMap<>());
            if (attrs.containsKey(attr) || size < Limits.MAX_POLICY_ENTRIES) {
                size += attrs.put(attr, p) == null ? 1 : 0;
            }
            return this;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public FamilyPolicy build() {
            return new FamilyPolicy(family, ops, policies);
        }
    }
}
