package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlscope.decode.DissectorLoadException;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.AttributeSet;
import org.nlscope.decode.spec.FamilySpec.Definition;
import org.nlscope.decode.spec.FamilySpec.Member;
import org.nlscope.decode.spec.FamilySpec.Message;

/**
 * nlscope's own files of a family laid over the kernel's YNL specs of it. They refer to
 * YNL's objects by the kernel's names: a message of the same name lends its summary and
 * kind, an attribute of the same name its display, value decoder, secrecy, its enum or
 * struct where they say the same with the header's names, and its whole shape where the
 * spec says only bytes. Messages both define stay nlscope's, their sets completed from the
 * spec's ({@link OwnOverSpec}); everything else of the own files (commands and attributes
 * YNL leaves out, their sets and definitions) stays as it was.
 */
final class Overlays {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private Overlays() {
    }

    /** The files to compile for one family: the specs, with the own files over them. */
    static List<SpecFile> apply(List<SpecFile> own, List<SpecFile> specs) {
        Set<String> specNames = new HashSet<>();
        for (SpecFile f : specs) {
            f.spec().messages().forEach(m -> specNames.add(m.name()));
        }
        Map<String, Message> ownMessages = new HashMap<>();
        Map<Integer, Message> ownReplies = new HashMap<>();
        Map<String, Attribute> ownAttributes = new HashMap<>();
        Map<String, Definition> ownDefinitions = new HashMap<>();
        for (SpecFile f : own) {
            f.spec().definitions().forEach(d -> ownDefinitions.putIfAbsent(d.name(), d));
            for (Message m : f.spec().messages()) {
                ownMessages.putIfAbsent(m.name(), m);
                if (m.forReplies()) {
                    ownReplies.putIfAbsent(m.value(), m);
                }
            }
            for (AttributeSet s : f.spec().attributeSets()) {
                s.attributes().forEach(a -> {
                    if (a != null && a.name() != null) {
                        ownAttributes.putIfAbsent(a.name(), a);
                    }
                });
            }
        }
        List<SpecFile> lent = new ArrayList<>();
        for (SpecFile f : specs) {
            lent.add(new SpecFile(f.source(), over(f, ownMessages, ownReplies, ownAttributes, ownDefinitions, specNames)));
        }
        return OwnOverSpec.apply(own, lent);
    }

    private static FamilySpec over(SpecFile f, Map<String, Message> ownMessages, Map<Integer, Message> ownReplies,
                                   Map<String, Attribute> ownAttributes, Map<String, Definition> ownDefinitions,
                                   Set<String> specNames) {
        FamilySpec s = f.spec();
        Map<String, Definition> specDefinitions = new HashMap<>();
        s.definitions().forEach(d -> specDefinitions.put(d.name(), d));
        Map<String, Set<String>> fields = fieldsBySet(s);
        Set<String> requestNames = new HashSet<>();
        s.messages().forEach(m -> {
            if ("request".equals(m.direction())) {
                requestNames.add(m.name());
            }
        });
        List<Message> messages = new ArrayList<>();
        for (Message m : s.messages()) {
            String name = m.name();
            Message named = ownReplies.get(m.value());
            // a reply the spec can only call after its request (nl80211's GET_WIPHY answered by id 3)
            // takes the name nlscope's own files give that id (NL80211_CMD_NEW_WIPHY)
            if ("reply".equals(m.direction()) && requestNames.contains(name) && named != null
                    && !specNames.contains(named.name())) {
                name = named.name();
            }
            Message mine = ownMessages.get(name);
            String summary = m.summary();
            if (summary == null && mine != null && mine.summary() != null
                    && resolves(mine.summary(), fields, s, m)) {
                summary = mine.summary();
            }
            String kind = m.kind() != null ? m.kind() : mine == null ? null : mine.kind();
            messages.add(new Message(name, m.value(), kind, m.header(), m.attributeSet(), m.replyAttributeSet(),
                    summary, m.direction(), m.doc()));
        }
        List<AttributeSet> sets = new ArrayList<>();
        for (AttributeSet set : s.attributeSets()) {
            List<Attribute> attrs = new ArrayList<>();
            for (Attribute a : set.attributes()) {
                Attribute mine = ownAttributes.get(a.name());
                attrs.add(mine == null ? a : lend(f, a, mine, new Shapes(specDefinitions, ownDefinitions)));
            }
            sets.add(new AttributeSet(set.name(), set.doc(), attrs));
        }
        return new FamilySpec(s.family(), s.genlFamily(), s.doc(), s.fixedHeader(),
                structsOver(f, s.definitions(), new Shapes(specDefinitions, ownDefinitions)), sets, s.subMessages(),
                messages);
    }

