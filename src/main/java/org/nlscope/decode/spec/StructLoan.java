package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Member;

/** What nlscope's struct members lend the spec's members of the same names ({@link Overlays}). */
final class StructLoan {
    private StructLoan() {
    }

    /**
     * The spec's structs with what nlscope's struct members of the same names add: an enum
     * (as for attributes: rt-link's ifinfomsg names no address family, and IFF_NO_ARP for
     * the header's IFF_NOARP) and a display the spec's member lacks.
     */
    static List<Definition> over(SpecFile f, List<Definition> definitions, DefinitionMatch shapes) {
        Map<String, Member> mine = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        shapes.own().values().forEach(d -> d.members().forEach(m -> {
            if (m != null && m.name() != null) {
                Member before = mine.putIfAbsent(m.name(), m);
                // nfnetlink's res_id names a subsystem in a batch's header only: a name nlscope's
                // structs give two meanings lends neither
                if (before != null && !(java.util.Objects.equals(before.en(), m.en())
                        && java.util.Objects.equals(before.display(), m.display()))) {
                    ambiguous.add(m.name());
                }
            }
        }));
        ambiguous.forEach(mine::remove);
        List<Definition> out = new ArrayList<>();
        for (Definition d : definitions) {
            if (!"struct".equals(d.type())) {
                out.add(d);
                continue;
            }
            List<Member> members = new ArrayList<>();
            for (Member m : d.members()) {
                Member o = mine.get(m.name());
                boolean integer = Types.INTEGERS.containsKey(m.type());
                if (o == null || !integer || !m.type().equals(o.type())) {
                    members.add(m);
                    continue;
                }
                String en = shapes.enumFor(m.en(), o.en());
                String display = m.display() == null ? o.display() : m.display();
                try {
                    SpecChecks.checkDisplay(f, m.name(), display, m.type());
                } catch (DissectorLoadException e) {
                    display = m.display();
                }
                members.add(new Member(m.name(), m.type(), m.len(), m.byteOrder(), en, display, m.struct(), m.doc()));
            }
            out.add(new Definition(d.name(), d.type(), d.doc(), d.valueStart(), d.namePrefix(), d.entries(), members,
                    d.open()));
        }
        return out;
    }
}
