package org.nlscope.decode.spec;

import static org.nlscope.decode.spec.SpecChecks.fail;

import java.util.List;
import java.util.Map;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.AttributeSet;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Member;

/**
 * The names every file of one family can refer to, gathered before any file is
 * checked, so a reference to a name in another file of the family resolves.
 */
record FamilyScope(Map<String, Definition> definitions, Map<String, Origin> definitionNames,
            Map<String, Origin> setNames, Map<String, Origin> subMessageNames, List<SpecFile> group) {

    Definition enumOrFlags(SpecFile f, String path, String name) {
        Definition d = definitions.get(name);
        if (d == null) {
            throw fail(f, path, "no enum or flags definition '" + name + "'");
        }
        if (!"enum".equals(d.type()) && !"flags".equals(d.type())) {
            throw fail(f, path, "'" + name + "' is a " + d.type() + ", not an enum or flags");
        }
        return d;
    }

    Definition struct(SpecFile f, String path, String name) {
        Definition d = definitions.get(name);
        if (d == null) {
            throw fail(f, path, "no struct '" + name + "'");
        }
        if (!"struct".equals(d.type())) {
            throw fail(f, path, "'" + name + "' is a " + d.type() + ", not a struct");
        }
        return d;
    }

    void attributeSet(SpecFile f, String path, String name) {
        if (!setNames.containsKey(name)) {
            throw fail(f, path, "no attribute set '" + name + "'");
        }
    }

    void subMessage(SpecFile f, String path, String name) {
        if (!subMessageNames.containsKey(name)) {
            throw fail(f, path, "no sub-message '" + name + "'");
        }
    }

    /** True when some attribute set or struct of the family has an attribute or member of this name. */
    boolean knowsField(String name) {
        for (SpecFile f : group) {
            for (AttributeSet s : f.spec().attributeSets()) {
                for (Attribute a : s.attributes()) {
                    if (a != null && name.equals(a.name())) {
                        return true;
                    }
                }
            }
        }
        for (Definition d : definitions.values()) {
            for (Member m : d.members()) {
                if (m != null && name.equals(m.name())) {
                    return true;
                }
            }
        }
        return false;
    }
}
