package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * YNL leaves out, their sets and definitions) stays as it was. What an attribute lends is
 * {@link AttributeLoan}'s, what a struct member lends {@link StructLoan}'s.
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
        DefinitionMatch shapes = new DefinitionMatch(specDefinitions, ownDefinitions);
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
                attrs.add(mine == null ? a : AttributeLoan.lend(f, a, mine, shapes));
            }
            sets.add(new AttributeSet(set.name(), set.doc(), attrs));
        }
        return new FamilySpec(s.family(), s.genlFamily(), s.doc(), s.fixedHeader(),
                StructLoan.over(f, s.definitions(), shapes), sets, s.subMessages(),
                messages);
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
