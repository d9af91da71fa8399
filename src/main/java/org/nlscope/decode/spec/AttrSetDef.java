package org.nlscope.decode.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.spec.FamilySpec.Attribute;

/** An attribute set indexed by type number and by name; every attribute's value is resolved. */
final class AttrSetDef {
    private final String name;
    private final List<Attribute> attributes;
    private final Map<Integer, Attribute> byType = new HashMap<>();
    private final Map<String, Attribute> byName = new HashMap<>();

    AttrSetDef(String name, List<Attribute> attributes) {
        this.name = name;
        this.attributes = List.copyOf(attributes);
        for (Attribute a : attributes) {
            byType.put(a.value(), a);
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
        return byType.get(type);
    }

    Attribute byName(String attrName) {
        return byName.get(attrName);
    }
}
