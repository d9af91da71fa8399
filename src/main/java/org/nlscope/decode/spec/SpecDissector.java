package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.MessageKind;
import org.nlscope.decode.NlAttr;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.Format;
import org.nlscope.decode.spec.FamilySpec.Message;
import org.nlscope.model.Field;

/**
 * The interpreter for one family described by dissector files: fixed header,
 * attributes and summary of each message, all from the family's {@link Namespace}.
 * Immutable and thread-safe; each decode works in its own {@link Decoding}.
 */
public final class SpecDissector implements Dissector {
    private final Namespace ns;
    /** By {@link #slot}: a message type in one direction. */
    private final Map<Integer, SummaryTemplate> summaries = new HashMap<>();
    /** Each message's kind by {@link #slot}, worked out once: it is asked for every message decoded. */
    private final Map<Integer, MessageKind> kinds = new HashMap<>();
    private final Set<String> secrets;
    private final Set<String> addresses;
    private final Set<String> sockaddrs;
    /** The family compiled for the decode, the fields a summary-only decode decodes whole marked. */
    private final FamilyModel model;
    private Map<String, List<String>> filterFields;

    SpecDissector(Namespace ns, Map<String, ValueDecoder> decoders) {
        this.ns = ns;
        Set<String> zeroIsNone = zeroIsNone(ns);
        for (boolean request : new boolean[] {true, false}) {
            (request ? ns.messages() : ns.replies()).forEach((type, m) -> {
                kinds.put(slot(type, request), kindOf(m));
                if (m.summary() != null) {
                    summaries.put(slot(type, request), new SummaryTemplate(m.summary(), zeroIsNone));
                }
            });
        }
        Set<String> secret = new HashSet<>();
        Set<String> address = new HashSet<>();
        Set<String> sockaddr = new HashSet<>();
        ns.attributeSets().values().forEach(set -> set.attributes().forEach(a -> {
            if (a.isSecret()) {
                secret.add(a.name());
            }
            if (isAddress(a.display())) {
                address.add(a.name());
            }
            if ("sockaddr".equals(a.display())) {
                sockaddr.add(a.name());
            }
        }));
        ns.structs().values().forEach(s -> s.members().forEach(m -> {
            if (isAddress(m.display())) {
                address.add(m.name());
            }
        }));
        this.secrets = Set.copyOf(secret);
        this.addresses = Set.copyOf(address);
        this.sockaddrs = Set.copyOf(sockaddr);
        Set<String> named = new HashSet<>();
        summaries.values().forEach(t -> t.addNames(named));
        ns.attributeSets().values().forEach(set -> set.attributes().forEach(a -> {
            if (a.selector() != null) {
                named.add(a.selector());
            }
        }));
        this.model = new FamilyModel(ns, decoders, named);
    }

    /** A message type (16 bits) and its direction as one key. */
    private static int slot(int type, boolean request) {
        return request ? type : type | 0x10000;
    }

    private static boolean isAddress(String display) {
        return display != null && switch (display) {
            case "mac", "ipv4", "ipv6", "ip", "ip-slot" -> true;
            default -> false;
        };
    }

    @Override
    public synchronized Map<String, List<String>> filterFields() {
        if (filterFields == null) { // asked once, by the desktop app's filter field
            Map<String, List<String>> out = new java.util.TreeMap<>();
            ns.attributeSets().values().forEach(set -> set.attributes().forEach(a -> addField(out, a.name(), a.en())));
            ns.structs().values().forEach(st -> st.members().forEach(m -> addField(out, m.name(), m.en())));
            filterFields = java.util.Collections.unmodifiableMap(out);
        }
        return filterFields;
    }

    private void addField(Map<String, List<String>> out, String name, String enumName) {
        if (name == null || name.startsWith("[") || name.isBlank()) {
            return;
        }
        EnumDef e = enumName == null ? null : ns.enums().get(enumName);
        List<String> values = e == null ? List.of() : e.shortNames();
        out.merge(name, values, (a, b) -> a.size() >= b.size() ? a : b);
    }

    @Override
    public Set<String> secretAttributes() {
        return secrets;
    }

    @Override
    public Set<String> addressFields() {
        return addresses;
    }

    @Override
    public Set<String> sockaddrFields() {
        return sockaddrs;
    }

    /** Names of the members and attributes whose zero means "none": flag sets and interface indexes. */
    private static Set<String> zeroIsNone(Namespace ns) {
        Set<String> out = new HashSet<>();
        ns.structs().values().forEach(s -> s.members().forEach(m -> {
            if (m.en() != null && ns.enums().get(m.en()).isFlags() || "if-index".equals(m.display())) {
                out.add(m.name());
            }
        }));
        ns.attributeSets().values().forEach(set -> set.attributes().forEach(a -> {
            if (a.en() != null && ns.enums().get(a.en()).isFlags() || "if-index".equals(a.display())) {
                out.add(a.name());
            }
        }));
        return out;
    }

