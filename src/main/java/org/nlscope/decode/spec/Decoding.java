package org.nlscope.decode.spec;

import java.util.List;
import java.util.Map;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DecodeException;
import org.nlscope.decode.NlAttr;
import org.nlscope.decode.spec.FamilySpec.Attribute;
import org.nlscope.decode.spec.FamilySpec.Format;
import org.nlscope.decode.spec.FamilySpec.Member;
import org.nlscope.model.Field;
import org.nlscope.model.FieldList;
import org.nlscope.model.Limits;

/**
 * The decoding of one message by one family's namespace: walks structs and
 * attribute sets, turning every malformation into a problem on the field it
 * concerns. Used by one thread for one message, then dropped.
 */
final class Decoding implements SpecDecoding {
    /** Deeper nests are shown as bytes: no real family nests this deep, a crafted frame might. */
    static final int MAX_DEPTH = Limits.MAX_NESTING_DEPTH;
    private static final int STRUCT_DISPLAY_MEMBERS = 8;
    private static final String[] INDEX_NAMES = new String[256];

    static {
        for (int i = 0; i < INDEX_NAMES.length; i++) {
            INDEX_NAMES[i] = "[" + i + "]";
        }
    }

    private final Namespace ns;
    private final Map<String, ValueDecoder> decoders;
    private final DecodeContext context;
    private final ByteView frame;
    private List<Field> header = List.of();
    /** Where a value decoder's calls into the family decode: set around each call. */
    private Siblings current;
    private int currentDepth;
    /** The fields decoded whole, or null for all; the others are outlined (see {@link #outlined}). */
    private final SummaryNames whole;
    /** Inside a value decoder everything is decoded whole: it may read any value it asks for. */
    private int insideDecoder;
    /** The address family in force for ip-slot values: the nearest struct's, else the header's; -1 unknown. */
    private int family = -1;

    /** @param whole the names of the fields to decode whole, null for all (a summary-only decode names a few) */
    Decoding(Namespace ns, Map<String, ValueDecoder> decoders, DecodeContext context, ByteView body, SummaryNames whole) {
        this.ns = ns;
        this.decoders = decoders;
        this.context = context;
        this.frame = ByteView.of(body.data());
        this.whole = whole;
    }

    private boolean decodesWhole(String name) {
        return whole == null || insideDecoder > 0 || whole.contains(name);
    }

    /** {@link #decodesWhole} for the entry of a set or struct, by its flag when the set or struct has flags. */
    private boolean decodesWhole(boolean[] named, int index, String name) {
        if (whole == null || insideDecoder > 0) {
            return true;
        }
        return named != null ? named[index] : whole.contains(name);
    }

    /** The attributes of one list, and the list it is nested in: where sub-message selectors are looked up. */
    private record Siblings(AttrSetDef set, List<NlAttr> attrs, Siblings parent) {
    }

    void setHeader(List<Field> fixedHeader) {
        this.header = List.copyOf(fixedHeader);
        for (Field f : fixedHeader) {
            if (f.name() != null && StructDef.isFamilyName(f.name()) && f.value() instanceof Long v) {
                family = v.intValue();
                break;
            }
        }
    }

    /** Bytes shaped by a display hint; an ip-slot reads by the address family in force. */
    private String shaped(ByteView v, int offset, int length, String display) {
        return "ip-slot".equals(display) ? Values.ipSlot(v, offset, length, family)
                : Values.shapedBytes(v, offset, length, display);
    }

    // ---------------------------------------------------------------- SpecDecoding

    @Override
    public DecodeContext context() {
        return context;
    }

    @Override
    public Attributes attributes(String attributeSet, ByteView window) {
        AttrSetDef set = ns.attributeSets().get(attributeSet);
        if (set == null) {
            throw new IllegalArgumentException("no attribute set '" + attributeSet + "' in " + ns.key());
        }
        // a value decoder's attributes are one level deeper than its attribute, on the same budget
        if (currentDepth + 1 >= MAX_DEPTH) {
            return new Attributes(List.of(), "nested deeper than " + MAX_DEPTH + " levels; not decoded");
        }
        return attributes(set, window, current, currentDepth + 1);
    }

