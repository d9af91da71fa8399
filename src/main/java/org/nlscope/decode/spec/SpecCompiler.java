package org.nlscope.decode.spec;

import static org.nlscope.decode.spec.SpecChecks.fail;
import static org.nlscope.decode.spec.SpecChecks.required;
import static org.nlscope.decode.spec.SpecChecks.requireText;

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
import org.nlscope.decode.spec.FamilySpec.AttributeSet;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Format;
import org.nlscope.decode.spec.FamilySpec.Member;
import org.nlscope.decode.spec.FamilySpec.Message;
import org.nlscope.decode.spec.FamilySpec.SubMessage;
import org.nlscope.uapi.Netlink;

/**
 * Checks parsed dissector files against each other and turns them into one
 * {@link SpecDissector} per family: files naming the same family (or genl family)
 * share one namespace. The first mistake found is thrown as a one-line
 * {@link DissectorLoadException} naming the file and the path inside it.
 */
public final class SpecCompiler {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final Map<String, ValueDecoder> decoders;
    private final AttributeSetCompiler attributeSets;

    private SpecCompiler(Map<String, ValueDecoder> decoders) {
        this.decoders = decoders;
        this.attributeSets = new AttributeSetCompiler(decoders);
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
            if (number != null && number != Netlink.NETLINK_GENERIC) {
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
        FamilyScope scope = new FamilyScope(definitions, definitionNames, setNames, subMessageNames, group);

        Map<String, EnumDef> enums = new HashMap<>();
        Map<String, StructDef> structs = new HashMap<>();
        Map<String, AttrSetDef> sets = new HashMap<>();
        Map<String, Map<String, Format>> subMessages = new HashMap<>();
        Map<Integer, Message> messages = new HashMap<>();
        Map<Integer, Message> replies = new HashMap<>();
        Map<Integer, Origin> messageValues = new HashMap<>();
        Map<Integer, Origin> replyValues = new HashMap<>();
        Map<String, Origin> messageNames = new HashMap<>();
        Map<String, Message> namedMessages = new HashMap<>();
        String fixedHeader = null;
        for (SpecFile f : group) {
            FamilySpec s = f.spec();
            for (int i = 0; i < s.definitions().size(); i++) {
                Definition d = s.definitions().get(i);
                String path = "definitions[" + i + "]";
                String type = requireText(f, path + ".type", d.type());
                switch (type) {
                    case "enum", "flags" -> enums.put(d.name(), DefinitionCompiler.enumDef(f, path, d));
                    case "struct" -> structs.put(d.name(), DefinitionCompiler.structDef(f, path, d, scope, new HashSet<>()));
                    default -> throw fail(f, path + ".type", "unknown definition type '" + type + "' (enum, flags, struct)");
                }
            }
            for (int i = 0; i < s.attributeSets().size(); i++) {
                AttributeSet a = s.attributeSets().get(i);
                sets.put(a.name(), attributeSets.attributeSet(f, "attribute-sets[" + i + "]", a, scope));
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
                if (m.forRequests()) {
                    place(f, path, m, messages, messageValues);
                }
                if (m.forReplies()) {
                    place(f, path, m, replies, replyValues);
                }
                // one name may be both a request and a reply (the two halves of a YNL directional op)
                Message sameName = namedMessages.putIfAbsent(m.name(), m);
                if (sameName == null || m.direction() == null || sameName.direction() == null
                        || sameName.direction().equals(m.direction())) {
                    claim(f, path, m.name(), messageNames);
                }
            }
        }
        return new Namespace(key, Map.copyOf(enums), Map.copyOf(structs), Map.copyOf(sets),
                Map.copyOf(subMessages), Map.copyOf(messages), Map.copyOf(replies), fixedHeader);
    }

    private static void place(SpecFile f, String path, Message m, Map<Integer, Message> byValue,
                              Map<Integer, Origin> origins) {
        Origin before = origins.putIfAbsent(m.value(), new Origin(f, path));
        if (before != null) {
            throw fail(f, path + ".value", "message value " + m.value() + " is already used by "
                    + byValue.get(m.value()).name() + " (" + where(before, f) + ")");
        }
        byValue.put(m.value(), m);
    }

    // ---------------------------------------------------------------- sub-messages and messages

    private static Map<String, Format> subMessage(SpecFile f, String path, SubMessage m, FamilyScope scope) {
        Map<String, Format> formats = new LinkedHashMap<>();
        for (int i = 0; i < m.formats().size(); i++) {
            String at = path + ".formats[" + i + "]";
            Format fmt = required(f, at, m.formats().get(i));
            String value = requireText(f, at + ".value", fmt.value());
            if (formats.putIfAbsent(value, fmt) != null) {
                throw fail(f, at + ".value", "duplicate format '" + value + "'");
            }
            if (fmt.type() != null && (fmt.struct() != null || fmt.attributeSet() != null)) {
                throw fail(f, at + ".type", "a format is a type, or a struct and attributes, not both");
            }
            if (fmt.type() != null && !Types.FORMAT_TYPES.contains(fmt.type())) {
                throw fail(f, at + ".type", "unknown type '" + fmt.type() + "' (" + String.join(", ", Types.FORMAT_TYPES) + ")");
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

    private static Message message(SpecFile f, String path, Message m, FamilyScope scope) {
        requireText(f, path + ".name", m.name());
        if (m.value() == null) {
            throw fail(f, path + ".value", "missing: the message type (or genl cmd) number");
        }
        if (m.value() < 0 || m.value() > 0xffff) {
            throw fail(f, path + ".value", m.value() + " is outside 0..65535");
        }
        if (m.direction() != null && !Set.of("request", "reply").contains(m.direction())) {
            throw fail(f, path + ".direction", "unknown direction '" + m.direction() + "' (request, reply)");
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
                String inside = p.group(1).endsWith("?") ? p.group(1).substring(0, p.group(1).length() - 1) : p.group(1);
                for (String alternative : inside.split("\\|", -1)) {
                    String first = alternative.split("/", -1)[0];
                    if (!known.contains(first) && (m.header() != null || m.attributeSet() != null)
                            && !isFixedHeaderMember(scope, first)) {
                        throw fail(f, path + ".summary", "'{" + p.group(1) + "}': '" + first
                                + "' is no attribute or header member of this message");
                    }
                }
            }
        }
        return m;
    }

    private static boolean isFixedHeaderMember(FamilyScope scope, String name) {
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

}