    @Override
    public String attributeName(int type, boolean request, String nestPath, int attrType) {
        Message m = ns.message(type, request);
        String setName = m == null ? null
                : !request && m.replyAttributeSet() != null ? m.replyAttributeSet() : m.attributeSet();
        if (setName == null) {
            return null;
        }
        // follow the path through every set it could lead to: a sub-message may have several formats
        List<AttrSetDef> sets = List.of(ns.attributeSets().get(setName));
        if (nestPath != null && !nestPath.isEmpty()) {
            for (String step : nestPath.split("/")) {
                if (step.matches("\\[\\d+]")) {
                    continue; // an indexed-array entry: its set was entered with the array
                }
                List<AttrSetDef> next = new ArrayList<>();
                for (AttrSetDef set : sets) {
                    Attribute a = set.byName(step);
                    if (a == null) {
                        continue;
                    }
                    if ("nest".equals(a.type())
                            || "indexed-array".equals(a.type()) && a.nestedAttributes() != null) {
                        next.add(ns.attributeSets().get(a.nestedAttributes()));
                    } else if ("sub-message".equals(a.type())) {
                        for (Format f : ns.subMessages().get(a.subMessage()).values()) {
                            if (f.attributeSet() != null) {
                                next.add(ns.attributeSets().get(f.attributeSet()));
                            }
                        }
                    }
                }
                sets = next;
            }
        }
        Set<String> names = new HashSet<>();
        for (AttrSetDef set : sets) {
            Attribute a = set.byType(attrType);
            if (a != null) {
                names.add(a.name());
            }
        }
        return names.size() == 1 ? names.iterator().next() : null;
    }

    @Override
    public DissectorKey key() {
        return ns.key();
    }

    /** The request's name of this type, else the reply's. */
    @Override
    public String messageName(int type) {
        String name = messageName(type, true);
        return name != null ? name : messageName(type, false);
    }

    @Override
    public String messageName(int type, boolean request) {
        Message m = ns.message(type, request);
        return m == null ? null : m.name();
    }

    @Override
    public MessageKind kind(int type) {
        return kinds.getOrDefault(type, kinds.getOrDefault(slot(type, false), MessageKind.OTHER));
    }

    @Override
    public MessageKind kind(int type, boolean request) {
        return kinds.getOrDefault(slot(type, request), MessageKind.OTHER);
    }

    private static MessageKind kindOf(Message m) {
        if (m.kind() != null) {
            return MessageKind.valueOf(m.kind().toUpperCase(java.util.Locale.ROOT));
        }
        // by the kernel's naming: RTM_GETLINK, CTRL_CMD_NEWFAMILY, RTM_DELROUTE
        for (String word : m.name().split("_")) {
            if (word.startsWith("GET")) {
                return MessageKind.GET;
            }
            if (word.startsWith("NEW")) {
                return MessageKind.NEW;
            }
            if (word.startsWith("DEL")) {
                return MessageKind.DEL;
            }
        }
        return MessageKind.OTHER;
    }

    @Override
    public MessageBody decode(int type, boolean request, ByteView body, DecodeContext context) {
        return decode(type, request, body, context, false);
    }

    @Override
    public MessageBody decodeForSummary(int type, boolean request, ByteView body, DecodeContext context) {
        return decode(type, request, body, context, true);
    }

    /** @param summaryOnly decode whole only what the summaries show (the rest: place, children, problems) */
    private MessageBody decode(int type, boolean request, ByteView body, DecodeContext context, boolean summaryOnly) {
        try {
            return decodeBody(type, request, body, context, summaryOnly);
        } catch (RuntimeException e) {
            // a bug here must not lose the message: show its bytes and say what happened
            Field raw = Field.member("payload", body.hex(body.start(), body.length()),
                    body.hex(body.start(), body.length()), body.start(), body.length());
            return new MessageBody(List.of(), List.of(raw), "", List.of("dissector " + key() + " failed: " + e));
        }
    }

