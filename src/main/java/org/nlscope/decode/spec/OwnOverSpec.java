package org.nlscope.decode.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.AttributeSet;
import org.nlscope.decode.spec.FamilySpec.Format;
import org.nlscope.decode.spec.FamilySpec.Message;
import org.nlscope.decode.spec.FamilySpec.SubMessage;

/**
 * nlscope's own messages over the spec's messages of the same id and direction. The own
 * message keeps its header, set, name and summary; its attribute sets take, number by
 * number, what the spec's corresponding sets add: attributes nlscope does not list (a newer
 * kernel's), the spec's shape where nlscope's says only bytes, and, through nests and
 * sub-messages whose shapes both sides give, the same again one level down (link kinds
 * nlscope does not describe, new attributes of a kind it does). Where both give a shape,
 * nlscope's stays: it was written from the uapi header (signedness, byte order, struct
 * member names, interface and tc-handle displays, enum names) and decodes the recorded
 * captures; the kernel's specs say less there (rt-link's DEVCONF arrays, tc's ratespec).
 */
final class OwnOverSpec {
    private final Map<String, List<Attribute>> ownSets = new LinkedHashMap<>();
    private final Map<String, List<Format>> ownSubMessages = new LinkedHashMap<>();
    private final Map<String, AttributeSet> specSets = new HashMap<>();
    private final Map<String, SubMessage> specSubMessages = new HashMap<>();
    private final Deque<String[]> pairs = new ArrayDeque<>();
    private final Set<String> paired = new HashSet<>();
    private final Set<String> changedSets = new HashSet<>();
    private final Set<String> changedSubMessages = new HashSet<>();

    private OwnOverSpec(List<SpecFile> own, List<SpecFile> specs) {
        for (SpecFile f : own) {
            f.spec().attributeSets().forEach(s -> ownSets.putIfAbsent(s.name(), resolved(s.attributes())));
            f.spec().subMessages().forEach(s -> ownSubMessages.putIfAbsent(s.name(), new ArrayList<>(s.formats())));
        }
        for (SpecFile f : specs) {
            f.spec().attributeSets().forEach(s -> specSets.putIfAbsent(s.name(), s));
            f.spec().subMessages().forEach(s -> specSubMessages.putIfAbsent(s.name(), s));
        }
    }

    /**
     * The own files with their sets completed from the specs' (for the messages both define),
     * and the specs without the messages the own files define.
     */
    static List<SpecFile> apply(List<SpecFile> own, List<SpecFile> specs) {
        OwnOverSpec merge = new OwnOverSpec(own, specs);
        Set<Integer> requests = new HashSet<>();
        Set<Integer> replies = new HashSet<>();
        List<Message> ownMessages = new ArrayList<>();
        for (SpecFile f : own) {
            for (Message m : f.spec().messages()) {
                ownMessages.add(m);
                if (m.forRequests()) {
                    requests.add(m.value());
                }
                if (m.forReplies()) {
                    replies.add(m.value());
                }
            }
        }
        for (SpecFile f : specs) {
            for (Message s : f.spec().messages()) {
                for (Message o : ownMessages) {
                    if (Objects.equals(o.value(), s.value()) && (o.forRequests() && s.forRequests()
                            || o.forReplies() && s.forReplies())) {
                        merge.pair(o.attributeSet(), s.attributeSet());
                        merge.pair(o.replyAttributeSet() != null ? o.replyAttributeSet() : o.attributeSet(),
                                s.replyAttributeSet() != null ? s.replyAttributeSet() : s.attributeSet());
                    }
                }
            }
        }
        merge.run();
        List<SpecFile> out = new ArrayList<>();
        for (SpecFile f : specs) {
            out.add(new SpecFile(f.source(), without(f.spec(), requests, replies)));
        }
        for (SpecFile f : own) {
            out.add(new SpecFile(f.source(), merge.completed(f.spec())));
        }
        return out;
    }

    private void pair(String ownSet, String specSet) {
        if (ownSet != null && specSet != null && ownSets.containsKey(ownSet) && specSets.containsKey(specSet)
                && paired.add(ownSet + "\n" + specSet)) {
            pairs.add(new String[] {ownSet, specSet});
        }
    }

    private void pairSubMessages(String ownSub, String specSub) {
        List<Format> mine = ownSubMessages.get(ownSub);
        SubMessage theirs = specSubMessages.get(specSub);
        if (mine == null || theirs == null || !paired.add("sub\n" + ownSub + "\n" + specSub)) {
            return;
        }
        for (Format f : theirs.formats()) {
            Format o = mine.stream().filter(m -> Objects.equals(m.value(), f.value())).findFirst().orElse(null);
            if (o == null) {
                // a link kind, tc option or expression nlscope does not describe: the spec's
                mine.add(f);
                changedSubMessages.add(ownSub);
            } else if (Objects.equals(o.struct() == null, f.struct() == null)) {
                pair(o.attributeSet(), f.attributeSet());
            }
        }
    }

