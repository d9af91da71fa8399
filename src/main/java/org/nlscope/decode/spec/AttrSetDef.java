package org.nlscope.decode.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.spec.FamilySpec.Attribute;

/**
 * An attribute set indexed by type number and by name; every attribute's value is resolved.
 * Types are looked up in an array (every attribute of every message asks), names in a map.
 */
final class AttrSetDef {
    private final String name;
    private final List<Attribute> attributes;
    /** Attribute by type, up to the highest type the set names (at most 16383, checked when compiled). */
    private final Attribute[] byType;
    private final Map<String, Attribute> byName = new HashMap<>();

    AttrSetDef(String name, List<Attribute> attributes) {
        this.name = name;
        this.attributes = List.copyOf(attributes);
        int highest = -1;
        for (Attribute a : attributes) {
            highest = Math.max(highest, a.value());
        }
        this.byType = new Attribute[highest + 1];
        for (Attribute a : attributes) {
            if (a.value() >= 0) {
                byType[a.value()] = a;
            }
            byName.put(a.name(), a);
        }
    }

    String name() {
        return name;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    Attribute byType(int type) {
        return type >= 0 && type < byType.length ? byType[type] : null;
    }

    Attribute byName(String attrName) {
        return byName.get(attrName);
    }
}