    /**
     * Decodes a body as the named fixed header (or none) followed by the named attribute set
     * (or none): for a Java dissector that chooses the layout at run time, such as sock_diag's
     * by the address family in the first byte, while the layouts stay in the family's files.
     * The summary is left to the caller. Must not throw for bad input.
     *
     * @throws IllegalArgumentException when the family has no such struct or attribute set
     */
    public MessageBody decodeAs(String header, String attributeSet, ByteView body, DecodeContext context) {
        if (header != null && !ns.structs().containsKey(header)) {
            throw new IllegalArgumentException("no struct '" + header + "' in " + key());
        }
        if (attributeSet != null && !ns.attributeSets().containsKey(attributeSet)) {
            throw new IllegalArgumentException("no attribute set '" + attributeSet + "' in " + key());
        }
        try {
            return decodeLayout(header, attributeSet, false, false, body, context, false);
        } catch (RuntimeException e) {
            Field raw = Field.member("payload", body.hex(body.start(), body.length()),
                    body.hex(body.start(), body.length()), body.start(), body.length());
            return new MessageBody(List.of(), List.of(raw), "", List.of("dissector " + key() + " failed: " + e));
        }
    }

    private MessageBody decodeBody(int type, boolean request, ByteView body, DecodeContext context,
                                   boolean summaryOnly) {
        Message m = ns.message(type, request);
        String headerName = m != null && m.header() != null ? m.header() : ns.fixedHeader();
        String setName = m == null ? null
                : !request && m.replyAttributeSet() != null ? m.replyAttributeSet() : m.attributeSet();
        // a dump request may still carry the legacy one-byte struct rtgenmsg, which the
        // kernel accepts for every GET: only a shorter header elsewhere is a problem
        boolean legacyDump = request && kind(type, true) == MessageKind.GET;
        MessageBody decoded = decodeLayout(headerName, setName, m == null, legacyDump, body, context, summaryOnly);
        SummaryTemplate summary = summaries.get(slot(type, request));
        return summary == null ? decoded : new MessageBody(decoded.fixedHeader(), decoded.attributes(),
                summary.render(decoded.fixedHeader(), decoded.attributes()), decoded.problems());
    }

    /**
     * @param undescribed  true for a message type the family does not list: a body that is not
     *                     attributes is shown as one hex payload
     * @param legacyDumpOk true when a one-byte (rtgenmsg) body in place of the header is fine
     * @param summaryOnly  decode whole only what the summaries show
     */
    private MessageBody decodeLayout(String headerName, String setName, boolean undescribed, boolean legacyDumpOk,
                                     ByteView body, DecodeContext context, boolean summaryOnly) {
        Decoding decoding = new Decoding(model, context, body, summaryOnly);
        List<String> problems = new ArrayList<>();
        List<Field> fixed = List.of();
        int pos = body.start();
        if (headerName != null) {
            StructSpec s = model.struct(headerName);
            fixed = decoding.structs.members(s, body, false);
            decoding.setHeader(fixed);
            // its length may count the byte alone (ovs-dpctl's RTM_GETROUTE dump: nlmsg_len 17)
            boolean legacyDump = legacyDumpOk && (body.length() == 1 || body.length() == NlAttr.align(1));
            if (body.length() < s.size() && !legacyDump) {
                problems.add(s.name() + " needs " + s.size() + " bytes, found " + body.length());
            }
            pos = Math.min(body.end(), pos + NlAttr.align(s.size()));
        }
        ByteView rest = body.slice(pos, body.end() - pos);
        AttrSetSpec set = model.set(setName);
        List<Field> attributes;
        if (rest.length() == 0) {
            attributes = List.of();
        } else if (set == null && undescribed && !org.nlscope.decode.AttrReader.read(rest).clean()) {
            // a message type this family does not describe, whose bytes are not attributes
            String hex = rest.hex(rest.start(), rest.length());
            attributes = List.of(Field.member("payload", hex, hex, rest.start(), rest.length()));
        } else {
            SpecDecoding.Attributes attrs = decoding.attributes.attributes(set, rest, null, 0);
            attributes = attrs.fields();
            if (attrs.problem() != null) {
                problems.add(attrs.problem());
            }
        }
        collectProblems("", fixed, problems);
        collectProblems("", attributes, problems);
        return new MessageBody(fixed, attributes, "", problems);
    }

    /** Every field's problem, named by its path: "IFLA_LINKINFO/IFLA_INFO_DATA: ...". */
    private static void collectProblems(String prefix, List<Field> fields, List<String> out) {
        for (Field f : fields) {
            if (f.problem() != null) {
                out.add(prefix + f.label() + ": " + f.problem());
            }
            if (!f.children().isEmpty()) {
                // the path is only built for the (rare) subtrees that have a problem
                List<String> inner = new ArrayList<>(0);
                collectProblems("", f.children(), inner);
                for (String p : inner) {
                    out.add(prefix + f.label() + "/" + p);
                }
            }
        }
    }
}
