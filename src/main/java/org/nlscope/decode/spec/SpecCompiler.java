package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.NetlinkFamilies;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.AttributeSet;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Entry;
import org.nlscope.decode.spec.FamilySpec.Format;
import org.nlscope.decode.spec.FamilySpec.Member;
import org.nlscope.decode.spec.FamilySpec.Message;
import org.nlscope.decode.spec.FamilySpec.SubMessage;

/**
 * Checks parsed dissector files against each other and turns them into one
 * {@link SpecDissector} per family: files naming the same family (or genl family)
 * share one namespace. The first mistake found is thrown as a one-line
 * {@link DissectorLoadException} naming the file and the path inside it.
 */
public final class SpecCompiler {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final Map<String, ValueDecoder> decoders;

    private SpecCompiler(Map<String, ValueDecoder> decoders) {
        this.decoders = decoders;
    }

    /**
     * @param files    every file to use, user overrides already applied
     * @param decoders value decoders by name, for {@code decoder:} on binary attributes
     */
    public static List<SpecDissector> compile(List<SpecFile> files, Map<String, ValueDecoder> decoders) {
        SpecCompiler compiler = new SpecCompiler(Map.copyOf(decoders));
        Map<DissectorKey, List<SpecFile>> byKey = new LinkedHashMap<>();
        for (SpecFile f : files) {
            byKey.computeIfAbsent(keyOf(f), k -> new ArrayList<>()).add(f);
        }
        List<SpecDissector> out = new ArrayList<>();
        byKey.forEach((key, group) -> out.add(new SpecDissector(compiler.namespace(key, group), compiler.decoders)));
        return out;
    }

    static DissectorKey keyOf(SpecFile f) {
        FamilySpec s = f.spec();
        Integer number = null;
        if (s.family() != null) {
            number = NetlinkFamilies.number(s.family());
            if (number < 0) {
                throw fail(f, "family", "unknown netlink family '" + s.family() + "' (known: "
                        + String.join(", ", knownFamilies()) + ", or a number)");
            }
            if (number > 31) {
                throw fail(f, "family", "netlink family " + number + " is not between 0 and 31");
            }
        }
        if (s.genlFamily() != null) {
            if (s.genlFamily().isBlank()) {
                throw fail(f, "genl-family", "is empty");
            }
            if (number != null && number != DissectorKey.NETLINK_GENERIC) {
                throw fail(f, "family", "a file with genl-family belongs to family generic, not '" + s.family() + "'");
            }
            return DissectorKey.genl(s.genlFamily());
        }
        if (number == null) {
            throw fail(f, "family", "missing: give 'family' or 'genl-family'");
        }
        if (s.fixedHeader() != null) {
            throw fail(f, "fixed-header", "only for genl-family files; give messages a 'header' instead");
        }
        return DissectorKey.netlink(number);
    }