    @Override
    public List<Field> struct(String struct, ByteView window) {
        return members(structDef(struct), window, true);
    }

    @Override
    public int structSize(String struct) {
        return structDef(struct).size();
    }

    private StructDef structDef(String name) {
        StructDef s = ns.structs().get(name);
        if (s == null) {
            throw new IllegalArgumentException("no struct '" + name + "' in " + ns.key());
        }
        return s;
    }

    @Override
    public String structDisplay(List<Field> members) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (Field m : members) {
            if (shown == STRUCT_DISPLAY_MEMBERS) {
                sb.append(" …");
                break;
            }
            sb.append(shown++ == 0 ? "" : " ").append(m.label()).append('=').append(m.display());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- attributes

    Attributes attributes(AttrSetDef set, ByteView window) {
        return attributes(set, window, null, 0);
    }

    private Attributes attributes(AttrSetDef set, ByteView window, Siblings parent, int depth) {
        AttrReader.Result r = AttrReader.read(window);
        Siblings here = new Siblings(set, r.attributes(), parent);
        FieldList.Builder out = FieldList.builder(r.attributes().size());
        boolean[] named = whole == null || set == null ? null : whole.of(set);
        for (NlAttr a : r.attributes()) {
            Attribute spec = set == null ? null : set.byType(a.type());
            out.add(spec == null ? unknown(a, depth)
                    : attribute(spec, a, here, depth, decodesWhole(named, a.type(), spec.name())));
        }
        return new Attributes(out.build(), r.problem());
    }

    /** @param whole decode the value (else the attribute is outlined: place, children, problems) */
    private Field attribute(Attribute spec, NlAttr a, Siblings siblings, int depth, boolean whole) {
        if (spec == null) {
            return unknown(a, depth);
        }
        ByteView p = a.payload(frame);
        try {
            return switch (spec.type()) {
                case "string" -> !whole ? outlined(spec, a, null)
                        : attr(spec, a, Values.string(p, p.start(), p.length()), null, List.of(),
                        Values.string(p, p.start(), p.length()), false, List.of(), null);
                case "flag" -> attr(spec, a, Boolean.TRUE, null, List.of(), "true", false, List.of(),
                        p.length() == 0 ? null : "a flag has no payload, found " + p.length() + " bytes");
                case "binary" -> binary(spec, a, p, siblings, depth, whole);
                case "nest" -> nest(spec, a, p, siblings, depth, whole);
                case "indexed-array" -> indexedArray(spec, a, p, siblings, depth);
                case "sub-message" -> subMessage(spec, a, p, siblings, depth, whole);
                case "bitfield32" -> bitfield32(spec, a, p, whole);
                default -> integer(spec, a, p, whole);
            };
        } catch (DecodeException e) {
            // a read outside the payload: a decoder's bug or a case the checks above missed
            return asBytes(spec, a, p, e.getMessage());
        }
    }

    private Field integer(Attribute spec, NlAttr a, ByteView p, boolean whole) {
        Integer fixed = Types.INTEGERS.get(spec.type());
        int len = p.length();
        int size = fixed != null ? fixed : (len == 4 || len == 8 ? len : -1);
        if (size < 0 || len < size) {
            String expected = fixed != null ? fixed + " bytes" : "4 or 8 bytes";
            String problem = "a " + spec.type() + " needs " + expected + ", found " + len;
            return whole ? asBytes(spec, a, p, problem) : outlined(spec, a, problem);
        }
        String problem = len > size ? "a " + spec.type() + " has " + size + " bytes, found " + len : null;
        if (!whole) {
            return outlined(spec, a, problem);
        }
        boolean bigEndian = Types.isBigEndian(spec.byteOrder()) || a.netByteOrder();
        Object value = Values.readInt(p, p.start(), size, Types.isSigned(spec.type()), bigEndian);
        Values.Shown shown = shownInt(value, enumOf(spec.en()), spec.display(), p, p.start(), size);
        return attr(spec, a, value, shown.valueName(), shown.valueNames(), shown.display(), false, List.of(), problem);
    }

    private Field binary(Attribute spec, NlAttr a, ByteView p, Siblings siblings, int depth, boolean whole) {
        if (spec.decoder() != null) {
            return decoded(spec, a, p, siblings, depth);
        }
        if (spec.struct() != null) {
            return structAttribute(spec, a, p, whole);
        }
        if (spec.subType() != null) {
            return intArray(spec, a, p, whole);
        }
        if (spec.display() != null) {
            if (!Values.fits(p, p.start(), p.length(), spec.display())) {
                String problem = p.length() + " bytes do not fit display " + spec.display();
                return whole ? asBytes(spec, a, p, problem) : outlined(spec, a, problem);
            }
            if (!whole) {
                return outlined(spec, a, null);
            }
            String shown = shaped(p, p.start(), p.length(), spec.display());
            Object value = "hex".equals(spec.display()) ? hex(p) : shown;
            return attr(spec, a, value, null, List.of(), shown, false, List.of(), null);
        }
        return whole ? asBytes(spec, a, p, null) : outlined(spec, a, null);
    }

    private Field decoded(Attribute spec, NlAttr a, ByteView p, Siblings siblings, int depth) {
        if (depth + 1 >= MAX_DEPTH) {
            return tooDeep(spec, a, p);
        }
        ValueDecoder decoder = decoders.get(spec.decoder());
        Siblings savedScope = current;
        int savedDepth = currentDepth;
        current = siblings;
        currentDepth = depth;
        insideDecoder++;
        try {
            ValueDecoder.Result r = decoder.decode(p, this);
            return attr(spec, a, r.value(), null, List.of(), r.display(), r.nested(), r.children(), r.problem());
        } catch (RuntimeException e) {
            return asBytes(spec, a, p, "decoder " + spec.decoder() + " failed: " + e.getMessage());
        } finally {
            insideDecoder--;
            current = savedScope;
            currentDepth = savedDepth;
        }
    }

    private Field structAttribute(Attribute spec, NlAttr a, ByteView p, boolean whole) {
        StructDef s = ns.structs().get(spec.struct());
        if (!Boolean.TRUE.equals(spec.repeat())) {
            List<Field> members = members(s, p, whole);
            String problem = p.length() < s.size()
                    ? "struct " + s.name() + " needs " + s.size() + " bytes, found " + p.length() : null;
            return attr(spec, a, null, null, List.of(), whole ? structDisplay(members) : "", false, members, problem);
        }
        FieldList.Builder entries = FieldList.builder(s.size() > 0 ? p.length() / s.size() : 0);
        int pos = p.start();
        int index = 0;
        while (s.size() > 0 && pos + s.size() <= p.end()) {
            List<Field> members = members(s, p.slice(pos, s.size()), whole);
            entries.add(new Field(indexName(index++), -1, null, null, List.of(), whole ? structDisplay(members) : "",
                    pos, s.size(), false, members, null));
            pos += s.size();
        }
        String problem = pos < p.end() ? (p.end() - pos) + " bytes left over after " + index + " "
                + s.name() + " entries of " + s.size() + " bytes" : null;
        return attr(spec, a, null, null, List.of(), index + " entries", false, entries.build(), problem);
    }

    /** How an integer reads; an interface index this capture has named reads "dum0(3)", its name as the value name. */
    private Values.Shown shownInt(Object value, EnumDef en, String display, ByteView v, int offset, int size) {
        Values.Shown shown = Values.describeInt(value, en, display, v, offset, size);
        if ("if-index".equals(display) && en == null) {
            String name = context.interfaceName(((Number) value).longValue());
            if (name != null) {
                return new Values.Shown(name, List.of(), name + "(" + value + ")");
            }
        }
        return shown;
    }

    private Field intArray(Attribute spec, NlAttr a, ByteView p, boolean whole) {
        int size = Types.INTEGERS.get(spec.subType());
        if (!whole) {
            return outlined(spec, a, p.length() % size != 0
                    ? p.length() + " bytes are not a whole number of " + spec.subType() + " entries" : null);
        }
        boolean bigEndian = Types.isBigEndian(spec.byteOrder()) || a.netByteOrder();
        EnumDef en = enumOf(spec.en());
        FieldList.Builder entries = FieldList.builder(p.length() / size);
        int index = 0;
        for (int pos = p.start(); pos + size <= p.end(); pos += size) {
            Object value = Values.readInt(p, pos, size, Types.isSigned(spec.subType()), bigEndian);
            Values.Shown shown = shownInt(value, en, spec.display(), p, pos, size);
            entries.add(new Field(indexName(index++), -1, value, shown.valueName(), shown.valueNames(),
                    shown.display(), pos, size, false, List.of(), null));
        }
        String problem = p.length() % size != 0
                ? p.length() + " bytes are not a whole number of " + spec.subType() + " entries" : null;
        return attr(spec, a, null, null, List.of(), index + " entries", false, entries.build(), problem);
    }

    private Field nest(Attribute spec, NlAttr a, ByteView p, Siblings siblings, int depth, boolean whole) {
        if (depth + 1 >= MAX_DEPTH) {
            return tooDeep(spec, a, p);
        }
        return structThenAttributes(spec, a, p, spec.struct(), spec.nestedAttributes(), siblings, depth, whole);
    }

    private Field indexedArray(Attribute spec, NlAttr a, ByteView p, Siblings siblings, int depth) {
        if (depth + 1 >= MAX_DEPTH) {
            return tooDeep(spec, a, p);
        }
        AttrReader.Result r = AttrReader.read(p);
        Siblings here = new Siblings(null, r.attributes(), siblings);
        FieldList.Builder entries = FieldList.builder(r.attributes().size());
        for (NlAttr e : r.attributes()) {
            Attribute entry = spec.entry(e.type());
            entries.add(attribute(entry, e, here, depth + 1, decodesWhole(entry.name())));
        }
        return attr(spec, a, null, null, List.of(), entries.size() + " entries", true, entries.build(), r.problem());
    }

    private Field subMessage(Attribute spec, NlAttr a, ByteView p, Siblings siblings, int depth, boolean whole) {
        if (depth + 1 >= MAX_DEPTH) {
            return tooDeep(spec, a, p);
        }
        Format format = format(ns.subMessages().get(spec.subMessage()), spec.selector(), siblings);
        if (format == null) {
            // no format for this selector value: raw attributes when they parse, else bytes
            Field raw = unknown(new NlAttr(a.offset(), a.length(), a.type(), true, a.netByteOrder()), depth);
            return attr(spec, a, raw.value(), null, List.of(), raw.display(), raw.nested(), raw.children(), null);
        }
        return structThenAttributes(spec, a, p, format.struct(), format.attributeSet(), siblings, depth, whole);
    }

    /** A payload that is a struct (if named), then attributes (if named) after it, 4-byte aligned. */
    private Field structThenAttributes(Attribute spec, NlAttr a, ByteView p, String struct, String attributeSet,
                                       Siblings siblings, int depth, boolean whole) {
        FieldList.Builder children = FieldList.builder(8);
        int pos = p.start();
        String problem = null;
        if (struct != null) {
            StructDef s = ns.structs().get(struct);
            children.addAll(members(s, p, whole));
            if (p.length() < s.size()) {
                problem = "struct " + s.name() + " needs " + s.size() + " bytes, found " + p.length();
            }
            pos = Math.min(p.end(), pos + NlAttr.align(s.size()));
        }
        if (attributeSet == null) {
            List<Field> members = children.build();
            return attr(spec, a, null, null, List.of(), whole ? structDisplay(members) : "", false, members, problem);
        }
        Attributes inner = attributes(ns.attributeSets().get(attributeSet),
                p.slice(pos, p.end() - pos), siblings, depth + 1);
        children.addAll(inner.fields());
        return attr(spec, a, null, null, List.of(), "", true, children.build(),
                problem != null ? problem : inner.problem());
    }

    /** The format chosen by the selector's value, looked up among siblings, then outwards, then in the header. */
    private Format format(Map<String, Format> formats, String selector, Siblings siblings) {
        for (Siblings s = siblings; s != null; s = s.parent()) {
            Attribute sel = s.set() == null ? null : s.set().byName(selector);
            if (sel == null) {
                continue;
            }
            for (NlAttr a : s.attrs()) {
                if (a.type() == sel.value()) {
                    Field f = attribute(sel, a, s, MAX_DEPTH, decodesWhole(sel.name()));
                    return formatOf(formats, f);
                }
            }
        }
        for (Field f : header) {
            if (selector.equals(f.name())) {
                return formatOf(formats, f);
            }
        }
        return null;
    }

    private static Format formatOf(Map<String, Format> formats, Field selector) {
        if (selector.value() == null || selector.problem() != null) {
            return null;
        }
        Format f = formats.get(String.valueOf(selector.value()));
        if (f == null && selector.valueName() != null) {
            f = formats.get(selector.valueName());
        }
        return f;
    }

    private Field bitfield32(Attribute spec, NlAttr a, ByteView p, boolean whole) {
        if (p.length() != 8) {
            String problem = "a bitfield32 needs 8 bytes, found " + p.length();
            return whole ? asBytes(spec, a, p, problem) : outlined(spec, a, problem);
        }
        if (!whole) {
            return outlined(spec, a, null);
        }
        EnumDef en = enumOf(spec.en());
        long value = p.u32(p.start());
        long selector = p.u32(p.start() + 4);
        Field v = intMember("value", value, en, "hex", p, p.start());
        Field s = intMember("selector", selector, en, "hex", p, p.start() + 4);
        return attr(spec, a, null, null, List.of(), v.display() + " (selector " + s.display() + ")", false,
                List.of(v, s), null);
    }

    private Field intMember(String name, long value, EnumDef en, String display, ByteView p, int offset) {
        Values.Shown shown = shownInt(value, en, display, p, offset, 4);
        return new Field(name, -1, value, shown.valueName(), shown.valueNames(), shown.display(), offset, 4,
                false, List.of(), null);
    }

    private Field tooDeep(Attribute spec, NlAttr a, ByteView p) {
        return asBytes(spec, a, p, "nested deeper than " + MAX_DEPTH + " levels; shown as bytes");
    }

    /** An attribute the set does not list: bytes, or raw attributes when NLA_F_NESTED says so and they parse. */
    private Field unknown(NlAttr a, int depth) {
        ByteView p = a.payload(frame);
        if (a.nestedFlag() && depth + 1 < MAX_DEPTH && p.length() > 0) {
            AttrReader.Result r = AttrReader.read(p);
            if (r.clean()) {
                FieldList.Builder children = FieldList.builder(r.attributes().size());
                for (NlAttr c : r.attributes()) {
                    children.add(unknown(c, depth + 1));
                }
                return new Field(null, a.type(), null, null, List.of(), "", a.offset(), a.length(), true,
                        children.build(), null);
            }
        }
        if (!decodesWhole(null)) {
            return new Field(null, a.type(), null, null, List.of(), "", a.offset(), a.length(), false,
                    List.of(), null);
        }
        String hex = hex(p);
        return new Field(null, a.type(), hex, null, List.of(), hex, a.offset(), a.length(), false,
                List.of(), null);
    }

    // ---------------------------------------------------------------- structs

    /**
     * The members of a struct read from the window's start; members that do not fit are left out.
     *
     * @param whole every member whole (the struct's display is shown), else only those {@link #decodesWhole} names
     */
    List<Field> members(StructDef s, ByteView window, boolean whole) {
        int outer = family;
        if (s.familyOffset() >= 0 && window.has(window.start() + s.familyOffset(), s.familySize())) {
            // read first: xfrm_usersa_info's family comes after the addresses it describes
            family = ((Number) Values.readInt(window, window.start() + s.familyOffset(), s.familySize(), false,
                    false)).intValue();
        }
        try {
            return readMembers(s, window, whole);
        } finally {
            family = outer;
        }
    }

    private List<Field> readMembers(StructDef s, ByteView window, boolean whole) {
        FieldList.Builder out = FieldList.builder(s.members().size());
        boolean[] named = whole || this.whole == null ? null : this.whole.of(s);
        int pos = window.start();
        for (int i = 0; i < s.members().size(); i++) {
            StructDef.Shape shape = s.shapes().get(i);
            int size = shape.size();
            if (!window.has(pos, size)) {
                break;
            }
            if (shape.kind() != StructDef.Kind.PAD) {
                Member m = s.members().get(i);
                out.add(whole || decodesWhole(named, i, m.name()) ? member(m, shape, window, pos)
                        : outlinedMember(m, shape, window, pos));
            }
            pos += size;
        }
        return out.build();
    }

    /** A member no summary names: its place, and its problem (bytes that do not fit its display); no value. */
    private Field outlinedMember(Member m, StructDef.Shape shape, ByteView w, int pos) {
        int size = shape.size();
        List<Field> children = shape.kind() == StructDef.Kind.STRUCT
                ? members(ns.structs().get(m.struct()), w.slice(pos, size), false) : List.of();
        String problem = shape.kind() == StructDef.Kind.BYTES && m.display() != null && !Values.fits(w, pos, size, m.display())
                ? size + " bytes do not fit display " + m.display() : null;
        return new Field(m.name(), -1, null, null, List.of(), "", pos, size, false, children, problem);
    }

    private Field member(Member m, StructDef.Shape shape, ByteView w, int pos) {
        int size = shape.size();
        switch (shape.kind()) {
            case INTEGER -> {
                Object value = Values.readInt(w, pos, size, shape.signed(), shape.bigEndian());
                Values.Shown shown = shownInt(value, enumOf(m.en()), m.display(), w, pos, size);
                return new Field(m.name(), -1, value, shown.valueName(), shown.valueNames(), shown.display(), pos,
                        size, false, List.of(), null);
            }
            case STRING -> {
                String text = Values.string(w, pos, size);
                return Field.member(m.name(), text, text, pos, size);
            }
            case STRUCT -> {
                List<Field> members = members(ns.structs().get(m.struct()), w.slice(pos, size), true);
                return new Field(m.name(), -1, null, null, List.of(), structDisplay(members), pos, size, false,
                        members, null);
            }
            default -> {
                String hex = w.hex(pos, size);
                String shown = m.display() == null ? hex : shaped(w, pos, size, m.display());
                if (shown == null) {
                    return new Field(m.name(), -1, hex, null, List.of(), hex, pos, size, false, List.of(),
                            size + " bytes do not fit display " + m.display());
                }
                return Field.member(m.name(), "hex".equals(m.display()) ? hex : shown, shown, pos, size);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private EnumDef enumOf(String name) {
        return name == null ? null : ns.enums().get(name);
    }

    /** "[3]": an array entry's name; the common ones made once, as every array entry needs one. */
    private static String indexName(int index) {
        return index < INDEX_NAMES.length ? INDEX_NAMES[index] : "[" + index + "]";
    }

    /**
     * An attribute of a summary-only decode that no summary names: its name, place and problem,
     * without a value or display ("" and null), which nothing that shows only summaries reads.
     */
    private static Field outlined(Attribute spec, NlAttr a, String problem) {
        return attr(spec, a, null, null, List.of(), "", false, List.of(), problem);
    }

    /** An attribute shown as its bytes: value and display are the same hex. */
    private static Field asBytes(Attribute spec, NlAttr a, ByteView p, String problem) {
        String hex = hex(p);
        return attr(spec, a, hex, null, List.of(), hex, false, List.of(), problem);
    }

    private static String hex(ByteView p) {
        return p.hex(p.start(), p.length());
    }

    private static Field attr(Attribute spec, NlAttr a, Object value, String valueName, List<String> valueNames,
                              String display, boolean nested, List<Field> children, String problem) {
        return new Field(spec.name(), a.type(), value, valueName, valueNames, display, a.offset(), a.length(),
                nested, children, problem);
    }
}