    /**
     * The spec's structs with what nlscope's struct members of the same names add: an enum
     * (as for attributes: rt-link's ifinfomsg names no address family, and IFF_NO_ARP for
     * the header's IFF_NOARP) and a display the spec's member lacks.
     */
    private static List<Definition> structsOver(SpecFile f, List<Definition> definitions, Shapes shapes) {
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

    /** The definitions on both sides, to tell whether nlscope's enum or struct says the same with the header's names. */
    private record Shapes(Map<String, Definition> spec, Map<String, Definition> own) {
        /**
         * nlscope's enum for an attribute: when the spec has none, or the spec's names the same
         * values otherwise (its derived names are not the header's: NLCTRL_OP_FLAGS_CMD_CAP_DO
         * for GENL_CMD_CAP_DO).
         */
        String enumFor(Attribute a, Attribute mine) {
            return enumFor(a.en(), mine.en());
        }

        String enumFor(String specEnum, String ownEnum) {
            Definition o = ownEnum == null ? null : own.get(ownEnum);
            if (o == null) {
                return specEnum;
            }
            Definition d = specEnum == null ? null : spec.get(specEnum);
            if (d == null) {
                return ownEnum;
            }
            if (!d.type().equals(o.type())) {
                return specEnum;
            }
            Map<Long, String> names = values(o);
            boolean renamed = values(d).entrySet().stream().anyMatch(e -> names.containsKey(e.getKey())
                    && !names.get(e.getKey()).equals(e.getValue()));
            return renamed ? ownEnum : specEnum;
        }

        /** An enum's or flags' entries by value, counted as the format counts bare entries. */
        private static Map<Long, String> values(Definition d) {
            Map<Long, String> out = new HashMap<>();
            boolean flags = "flags".equals(d.type());
            long start = d.valueStart() == null ? 0 : d.valueStart();
            long next = flags ? 1L << Math.min(63, Math.max(0, start)) : start;
            for (FamilySpec.Entry e : d.entries()) {
                if (e == null || e.name() == null) {
                    continue;
                }
                long v = e.value() != null ? e.value() : next;
                out.putIfAbsent(v, e.name());
                next = flags ? Long.highestOneBit(v) << 1 : v + 1;
            }
            return out;
        }

        /**
         * nlscope's struct when its members have the sizes of the spec's (the header's member
         * names and signedness: WireGuard's __kernel_timespec is tv_sec, tv_nsec).
         */
        String structFor(Attribute a, Attribute mine) {
            Definition d = a.struct() == null ? null : spec.get(a.struct());
            Definition o = mine.struct() == null ? null : own.get(mine.struct());
            if (d == null || o == null || d.members().size() != o.members().size()) {
                return a.struct();
            }
            for (int i = 0; i < d.members().size(); i++) {
                Member x = d.members().get(i);
                Member y = o.members().get(i);
                if (size(x) != size(y) || Types.INTEGERS.containsKey(x.type()) != Types.INTEGERS.containsKey(y.type())
                        || x.struct() != null || y.struct() != null) {
                    return a.struct();
                }
            }
            return mine.struct();
        }

        private static int size(Member m) {
            Integer fixed = Types.INTEGERS.get(m.type());
            return fixed != null ? fixed : m.len() == null ? -1 : m.len();
        }
    }

    /** The spec's attribute with what nlscope's own attribute of that name adds, where it fits. */
    private static Attribute lend(SpecFile f, Attribute a, Attribute mine, Shapes shapes) {
        if (isBytes(a) && !isBytes(mine) && mine.decoder() == null
                && (!"binary".equals(mine.type()) || mine.subType() != null || mine.struct() != null)) {
            // the spec says only bytes ("binary # TODO: nest", nl80211's NL80211_ATTR_KEY, ethtool's bitmaps):
            // nlscope's own shape of it (a nest of its own set, which stays in the family, an array of
            // words, a struct) decodes, and keeps its secrets
            return new Attribute(a.name(), a.value(), mine.type(), mine.nestedAttributes(), mine.subType(),
                    mine.subMessage(), mine.selector(), mine.en(), mine.display(), mine.byteOrder(), mine.struct(),
                    mine.repeat(), null, mine.levels(), a.isSecret() || mine.isSecret() ? Boolean.TRUE : null, a.doc());
        }
        String display = a.display();
        String scalar = "indexed-array".equals(a.type()) ? a.subType() : a.type();
        if (mine.display() != null && (display == null || "hex".equals(display)) && a.struct() == null
                && !("binary".equals(a.type()) && a.subType() != null)) {
            try {
                SpecChecks.checkDisplay(f, a.name(), mine.display(), scalar);
                display = mine.display();
            } catch (DissectorLoadException e) {
                // the display does not fit the kernel's type: the kernel's type wins
            }
        }
        String decoder = mine.decoder() != null && "binary".equals(a.type()) && a.struct() == null && a.subType() == null
                ? mine.decoder() : null;
        Boolean secret = a.isSecret() || mine.isSecret() && !"flag".equals(a.type()) ? Boolean.TRUE : null;
        String en = "bitfield32".equals(a.type()) || Types.isInteger(scalar) ? shapes.enumFor(a, mine) : a.en();
        String struct = "binary".equals(a.type()) && decoder == null ? shapes.structFor(a, mine) : a.struct();
        return new Attribute(a.name(), a.value(), a.type(), a.nestedAttributes(), a.subType(), a.subMessage(),
                a.selector(), en, decoder != null ? null : display, a.byteOrder(), struct, a.repeat(), decoder,
                a.levels(), secret, a.doc());
    }

    /** Plain bytes: binary with nothing that shapes it. */
    private static boolean isBytes(Attribute a) {
        return "binary".equals(a.type()) && a.struct() == null && a.subType() == null && a.decoder() == null
                && a.display() == null;
    }

    /** True when every placeholder of a summary names an attribute of the message's set or a header member. */
    private static boolean resolves(String summary, Map<String, Set<String>> fields, FamilySpec s, Message m) {
        Set<String> known = new HashSet<>(fields.getOrDefault(m.attributeSet(), Set.of()));
        for (String header : new String[] {m.header(), s.fixedHeader()}) {
            known.addAll(fields.getOrDefault(header, Set.of()));
        }
        Matcher p = PLACEHOLDER.matcher(summary);
        while (p.find()) {
            String inside = p.group(1).endsWith("?") ? p.group(1).substring(0, p.group(1).length() - 1) : p.group(1);
            for (String alternative : inside.split("\\|", -1)) {
                if (!known.contains(alternative.split("/", -1)[0])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Attribute names by set, and member names by struct. */
    private static Map<String, Set<String>> fieldsBySet(FamilySpec s) {
        Map<String, Set<String>> out = new HashMap<>();
        for (AttributeSet set : s.attributeSets()) {
            Set<String> names = out.computeIfAbsent(set.name(), k -> new HashSet<>());
            set.attributes().forEach(a -> names.add(a.name()));
        }
        for (Definition d : s.definitions()) {
            Set<String> names = out.computeIfAbsent(d.name(), k -> new HashSet<>());
            d.members().forEach((Member mem) -> names.add(mem.name()));
        }
        return out;
    }
}
