package org.nlscope.decode.ynl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Entry;
import org.nlscope.decode.spec.FamilySpec.Member;

/**
 * A spec's {@code definitions}: const values are kept for lengths, enums and flags become
 * the format's (flags entries are bit numbers in YNL, masks in the format), structs keep
 * their members with C names. An enum with no entries, or a struct whose size the spec
 * leaves open, is dropped with a warning; references to it then fall back to plain values.
 */
final class YnlDefinitions {
    private final YnlContext cx;
    private final String family;
    private final String scope;
    private final Map<String, Definition> out = new LinkedHashMap<>();
    /** Each enum's entries as YNL numbers them (values for an enum, bit numbers for flags). */
    private final Map<String, Map<String, Long>> raw = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();

    /**
     * @param family the spec's name, for default prefixes
     * @param scope  the prefix of every object name this spec adds to its family ("rt-link:")
     */
    YnlDefinitions(YnlContext cx, String family, String scope) {
        this.cx = cx;
        this.family = family;
        this.scope = scope;
    }

    void read(List<JsonNode> definitions) {
        // consts and enums first: struct lengths and members refer to them in any order
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < definitions.size(); i++) {
                String path = "definitions[" + i + "]";
                JsonNode d = cx.element(definitions.get(i), path);
                String name = cx.requireText(d, "name", path);
                String type = cx.requireText(d, "type", path);
                if (pass == 0) {
                    if (types.putIfAbsent(name, type) != null) {
                        cx.warn(path + ".name", "'" + name + "' is defined twice; the first one is used");
                        continue;
                    }
                    switch (type) {
                        case "const" -> constant(d, name, path);
                        case "enum", "flags" -> enumOrFlags(d, name, type, path);
                        case "struct" -> { }
                        default -> cx.warn(path + ".type", "unknown definition type '" + type + "', left out");
                    }
                } else if ("struct".equals(type) && !out.containsKey(scope + name)) {
                    struct(d, name, path);
                }
            }
        }
        pruneOpenStructs();
    }

    /** A struct holding a struct that was left out has no known size either. */
    private void pruneOpenStructs() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Definition d : List.copyOf(out.values())) {
                for (Member m : d.members()) {
                    if (m.struct() != null && !out.containsKey(m.struct())) {
                        out.remove(d.name());
                        cx.warn("definitions", "the struct '" + d.name().substring(scope.length()) + "' holds '"
                                + m.struct().substring(scope.length()) + "', which has no fixed size; left out");
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /** A const that is a number is kept for lengths; a text one (team's "change_event") has no use here. */
    private void constant(JsonNode d, String name, String path) {
        JsonNode v = d.get("value");
        if (v != null && (v.isIntegralNumber() || v.isTextual() && v.textValue().matches("0[xX][0-9a-fA-F]+|\\d+"))) {
            cx.consts.put(name, cx.number(d, "value", path));
        }
    }

    private void enumOrFlags(JsonNode d, String name, String type, String path) {
        boolean flags = "flags".equals(type);
        Long start = cx.number(d, "value-start", path);
        String prefix = cx.text(d, "name-prefix", path);
        prefix = prefix != null ? YnlNames.upper(prefix) : YnlNames.enumPrefix(family, name);
        List<JsonNode> entries = cx.list(d, "entries", path);
        Map<String, Long> values = new LinkedHashMap<>();
        Set<Long> taken = new HashSet<>();
        List<Entry> translated = new ArrayList<>();
        long next = start == null ? 0 : start;
        for (int i = 0; i < entries.size(); i++) {
            String at = path + ".entries[" + i + "]";
            JsonNode e = entries.get(i);
            String entryName = e.isTextual() ? e.textValue() : cx.requireText(cx.element(e, at), "name", at);
            Long given = e.isTextual() ? null : cx.number(e, "value", at);
            long value = given != null ? given : next;
            next = value + 1;
            if (values.containsKey(entryName) || !taken.add(value)) {
                cx.warn(at, "'" + entryName + "' repeats a name or value of this " + type + "; left out");
                continue;
            }
            if (flags && (value < 0 || value > 63)) {
                cx.warn(at, "bit " + value + " of '" + entryName + "' is outside 0..63; left out");
                continue;
            }
            values.put(entryName, value);
            translated.add(new Entry(YnlNames.upper(prefix + entryName), flags ? 1L << value : value, null));
        }
        if (translated.isEmpty()) {
            cx.warn(path + ".entries", "the " + type + " '" + name + "' has no entries; its values show as numbers");
            return;
        }
        raw.put(name, values);
        out.put(scope + name, new Definition(scope + name, type, null, null, prefix, translated, List.of(), null));
    }

    private void struct(JsonNode d, String name, String path) {
        List<JsonNode> members = cx.list(d, "members", path);
        List<Member> translated = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String at = path + ".members[" + i + "]";
            JsonNode m = cx.element(members.get(i), at);
            String memberName = YnlNames.member(cx.requireText(m, "name", at));
            String type = cx.requireText(m, "type", at);
            Long len = cx.number(m, "len", at);
            String struct = cx.text(m, "struct", at);
            if (struct != null && structName(struct) == null) {
                struct = null;
            }
            boolean sized = YnlTypes.FIXED_INTEGERS.contains(type) || len != null || struct != null && "binary".equals(type);
            if (!sized || !Set.of("u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "pad", "binary", "string")
                    .contains(type)) {
                cx.warn(at, "member '" + memberName + "' of type " + type + (sized ? "" : " has no len")
                        + ": the struct '" + name + "' has no fixed size and is left out");
                return;
            }
            String en = cx.text(m, "enum", at);
            if (en != null && YnlTypes.FIXED_INTEGERS.contains(type)) {
                en = cx.flag(m, "enum-as-flags", at) ? asFlags(en) : enumName(en);
            } else {
                en = null;
            }
            translated.add(new Member(memberName, type,
                    YnlTypes.FIXED_INTEGERS.contains(type) ? null : len == null ? null : Math.toIntExact(len),
                    YnlTypes.byteOrder(cx.text(m, "byte-order", at), type, null), en,
                    YnlTypes.display(cx.text(m, "display-hint", at), type), struct == null ? null : scope + struct, null));
        }
        if (translated.isEmpty()) {
            cx.warn(path + ".members", "the struct '" + name + "' has no members; left out");
            return;
        }
        out.put(scope + name, new Definition(scope + name, "struct", null, null, null, List.of(), translated, null));
    }

    /** The format's name of an enum or flags definition, or null when the spec has none by that name. */
    String enumName(String name) {
        Definition d = out.get(scope + name);
        return d != null && !"struct".equals(d.type()) ? d.name() : null;
    }

    /** The format's name of a struct this spec defines with a fixed size, or null. */
    String structName(String name) {
        String type = types.get(name);
        if (!"struct".equals(type)) {
            return null;
        }
        return scope + name;
    }

    /** True once read: a struct was kept (not dropped for an open size). */
    boolean hasStruct(String name) {
        Definition d = out.get(scope + name);
        return d != null && "struct".equals(d.type());
    }

    /**
     * An enum read as flags (YNL's enum-as-flags: value N is bit N): a flags definition
     * made from it once, named "{enum}-as-flags".
     */
    String asFlags(String name) {
        Definition d = out.get(scope + name);
        if (d == null || "struct".equals(d.type())) {
            return null;
        }
        if ("flags".equals(d.type())) {
            return d.name();
        }
        String flagsName = d.name() + "-as-flags";
        if (!out.containsKey(flagsName)) {
            List<Entry> bits = new ArrayList<>();
            raw.get(name).forEach((entry, value) -> {
                if (value >= 0 && value <= 63) {
                    bits.add(new Entry(YnlNames.upper(d.namePrefix() + entry), 1L << value, null));
                }
            });
            out.put(flagsName, new Definition(flagsName, "flags", null, null, d.namePrefix(), bits, List.of(), null));
        }
        return flagsName;
    }

    /** The C name of an enum entry by its YNL name ("inet" of address-family), or null. */
    String entryCName(String enumName, String entry) {
        Definition d = out.get(scope + enumName);
        Map<String, Long> values = raw.get(enumName);
        return d == null || values == null || !values.containsKey(entry) ? null : YnlNames.upper(d.namePrefix() + entry);
    }

    /** Every definition kept, structs last. */
    List<Definition> definitions() {
        return List.copyOf(out.values());
    }
}
