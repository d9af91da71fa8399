package org.nlscope.decode.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * A compiled attribute set: each attribute's name and {@link AttrSpec} by its type number
 * (an array: every attribute of every message asks), and which of them a summary shows.
 * Filled once by {@link FamilyModel} (sets may nest each other), read-only after.
 */
final class AttrSetSpec {
    private final String name;
    private final AttrSpec[] specs;
    private final String[] names;
    private final boolean[] summaryNamed;
    private final Map<String, Integer> types = new HashMap<>();

    /** @param highest the highest attribute type of the set (at most 16383, checked when compiled), -1 for none */
    AttrSetSpec(String name, int highest) {
        this.name = name;
        this.specs = new AttrSpec[highest + 1];
        this.names = new String[highest + 1];
        this.summaryNamed = new boolean[highest + 1];
    }

    void define(int type, String attrName, AttrSpec spec, boolean namedBySummary) {
        specs[type] = spec;
        names[type] = attrName;
        summaryNamed[type] = namedBySummary;
        types.put(attrName, type);
    }

    String name() {
        return name;
    }

    /** The attribute of this type, or null when the set does not list it. */
    AttrSpec spec(int type) {
        return type >= 0 && type < specs.length ? specs[type] : null;
    }

    /** The name of a type the set lists ({@link #spec} not null). */
    String nameOf(int type) {
        return names[type];
    }

    /** Whether a summary shows the attribute of a type the set lists (or selects a format by it). */
    boolean summaryNamed(int type) {
        return summaryNamed[type];
    }

    /** The type of the attribute of this name, or -1. */
    int typeOf(String attrName) {
        Integer t = types.get(attrName);
        return t == null ? -1 : t;
    }
}
