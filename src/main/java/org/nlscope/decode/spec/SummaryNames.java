package org.nlscope.decode.spec;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.spec.FamilySpec.Attribute;

/**
 * The fields a summary-only decode decodes whole (what the family's summaries show, and the
 * sub-message selectors), looked up by name once per family: each attribute set gets a
 * flag per attribute type and each struct one per member, so decoding asks an array,
 * not a set of names, for every field.
 */
final class SummaryNames {
    private final Set<String> names;
    private final Map<AttrSetDef, boolean[]> sets = new IdentityHashMap<>();
    private final Map<StructDef, boolean[]> structs = new IdentityHashMap<>();

    SummaryNames(Namespace ns, Set<String> names) {
        this.names = Set.copyOf(names);
        for (AttrSetDef set : ns.attributeSets().values()) {
            int highest = -1;
            for (Attribute a : set.attributes()) {
                highest = Math.max(highest, a.value());
            }
            boolean[] byType = new boolean[highest + 1];
            for (Attribute a : set.attributes()) {
                // as AttrSetDef.byType: the last attribute of a type is the one decoded
                if (a.value() >= 0 && set.byType(a.value()) == a) {
                    byType[a.value()] = a.name() != null && this.names.contains(a.name());
                }
            }
            sets.put(set, byType);
        }
        for (StructDef s : ns.structs().values()) {
            List<FamilySpec.Member> members = s.members();
            boolean[] byIndex = new boolean[members.size()];
            for (int i = 0; i < byIndex.length; i++) {
                byIndex[i] = members.get(i).name() != null && this.names.contains(members.get(i).name());
            }
            structs.put(s, byIndex);
        }
    }

    boolean contains(String name) {
        return name != null && names.contains(name);
    }

    /** A flag per attribute type of this set: decoded whole; null for a set of another namespace. */
    boolean[] of(AttrSetDef set) {
        return sets.get(set);
    }

    /** A flag per member of this struct: decoded whole; null for a struct of another namespace. */
    boolean[] of(StructDef s) {
        return structs.get(s);
    }
}
