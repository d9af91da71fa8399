package org.nlscope.decode.ynl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.AttributeSet;

/**
 * A spec's {@code attribute-sets}: values counted as YNL counts them (from 1, {@code unused}
 * taking its number), subsets resolved against their set (with its names and values),
 * C names from the set's prefix, types and hints in the format's words.
 */
final class YnlAttributeSets {
    /** One attribute of a set, as the spec gives it after subset-of is resolved. */
    record Raw(String name, int value, JsonNode yaml, String path) {
    }

    private final YnlContext cx;
    private final String family;
    private final String scope;
    private final YnlDefinitions defs;
    private final Map<String, JsonNode> nodes = new LinkedHashMap<>();
    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, List<Raw>> raw = new LinkedHashMap<>();
    private final Map<String, String> prefixes = new HashMap<>();

    YnlAttributeSets(YnlContext cx, String family, String scope, YnlDefinitions defs) {
        this.cx = cx;
        this.family = family;
        this.scope = scope;
        this.defs = defs;
    }

    void read(List<JsonNode> sets) {
        for (int i = 0; i < sets.size(); i++) {
            String path = "attribute-sets[" + i + "]";
            JsonNode s = cx.element(sets.get(i), path);
            String name = cx.requireText(s, "name", path);
            if (nodes.putIfAbsent(name, s) != null) {
                cx.warn(path + ".name", "the attribute set '" + name + "' is defined twice; the first one is used");
                continue;
            }
            paths.put(name, path);
        }
        for (String name : nodes.keySet()) {
            resolve(name, new HashSet<>());
        }
    }

    /** A set's attributes, its subset-of's first when it has one. */
    private List<Raw> resolve(String name, Set<String> visiting) {
        List<Raw> done = raw.get(name);
        if (done != null) {
            return done;
        }
        JsonNode s = nodes.get(name);
        String path = paths.get(name);
        String parent = cx.text(s, "subset-of", path);
        List<Raw> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> values = new HashSet<>();
        List<JsonNode> attrs = cx.list(s, "attributes", path);
        if (parent != null) {
            if (!nodes.containsKey(parent) || !visiting.add(name)) {
                cx.warn(path + ".subset-of", "no attribute set '" + parent + "' to be a subset of; left empty");
                raw.put(name, out);
                return out;
            }
            Map<String, Raw> parentByName = new HashMap<>();
            resolve(parent, visiting).forEach(r -> parentByName.put(r.name(), r));
            prefixes.put(name, prefixes.get(parent));
            for (int i = 0; i < attrs.size(); i++) {
                String at = path + ".attributes[" + i + "]";
                JsonNode a = cx.element(attrs.get(i), at);
                String attr = cx.requireText(a, "name", at);
                Raw real = parentByName.get(attr);
                if (real == null) {
                    cx.warn(at + ".name", "'" + attr + "' is not in the set '" + parent + "'; left out");
                    continue;
                }
                ObjectNode merged = ((ObjectNode) real.yaml()).deepCopy();
                a.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                add(out, names, values, new Raw(attr, real.value(), merged, at), name);
            }
        } else {
            String prefix = cx.text(s, "name-prefix", path);
            prefixes.put(name, prefix != null ? YnlNames.upper(prefix) : YnlNames.attributePrefix(family, name));
            int next = 1;
            for (int i = 0; i < attrs.size(); i++) {
                String at = path + ".attributes[" + i + "]";
                JsonNode a = cx.element(attrs.get(i), at);
                String attr = cx.requireText(a, "name", at);
                Long given = cx.number(a, "value", at);
                int value = given != null ? Math.toIntExact(given) : next;
                next = value + 1;
                if (!"unused".equals(cx.text(a, "type", at))) {
                    add(out, names, values, new Raw(attr, value, a, at), name);
                }
            }
        }
        raw.put(name, out);
        return out;
    }

    private void add(List<Raw> out, Set<String> names, Set<Integer> values, Raw r, String set) {
        if (!names.add(r.name())) {
            cx.warn(r.path() + ".name", "'" + r.name() + "' is listed twice in the set '" + set + "'; the first is used");
        } else if (r.value() < 0 || r.value() > 0x3fff || !values.add(r.value())) {
            names.remove(r.name());
            cx.warn(r.path() + ".value", "'" + r.name() + "' has the value " + r.value()
                    + ", taken or outside 0..16383; left out");
        } else {
            out.add(r);
        }
    }

    boolean has(String set) {
        return raw.containsKey(set);
    }

    Set<String> names() {
        return raw.keySet();
    }

    List<Raw> attributes(String set) {
        return raw.getOrDefault(set, List.of());
    }

    /** The C name of an attribute of a set ("IFLA_INFO_KIND"). */
    String cName(String set, String attr) {
        return YnlNames.upper(prefixes.get(set) + attr);
    }

    /**
     * The attribute a sub-message's selector names, seen from the set holding the
     * sub-message: that set first, then the sets that nest it, nearest first.
     */
    Raw selector(String set, String selector) {
        Deque<String> queue = new ArrayDeque<>(List.of(set));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (!seen.add(s)) {
                continue;
            }
            for (Raw r : attributes(s)) {
                if (r.name().equals(selector)) {
                    return new Raw(cName(s, r.name()), r.value(), r.yaml(), r.path());
                }
            }
            for (String parent : raw.keySet()) {
                for (Raw r : raw.get(parent)) {
                    if (s.equals(r.yaml().path("nested-attributes").asText(null))) {
                        queue.add(parent);
                    }
                }
            }
        }
        return null;
    }

    /** Every set in the format: the attributes translated by {@code translate}. */
    List<AttributeSet> build(YnlAttributes translate) {
        List<AttributeSet> out = new ArrayList<>();
        raw.forEach((name, attrs) -> {
            List<Attribute> translated = new ArrayList<>();
            for (Raw r : attrs) {
                translated.add(translate.attribute(name, r));
            }
            out.add(new AttributeSet(scope + name, null, translated));
        });
        return out;
    }
}