    /** "route", "usersock"...: the names files may use, as linux/netlink.h has them without NETLINK_. */
    private static List<String> knownFamilies() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String name = NetlinkFamilies.name(i);
            if (name != null) {
                out.add(name.substring("NETLINK_".length()).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- one family

    /** Where a name was defined: for "already defined" errors. */
    private record Origin(SpecFile file, String path) {
    }

    private Namespace namespace(DissectorKey key, List<SpecFile> group) {
        Map<String, Origin> definitionNames = new HashMap<>();
        Map<String, Definition> definitions = new HashMap<>();
        Map<String, Origin> setNames = new HashMap<>();
        Map<String, Origin> subMessageNames = new HashMap<>();
        for (SpecFile f : group) {
            FamilySpec s = f.spec();
            for (int i = 0; i < s.definitions().size(); i++) {
                Definition d = required(f, "definitions[" + i + "]", s.definitions().get(i));
                claim(f, "definitions[" + i + "]", d.name(), definitionNames);
                definitions.put(d.name(), d);
            }
            for (int i = 0; i < s.attributeSets().size(); i++) {
                AttributeSet a = required(f, "attribute-sets[" + i + "]", s.attributeSets().get(i));
                claim(f, "attribute-sets[" + i + "]", a.name(), setNames);
            }
            for (int i = 0; i < s.subMessages().size(); i++) {
                SubMessage m = required(f, "sub-messages[" + i + "]", s.subMessages().get(i));
                claim(f, "sub-messages[" + i + "]", m.name(), subMessageNames);
            }
        }
        Scope scope = new Scope(definitions, definitionNames, setNames, subMessageNames, group);

        Map<String, EnumDef> enums = new HashMap<>();
        Map<String, StructDef> structs = new HashMap<>();
        Map<String, AttrSetDef> sets = new HashMap<>();
        Map<String, Map<String, Format>> subMessages = new HashMap<>();
        Map<Integer, Message> messages = new HashMap<>();
        Map<Integer, Origin> messageValues = new HashMap<>();
        Map<String, Origin> messageNames = new HashMap<>();
        String fixedHeader = null;
        for (SpecFile f : group) {
            FamilySpec s = f.spec();
            for (int i = 0; i < s.definitions().size(); i++) {
                Definition d = s.definitions().get(i);
                String path = "definitions[" + i + "]";
                String type = requireText(f, path + ".type", d.type());
                switch (type) {
                    case "enum", "flags" -> enums.put(d.name(), enumDef(f, path, d));
                    case "struct" -> structs.put(d.name(), structDef(f, path, d, scope, new HashSet<>()));
                    default -> throw fail(f, path + ".type", "unknown definition type '" + type + "' (enum, flags, struct)");
                }
            }
            for (int i = 0; i < s.attributeSets().size(); i++) {
                AttributeSet a = s.attributeSets().get(i);
                sets.put(a.name(), attributeSet(f, "attribute-sets[" + i + "]", a, scope));
            }
            for (int i = 0; i < s.subMessages().size(); i++) {
                SubMessage m = s.subMessages().get(i);
                subMessages.put(m.name(), subMessage(f, "sub-messages[" + i + "]", m, scope));
            }
            if (s.fixedHeader() != null) {
                scope.struct(f, "fixed-header", s.fixedHeader());
                if (fixedHeader != null && !fixedHeader.equals(s.fixedHeader())) {
                    throw fail(f, "fixed-header", "'" + s.fixedHeader() + "' differs from '" + fixedHeader
                            + "' given by another file of this family");
                }
                fixedHeader = s.fixedHeader();
            }
            for (int i = 0; i < s.messages().size(); i++) {
                String path = "messages[" + i + "]";
                Message m = message(f, path, required(f, path, s.messages().get(i)), scope);
                Origin before = messageValues.putIfAbsent(m.value(), new Origin(f, path));
                if (before != null) {
                    throw fail(f, path + ".value", "message value " + m.value() + " is already used by "
                            + messages.get(m.value()).name() + " (" + where(before, f) + ")");
                }
                claim(f, path, m.name(), messageNames);
                messages.put(m.value(), m);
            }
        }
        return new Namespace(key, Map.copyOf(enums), Map.copyOf(structs), Map.copyOf(sets),
                Map.copyOf(subMessages), Map.copyOf(messages), fixedHeader);
    }

    /** The names every file of a family can refer to. */
    private record Scope(Map<String, Definition> definitions, Map<String, Origin> definitionNames,
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

    // ---------------------------------------------------------------- definitions

    private static EnumDef enumDef(SpecFile f, String path, Definition d) {
        boolean flags = "flags".equals(d.type());
        if (!d.members().isEmpty()) {
            throw fail(f, path + ".members", "only structs have members; an " + d.type() + " has entries");
        }
        if (d.entries().isEmpty()) {
            throw fail(f, path + ".entries", "missing: an " + d.type() + " needs entries");
        }
        Map<Long, String> names = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        long next = d.valueStart() == null ? 0 : d.valueStart();
        if (flags) {
            if (next < 0 || next > 63) {
                throw fail(f, path + ".value-start", "a flags value-start is a bit number 0..63");
            }
            next = 1L << next;
        }
        for (int i = 0; i < d.entries().size(); i++) {
            String at = path + ".entries[" + i + "]";
            Entry e = required(f, at, d.entries().get(i));
            String name = requireText(f, at + ".name", e.name());
            long value = e.value() != null ? e.value() : next;
            if (!seen.add(name)) {
                throw fail(f, at + ".name", "duplicate entry '" + name + "'");
            }
            String other = names.putIfAbsent(value, name);
            if (other != null) {
                throw fail(f, at, "'" + name + "' has the value " + value + " of '" + other + "'");
            }
            if (flags) {
                if (value == 0) {
                    throw fail(f, at + ".value", "a flag needs a non-zero mask");
                }
                next = Long.highestOneBit(value) << 1;
            } else {
                next = value + 1;
            }
        }
        return new EnumDef(d.name(), flags, d.namePrefix(), names);
    }

    private static StructDef structDef(SpecFile f, String path, Definition d, Scope scope, Set<String> visiting) {
        if (!d.entries().isEmpty() || d.valueStart() != null || d.namePrefix() != null) {
            throw fail(f, path, "a struct has members, not entries, value-start or name-prefix");
        }
        if (d.members().isEmpty()) {
            throw fail(f, path + ".members", "missing: a struct needs members");
        }
        if (!visiting.add(d.name())) {
            throw fail(f, path, "struct '" + d.name() + "' contains itself");
        }
        List<Integer> sizes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int size = 0;
        for (int i = 0; i < d.members().size(); i++) {
            String at = path + ".members[" + i + "]";
            Member m = required(f, at, d.members().get(i));
            String name = requireText(f, at + ".name", m.name());
            String type = requireText(f, at + ".type", m.type());
            if (!Types.MEMBER_TYPES.contains(type)) {
                throw fail(f, at + ".type", "unknown member type '" + type + "' (" + sorted(Types.MEMBER_TYPES) + ")");
            }
            if (!"pad".equals(type) && !names.add(name)) {
                throw fail(f, at + ".name", "duplicate member '" + name + "'");
            }
            int memberSize;
            if (Types.INTEGERS.containsKey(type)) {
                if (m.len() != null) {
                    throw fail(f, at + ".len", "a " + type + " has a fixed size; len is for pad, binary and string");
                }
                memberSize = Types.INTEGERS.get(type);
            } else if ("binary".equals(type) && m.struct() != null && m.len() == null) {
                Definition inner = scope.struct(f, at + ".struct", m.struct());
                Origin o = scope.definitionNames().get(m.struct());
                memberSize = structDef(o.file(), o.path(), inner, scope, visiting).size();
            } else {
                if (m.len() == null || m.len() <= 0) {
                    throw fail(f, at + ".len", m.len() == null ? "missing: a " + type + " member needs len"
                            : "len must be positive");
                }
                memberSize = m.len();
            }
            if (m.struct() != null) {
                if (!"binary".equals(type)) {
                    throw fail(f, at + ".struct", "only a binary member can be a struct");
                }
                scope.struct(f, at + ".struct", m.struct());
            }
            if (m.en() != null) {
                if (!Types.INTEGERS.containsKey(type)) {
                    throw fail(f, at + ".enum", "only integer members name an enum");
                }
                scope.enumOrFlags(f, at + ".enum", m.en());
            }
            checkByteOrder(f, at, m.byteOrder(), Types.INTEGERS.containsKey(type));
            checkDisplay(f, at, m.display(), type);
            sizes.add(memberSize);
            size += memberSize;
        }
        visiting.remove(d.name());
        return new StructDef(d.name(), List.copyOf(d.members()), List.copyOf(sizes), size);
    }

    // ---------------------------------------------------------------- attribute sets

    private AttrSetDef attributeSet(SpecFile f, String path, AttributeSet set, Scope scope) {
        List<Attribute> resolved = new ArrayList<>();
        Map<Integer, String> values = new HashMap<>();
        Set<String> names = new HashSet<>();
        int next = 1;
        for (int i = 0; i < set.attributes().size(); i++) {
            String at = path + ".attributes[" + i + "]";
            Attribute a = required(f, at, set.attributes().get(i));
            String name = requireText(f, at + ".name", a.name());
            int value = a.value() != null ? a.value() : next;
            if (value < 0 || value > 0x3fff) {
                throw fail(f, at + ".value", "attribute type " + value + " is outside 0..16383");
            }
            if (!names.add(name)) {
                throw fail(f, at + ".name", "duplicate attribute '" + name + "' in set '" + set.name() + "'");
            }
            String other = values.putIfAbsent(value, name);
            if (other != null) {
                throw fail(f, at + ".value", "'" + name + "' has the value " + value + " of '" + other + "'");
            }
            next = value + 1;
            checkAttribute(f, at, a, set, scope);
            resolved.add(a.withValue(value));
        }
        return new AttrSetDef(set.name(), resolved);
    }

    private void checkAttribute(SpecFile f, String at, Attribute a, AttributeSet set, Scope scope) {
        String type = requireText(f, at + ".type", a.type());
        if (!Types.ATTRIBUTE_TYPES.contains(type)) {
            throw fail(f, at + ".type", "unknown attribute type '" + type + "' (" + sorted(Types.ATTRIBUTE_TYPES) + ")");
        }
        String subType = a.subType();
        boolean arrayOfNests = "indexed-array".equals(type) && "nest".equals(subType);
        if ("indexed-array".equals(type)) {
            if (subType == null) {
                throw fail(f, at + ".sub-type", "missing: an indexed-array needs sub-type (" + sorted(Types.ARRAY_SUB_TYPES) + ")");
            }
            if (!Types.ARRAY_SUB_TYPES.contains(subType)) {
                throw fail(f, at + ".sub-type", "unknown sub-type '" + subType + "' (" + sorted(Types.ARRAY_SUB_TYPES) + ")");
            }
            if (a.levels() != null && a.levels() < 1) {
                throw fail(f, at + ".levels", "levels counts index levels: 1 or more");
            }
        } else if (a.levels() != null) {
            throw fail(f, at + ".levels", "only for indexed-array");
        } else if (subType != null) {
            if (!"binary".equals(type) || !Types.INTEGERS.containsKey(subType)) {
                throw fail(f, at + ".sub-type", "sub-type is for indexed-array, or an integer type for a binary array");
            }
        }
        if ("nest".equals(type) || arrayOfNests) {
            if (a.nestedAttributes() == null) {
                throw fail(f, at + ".nested-attributes", "missing: a nest needs nested-attributes");
            }
            scope.attributeSet(f, at + ".nested-attributes", a.nestedAttributes());
        } else if (a.nestedAttributes() != null) {
            throw fail(f, at + ".nested-attributes", "only for nest, or indexed-array of sub-type nest");
        }
        if ("sub-message".equals(type)) {
            if (a.subMessage() == null) {
                throw fail(f, at + ".sub-message", "missing: name the sub-message");
            }
            scope.subMessage(f, at + ".sub-message", a.subMessage());
            if (a.selector() == null || a.selector().isBlank()) {
                throw fail(f, at + ".selector", "missing: name the attribute whose value chooses the format");
            }
            if (a.selector().equals(a.name())) {
                throw fail(f, at + ".selector", "an attribute cannot select its own format");
            }
            if (!scope.knowsField(a.selector())) {
                throw fail(f, at + ".selector", "'" + a.selector() + "' names no attribute or header member of this family");
            }
        } else if (a.subMessage() != null || a.selector() != null) {
            throw fail(f, at + (a.subMessage() != null ? ".sub-message" : ".selector"), "only for type sub-message");
        }
        String scalar = "indexed-array".equals(type) ? subType : type;
        if (a.en() != null) {
            if (!Types.isInteger(scalar) && !"bitfield32".equals(type)) {
                throw fail(f, at + ".enum", "only integers and bitfield32 name an enum");
            }
            Definition d = scope.enumOrFlags(f, at + ".enum", a.en());
            if ("bitfield32".equals(type) && !"flags".equals(d.type())) {
                throw fail(f, at + ".enum", "a bitfield32 names flags, and '" + a.en() + "' is an enum");
            }
        }
        if (a.struct() != null) {
            if (!"binary".equals(scalar) && !"nest".equals(scalar)) {
                throw fail(f, at + ".struct", "only binary attributes (or a nest's header) can be a struct");
            }
            if (Boolean.TRUE.equals(a.repeat()) && !"binary".equals(scalar)) {
                throw fail(f, at + ".repeat", "only a binary struct repeats");
            }
            scope.struct(f, at + ".struct", a.struct());
        } else if (Boolean.TRUE.equals(a.repeat())) {
            throw fail(f, at + ".repeat", "repeat needs a struct");
        }
        if (a.decoder() != null) {
            if (!"binary".equals(type)) {
                throw fail(f, at + ".decoder", "only binary attributes take a decoder");
            }
            if (!decoders.containsKey(a.decoder())) {
                throw fail(f, at + ".decoder", "no value decoder '" + a.decoder() + "' is registered"
                        + (decoders.isEmpty() ? "" : " (registered: " + sorted(decoders.keySet()) + ")"));
            }
        }
        checkByteOrder(f, at, a.byteOrder(), Types.isInteger(scalar) || "binary".equals(type) && subType != null);
        checkDisplay(f, at, a.display(), "binary".equals(type) && subType != null ? subType : scalar);
    }

    private static void checkByteOrder(SpecFile f, String at, String order, boolean allowed) {
        if (order == null) {
            return;
        }
        if (!allowed) {
            throw fail(f, at + ".byte-order", "only integers have a byte order");
        }
        if (!Types.BYTE_ORDERS.contains(order)) {
            throw fail(f, at + ".byte-order", "unknown byte order '" + order + "' (" + sorted(Types.BYTE_ORDERS) + ")");
        }
    }

    private static void checkDisplay(SpecFile f, String at, String display, String type) {
        if (display == null) {
            return;
        }
        boolean ok;
        if (Types.isInteger(type)) {
            ok = Types.INTEGER_DISPLAYS.contains(display) && (!"ipv4".equals(display) || "u32".equals(type));
        } else if ("binary".equals(type)) {
            ok = Types.BYTE_DISPLAYS.contains(display);
        } else {
            ok = false;
        }
        if (!ok) {
            Set<String> all = new HashSet<>(Types.BYTE_DISPLAYS);
            all.addAll(Types.INTEGER_DISPLAYS);
            throw fail(f, at + ".display", all.contains(display)
                    ? "display '" + display + "' does not fit type " + type
                    : "unknown display '" + display + "' (" + sorted(all) + ")");
        }
    }

    // ---------------------------------------------------------------- sub-messages and messages

    private static Map<String, Format> subMessage(SpecFile f, String path, SubMessage m, Scope scope) {
        Map<String, Format> formats = new LinkedHashMap<>();
        for (int i = 0; i < m.formats().size(); i++) {
            String at = path + ".formats[" + i + "]";
            Format fmt = required(f, at, m.formats().get(i));
            String value = requireText(f, at + ".value", fmt.value());
            if (formats.putIfAbsent(value, fmt) != null) {
                throw fail(f, at + ".value", "duplicate format '" + value + "'");
            }
            if (fmt.struct() != null) {
                scope.struct(f, at + ".struct", fmt.struct());
            }
            if (fmt.attributeSet() != null) {
                scope.attributeSet(f, at + ".attribute-set", fmt.attributeSet());
            }
        }
        return formats;
    }

    private static Message message(SpecFile f, String path, Message m, Scope scope) {
        requireText(f, path + ".name", m.name());
        if (m.value() == null) {
            throw fail(f, path + ".value", "missing: the message type (or genl cmd) number");
        }
        if (m.value() < 0 || m.value() > 0xffff) {
            throw fail(f, path + ".value", m.value() + " is outside 0..65535");
        }
        if (m.kind() != null && !Set.of("get", "new", "del", "other").contains(m.kind())) {
            throw fail(f, path + ".kind", "unknown kind '" + m.kind() + "' (del, get, new, other)");
        }
        Set<String> known = new HashSet<>();
        if (m.header() != null) {
            for (Member member : scope.struct(f, path + ".header", m.header()).members()) {
                known.add(member.name());
            }
        }
        for (String key : new String[] {"attribute-set", "reply-attribute-set"}) {
            String set = key.equals("attribute-set") ? m.attributeSet() : m.replyAttributeSet();
            if (set != null) {
                scope.attributeSet(f, path + "." + key, set);
                for (SpecFile file : scope.group()) {
                    for (AttributeSet s : file.spec().attributeSets()) {
                        if (s != null && set.equals(s.name())) {
                            s.attributes().forEach(a -> known.add(a == null ? null : a.name()));
                        }
                    }
                }
            }
        }
        if (m.summary() != null) {
            String open = m.summary().replaceAll("\\{[^{}]*}", "");
            if (open.contains("{") || open.contains("}")) {
                throw fail(f, path + ".summary", "unbalanced '{' or '}'");
            }
            Matcher p = PLACEHOLDER.matcher(m.summary());
            while (p.find()) {
                String first = p.group(1).split("/", -1)[0];
                if (!known.contains(first) && (m.header() != null || m.attributeSet() != null)
                        && !isFixedHeaderMember(scope, first)) {
                    throw fail(f, path + ".summary", "'{" + p.group(1) + "}': '" + first
                            + "' is no attribute or header member of this message");
                }
            }
        }
        return m;
    }

    private static boolean isFixedHeaderMember(Scope scope, String name) {
        for (SpecFile f : scope.group()) {
            String fixed = f.spec().fixedHeader();
            Definition d = fixed == null ? null : scope.definitions().get(fixed);
            if (d != null && d.members().stream().anyMatch(m -> m != null && name.equals(m.name()))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- helpers

    private static void claim(SpecFile f, String path, String name, Map<String, Origin> taken) {
        requireText(f, path + ".name", name);
        Origin before = taken.putIfAbsent(name, new Origin(f, path));
        if (before != null) {
            throw fail(f, path + ".name", "'" + name + "' is already defined (" + where(before, f) + ")");
        }
    }

    private static String where(Origin o, SpecFile current) {
        return o.file() == current ? "at " + o.path() : "in " + o.file().source() + " at " + o.path();
    }

    private static <T> T required(SpecFile f, String path, T item) {
        if (item == null) {
            throw fail(f, path, "empty item");
        }
        return item;
    }

    private static String requireText(SpecFile f, String path, String text) {
        if (text == null || text.isBlank()) {
            throw fail(f, path, "missing");
        }
        return text;
    }

    private static String sorted(Set<String> words) {
        return String.join(", ", new java.util.TreeSet<>(words));
    }

    static DissectorLoadException fail(SpecFile f, String path, String message) {
        return new DissectorLoadException(f.source() + ": " + path + ": " + message);
    }
}
