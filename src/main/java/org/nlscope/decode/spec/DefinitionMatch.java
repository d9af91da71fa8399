package org.nlscope.decode.spec;

import java.util.HashMap;
import java.util.Map;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Member;

/**
 * The definitions of a family on both sides, the spec's and nlscope's own, to tell whether
 * nlscope's enum or struct says the same as the spec's with the header's names.
 */
record DefinitionMatch(Map<String, Definition> spec, Map<String, Definition> own) {
    /**
     * nlscope's enum for an attribute: when the spec has none, or the spec's names the same
     * values otherwise (its derived names are not the header's: NLCTRL_OP_FLAGS_CMD_CAP_DO
     * for GENL_CMD_CAP_DO).
     */
    String enumFor(Attribute a, Attribute mine) {
        return enumFor(a.en(), mine.en());
    }

    String enumFor(String specEnum, String ownEnum) {
        Definition o = ownEnum == null ? null : own.get(ownEnum);
        if (o == null) {
            return specEnum;
        }
        Definition d = specEnum == null ? null : spec.get(specEnum);
        if (d == null) {
            return ownEnum;
        }
        if (!d.type().equals(o.type())) {
            return specEnum;
        }
        Map<Long, String> names = values(o);
        boolean renamed = values(d).entrySet().stream().anyMatch(e -> names.containsKey(e.getKey())
                && !names.get(e.getKey()).equals(e.getValue()));
        return renamed ? ownEnum : specEnum;
    }

    /** An enum's or flags' entries by value, counted as the format counts bare entries. */
    private static Map<Long, String> values(Definition d) {
        Map<Long, String> out = new HashMap<>();
        boolean flags = "flags".equals(d.type());
        long start = d.valueStart() == null ? 0 : d.valueStart();
        long next = flags ? 1L << Math.min(63, Math.max(0, start)) : start;
        for (FamilySpec.Entry e : d.entries()) {
            if (e == null || e.name() == null) {
                continue;
            }
            long v = e.value() != null ? e.value() : next;
            out.putIfAbsent(v, e.name());
            next = flags ? Long.highestOneBit(v) << 1 : v + 1;
        }
        return out;
    }

    /**
     * nlscope's struct when its members have the sizes of the spec's (the header's member
     * names and signedness: WireGuard's __kernel_timespec is tv_sec, tv_nsec).
     */
    String structFor(Attribute a, Attribute mine) {
        Definition d = a.struct() == null ? null : spec.get(a.struct());
        Definition o = mine.struct() == null ? null : own.get(mine.struct());
        if (d == null || o == null || d.members().size() != o.members().size()) {
            return a.struct();
        }
        for (int i = 0; i < d.members().size(); i++) {
            Member x = d.members().get(i);
            Member y = o.members().get(i);
            if (size(x) != size(y) || Types.INTEGERS.containsKey(x.type()) != Types.INTEGERS.containsKey(y.type())
                    || x.struct() != null || y.struct() != null) {
                return a.struct();
            }
        }
        return mine.struct();
    }

    private static int size(Member m) {
        Integer fixed = Types.INTEGERS.get(m.type());
        return fixed != null ? fixed : m.len() == null ? -1 : m.len();
    }
}