    private void run() {
        while (!pairs.isEmpty()) {
            String[] p = pairs.poll();
            merge(p[0], specSets.get(p[1]));
        }
    }

    /** One own set completed from one spec set, number by number. */
    private void merge(String ownName, AttributeSet spec) {
        List<Attribute> mine = ownSets.get(ownName);
        Map<Integer, Integer> at = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < mine.size(); i++) {
            at.put(mine.get(i).value(), i);
            names.add(mine.get(i).name());
        }
        for (Attribute a : resolved(spec.attributes())) {
            Integer i = at.get(a.value());
            if (i == null) {
                if (names.add(a.name())) {
                    at.put(a.value(), mine.size());
                    mine.add(a);
                    changedSets.add(ownName);
                }
                continue;
            }
            Attribute o = mine.get(i);
            if (isBytes(o) && !isBytes(a)) {
                // nlscope says only bytes (nl80211's attributes it lists by name): the spec's shape, under
                // nlscope's name (the header's), keeping its secrecy and display
                mine.set(i, new Attribute(o.name(), o.value(), a.type(), a.nestedAttributes(), a.subType(),
                        a.subMessage(), a.selector(), a.en(), a.display(), a.byteOrder(), a.struct(), a.repeat(),
                        a.decoder(), a.levels(), o.isSecret() || a.isSecret() ? Boolean.TRUE : null, o.doc()));
                changedSets.add(ownName);
                continue;
            }
            if (a.isSecret() && !o.isSecret() && !"flag".equals(o.type())) {
                mine.set(i, new Attribute(o.name(), o.value(), o.type(), o.nestedAttributes(), o.subType(),
                        o.subMessage(), o.selector(), o.en(), o.display(), o.byteOrder(), o.struct(), o.repeat(),
                        o.decoder(), o.levels(), Boolean.TRUE, o.doc()));
                changedSets.add(ownName);
            }
            if (o.nestedAttributes() != null && a.nestedAttributes() != null && Objects.equals(o.type(), a.type())) {
                pair(o.nestedAttributes(), a.nestedAttributes());
            }
            if (o.subMessage() != null && a.subMessage() != null) {
                pairSubMessages(o.subMessage(), a.subMessage());
            }
        }
    }

    /** A file of nlscope's own with the sets and sub-messages as completed. */
    private FamilySpec completed(FamilySpec s) {
        List<AttributeSet> sets = new ArrayList<>();
        for (AttributeSet set : s.attributeSets()) {
            sets.add(changedSets.contains(set.name()) && set.name() != null
                    ? new AttributeSet(set.name(), set.doc(), List.copyOf(ownSets.get(set.name()))) : set);
        }
        List<SubMessage> subs = new ArrayList<>();
        for (SubMessage m : s.subMessages()) {
            subs.add(changedSubMessages.contains(m.name()) && m.name() != null
                    ? new SubMessage(m.name(), m.doc(), List.copyOf(ownSubMessages.get(m.name()))) : m);
        }
        return new FamilySpec(s.family(), s.genlFamily(), s.doc(), s.fixedHeader(), s.definitions(), sets, subs,
                s.messages());
    }

    /** A spec without the messages nlscope's own files define, per direction. */
    private static FamilySpec without(FamilySpec s, Set<Integer> requests, Set<Integer> replies) {
        List<Message> kept = new ArrayList<>();
        for (Message m : s.messages()) {
            boolean request = m.forRequests() && !requests.contains(m.value());
            boolean reply = m.forReplies() && !replies.contains(m.value());
            if (request || reply) {
                String direction = request && reply ? m.direction() : request ? "request" : "reply";
                kept.add(new Message(m.name(), m.value(), m.kind(), m.header(), m.attributeSet(), m.replyAttributeSet(),
                        m.summary(), direction, m.doc()));
            }
        }
        return new FamilySpec(s.family(), s.genlFamily(), s.doc(), s.fixedHeader(), s.definitions(), s.attributeSets(),
                s.subMessages(), kept);
    }

    /** Plain bytes: binary with nothing that shapes it (a hex display is no shape). */
    static boolean isBytes(Attribute a) {
        return "binary".equals(a.type()) && a.struct() == null && a.subType() == null && a.decoder() == null
                && (a.display() == null || "hex".equals(a.display()));
    }

    /** The attributes with their values counted as the format counts them (previous + 1, the first 1). */
    private static List<Attribute> resolved(List<Attribute> attributes) {
        List<Attribute> out = new ArrayList<>();
        int next = 1;
        for (Attribute a : attributes) {
            if (a == null) {
                continue;
            }
            int value = a.value() != null ? a.value() : next;
            out.add(a.withValue(value));
            next = value + 1;
        }
        return out;
    }
}
