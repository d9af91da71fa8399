package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeException;
import org.nlscope.decode.NlAttr;
import org.nlscope.model.Field;
import org.nlscope.model.FieldList;

/**
 * Decodes the attributes of one {@link Decoding}, one method per {@link AttrSpec} kind,
 * turning every malformation into a problem on the field it concerns. A field a
 * summary-only decode does not show whole is outlined: its name, place, children and
 * problems, without a value or display ("" and null); a value or struct with no problem is left out.
 */
final class AttributeDecoding {
    private static final int MAX_DEPTH = Decoding.MAX_DEPTH;
    private static final String[] INDEX_NAMES = new String[256];

    static {
        for (int i = 0; i < INDEX_NAMES.length; i++) {
            INDEX_NAMES[i] = "[" + i + "]";
        }
    }

    private final Decoding d;

    AttributeDecoding(Decoding d) {
        this.d = d;
    }

    /** The attributes in a window by a set (null: all unknown), nested in {@code parent}. */
    SpecDecoding.Attributes attributes(AttrSetSpec set, ByteView window, Siblings parent, int depth) {
        AttrReader.Result r = AttrReader.read(window);
        List<NlAttr> attrs = r.attributes();
        Siblings here = new Siblings(set, attrs, parent);
        FieldList.Builder out = FieldList.builder(attrs.size());
        for (int i = 0, n = attrs.size(); i < n; i++) {
            NlAttr a = attrs.get(i);
            AttrSpec spec = set == null ? null : set.spec(a.type());
            addShown(out, spec == null ? unknown(null, a, depth)
                    : attribute(spec, set.nameOf(a.type()), a, here, depth, d.decodesWhole(set, a.type())));
        }
        return new SpecDecoding.Attributes(out.build(), r.problem());
    }

    /** @param whole decode the value (else the attribute is outlined) */
    private Field attribute(AttrSpec spec, String name, NlAttr a, Siblings siblings, int depth, boolean whole) {
        ByteView p = a.payload(d.frame());
        try {
            return spec.decode(this, name, a, p, siblings, depth, whole);
        } catch (DecodeException e) {
            // a read outside the payload: a decoder's bug or a case the checks missed
            return asBytes(name, a, p, e.getMessage());
        }
    }

    Field string(String name, NlAttr a, ByteView p, boolean whole) {
        if (!whole) {
            return outlined(name, a, null);
        }
        String s = Values.string(p, p.start(), p.length());
        return Field.value(name, a.type(), s, s, a.offset(), a.length());
    }

    Field flag(String name, NlAttr a, ByteView p) {
        Field f = Field.value(name, a.type(), Boolean.TRUE, "true", a.offset(), a.length());
        return p.length() == 0 ? f : f.withProblem("a flag has no payload, found " + p.length() + " bytes");
    }

    Field integer(AttrSpec.Int spec, String name, NlAttr a, ByteView p, boolean whole) {
        IntType type = spec.type();
        int len = p.length();
        int size = type.sizeFor(len);
        if (size < 0 || len < size) {
            String expected = type.size() != 0 ? type.size() + " bytes" : "4 or 8 bytes";
            String problem = "a " + type.word() + " needs " + expected + ", found " + len;
            return whole ? asBytes(name, a, p, problem) : outlined(name, a, problem);
        }
        String problem = len > size ? "a " + type.word() + " has " + size + " bytes, found " + len : null;
        if (!whole) {
            return outlined(name, a, problem);
        }
        boolean bigEndian = spec.bigEndian() || a.netByteOrder();
        Object value = Values.readInt(p, p.start(), size, type.signed(), bigEndian);
        Field f = integerField(name, a.type(), value, spec.en(), spec.display(), spec.renderings().of(size, bigEndian),
                a.offset(), a.length());
        return problem == null ? f : f.withProblem(problem);
    }

    /** An integer field, rendered when shown; an interface index this capture has named reads "dum0(3)". */
    Field integerField(String name, int type, Object value, EnumDef en, Display display, IntRendering rendering,
                       int offset, int length) {
        if (display == Display.IF_INDEX && en == null) {
            String ifName = d.interfaceName(((Number) value).longValue());
            if (ifName != null) {
                return Field.rendered(name, type, value, new Renderings.InterfaceName(ifName), offset, length);
            }
        }
        return Field.rendered(name, type, value, rendering, offset, length);
    }

    Field bytes(AttrSpec.Bytes spec, String name, NlAttr a, ByteView p, boolean whole) {
        Display display = spec.display();
        if (display == null) {
            return whole ? asBytes(name, a, p, null) : outlined(name, a, null);
        }
        if (!Values.fits(p, p.start(), p.length(), display)) {
            String problem = p.length() + " bytes do not fit display " + display.word();
            return whole ? asBytes(name, a, p, problem) : outlined(name, a, problem);
        }
        if (!whole) {
            return outlined(name, a, null);
        }
        String shown = d.shaped(p, p.start(), p.length(), display);
        return Field.value(name, a.type(), shown, shown, a.offset(), a.length());
    }

    Field decoded(AttrSpec.Decoded spec, String name, NlAttr a, ByteView p, Siblings siblings, int depth) {
        if (depth + 1 >= MAX_DEPTH) {
            return tooDeep(name, a, p);
        }
        ValueDecoder.Result r;
        try {
            r = d.callDecoder(spec.decoder(), p, siblings, depth);
        } catch (RuntimeException e) {
            return asBytes(name, a, p, "decoder " + spec.name() + " failed: " + e.getMessage());
        }
        Field f = Field.parent(name, a.type(), r.display(), a.offset(), a.length(), r.nested(), r.children());
        f = r.value() == null ? f : f.withValue(r.value());
        return r.problem() == null ? f : f.withProblem(r.problem());
    }

    Field structValue(AttrSpec.StructValue spec, String name, NlAttr a, ByteView p, boolean whole) {
        StructSpec s = spec.struct();
        List<Field> members = d.structs.members(s, p, whole);
        if (!whole && members.isEmpty() && p.length() >= s.size()) {
            return null;   // nothing in it to show or report
        }
        Field f = whole ? Field.renderedParent(name, a.type(), Renderings.STRUCT, a.offset(), a.length(), false, members)
                : Field.parent(name, a.type(), "", a.offset(), a.length(), false, members);
        return p.length() >= s.size() ? f
                : f.withProblem("struct " + s.name() + " needs " + s.size() + " bytes, found " + p.length());
    }

    Field structArray(AttrSpec.StructValue spec, String name, NlAttr a, ByteView p, boolean whole) {
        StructSpec s = spec.struct();
        int size = s.size();
        FieldList.Builder entries = FieldList.builder(size > 0 ? p.length() / size : 0);
        int pos = p.start();
        int index = 0;
        while (size > 0 && pos + size <= p.end()) {
            List<Field> members = d.structs.members(s, p.slice(pos, size), whole);
            entries.add(whole ? Field.renderedParent(indexName(index++), -1, Renderings.STRUCT, pos, size, false, members)
                    : Field.parent(indexName(index++), -1, "", pos, size, false, members));
            pos += size;
        }
        Field f = Field.renderedParent(name, a.type(), Renderings.ENTRIES, a.offset(), a.length(), false,
                entries.build());
        return pos >= p.end() ? f : f.withProblem((p.end() - pos) + " bytes left over after " + index + " "
                + s.name() + " entries of " + size + " bytes");
    }

    Field intArray(AttrSpec.IntArray spec, String name, NlAttr a, ByteView p, boolean whole) {
        int size = spec.type().size();
        String problem = p.length() % size != 0
                ? p.length() + " bytes are not a whole number of " + spec.type().word() + " entries" : null;
        if (!whole) {
            return outlined(name, a, problem);
        }
        boolean bigEndian = spec.bigEndian() || a.netByteOrder();
        IntRendering rendering = spec.renderings().of(size, bigEndian);
        FieldList.Builder entries = FieldList.builder(p.length() / size);
        int index = 0;
        for (int pos = p.start(); pos + size <= p.end(); pos += size) {
            Object value = Values.readInt(p, pos, size, spec.type().signed(), bigEndian);
            entries.add(integerField(indexName(index++), -1, value, spec.en(), spec.display(), rendering, pos, size));
        }
        Field f = Field.renderedParent(name, a.type(), Renderings.ENTRIES, a.offset(), a.length(), false,
                entries.build());
        return problem == null ? f : f.withProblem(problem);
    }

    Field nest(AttrSpec.Nest spec, String name, NlAttr a, ByteView p, Siblings siblings, int depth, boolean whole) {
        if (depth + 1 >= MAX_DEPTH) {
            return tooDeep(name, a, p);
        }
        return structThenAttributes(name, a, p, spec.header(), spec.set(), siblings, depth, whole);
    }

    Field indexedArray(AttrSpec.IndexedArray spec, String name, NlAttr a, ByteView p, Siblings siblings, int depth) {
        if (depth + 1 >= MAX_DEPTH) {
            return tooDeep(name, a, p);
        }
        AttrReader.Result r = AttrReader.read(p);
        List<NlAttr> attrs = r.attributes();
        Siblings here = new Siblings(null, attrs, siblings);
        FieldList.Builder entries = FieldList.builder(attrs.size());
        for (int i = 0, n = attrs.size(); i < n; i++) {
            NlAttr e = attrs.get(i);
            String entryName = indexName(e.type());
            addShown(entries, attribute(spec.entry(), entryName, e, here, depth + 1, d.decodesWhole(entryName)));
        }
        Field f = Field.renderedParent(name, a.type(), Renderings.ENTRIES, a.offset(), a.length(), true,
                entries.build());
        return r.problem() == null ? f : f.withProblem(r.problem());
    }

    Field subMessage(AttrSpec.SubMessage spec, String name, NlAttr a, ByteView p, Siblings siblings, int depth,
                     boolean whole) {
        if (depth + 1 >= MAX_DEPTH) {
            return tooDeep(name, a, p);
        }
        SubMessageSpec.Format format = format(spec, siblings);
        if (format == null) {
            // no format for this selector value: raw attributes when they parse, else bytes
            return unknown(name, new NlAttr(a.offset(), a.length(), a.type(), true, a.netByteOrder()), depth);
        }
        if (format.value() != null) {
            return attribute(format.value(), name, a, siblings, depth, whole);
        }
        return structThenAttributes(name, a, p, format.struct(), format.set(), siblings, depth, whole);
    }

    /** A payload that is a struct (if any), then the attributes of a set (if any) after it, 4-byte aligned. */
    private Field structThenAttributes(String name, NlAttr a, ByteView p, StructSpec struct, AttrSetSpec set,
                                       Siblings siblings, int depth, boolean whole) {
        FieldList.Builder children = FieldList.builder(8);
        int pos = p.start();
        String problem = null;
        if (struct != null) {
            children.addAll(d.structs.members(struct, p, whole));
            if (p.length() < struct.size()) {
                problem = "struct " + struct.name() + " needs " + struct.size() + " bytes, found " + p.length();
            }
            pos = Math.min(p.end(), pos + NlAttr.align(struct.size()));
        }
        Field f;
        if (set == null) {
            f = whole ? Field.renderedParent(name, a.type(), Renderings.STRUCT, a.offset(), a.length(), false,
                    children.build()) : Field.parent(name, a.type(), "", a.offset(), a.length(), false, children.build());
        } else {
            SpecDecoding.Attributes inner = attributes(set, p.slice(pos, p.end() - pos), siblings, depth + 1);
            children.addAll(inner.fields());
            f = Field.parent(name, a.type(), "", a.offset(), a.length(), true, children.build());
            problem = problem != null ? problem : inner.problem();
        }
        return problem == null ? f : f.withProblem(problem);
    }

    /** The format chosen by the selector's value, looked up among siblings, then outwards, then in the header. */
    private SubMessageSpec.Format format(AttrSpec.SubMessage spec, Siblings siblings) {
        String selector = spec.selector();
        for (Siblings s = siblings; s != null; s = s.parent()) {
            int type = s.set() == null ? -1 : s.set().typeOf(selector);
            if (type < 0) {
                continue;
            }
            List<NlAttr> attrs = s.attrs();
            for (int i = 0, n = attrs.size(); i < n; i++) {
                if (attrs.get(i).type() == type) {
                    Field f = attribute(s.set().spec(type), selector, attrs.get(i), s, MAX_DEPTH,
                            d.decodesWhole(selector));
                    return formatOf(spec.formats(), f);
                }
            }
        }
        for (Field f : d.header()) {
            if (selector.equals(f.name())) {
                return formatOf(spec.formats(), f);
            }
        }
        return null;
    }

    private static SubMessageSpec.Format formatOf(SubMessageSpec formats, Field selector) {
        if (selector == null || selector.value() == null || selector.problem() != null) {
            return null;
        }
        SubMessageSpec.Format f = formats.formats().get(String.valueOf(selector.value()));
        String valueName = f == null ? selector.valueName() : null;
        return valueName != null ? formats.formats().get(valueName) : f;
    }

    Field bitfield32(AttrSpec.Bitfield32 spec, String name, NlAttr a, ByteView p, boolean whole) {
        if (p.length() != 8) {
            String problem = "a bitfield32 needs 8 bytes, found " + p.length();
            return whole ? asBytes(name, a, p, problem) : outlined(name, a, problem);
        }
        if (!whole) {
            return outlined(name, a, null);
        }
        int at = p.start();
        Field value = Field.rendered("value", -1, p.u32(at), spec.rendering(), at, 4);
        Field selector = Field.rendered("selector", -1, p.u32(at + 4), spec.rendering(), at + 4, 4);
        return Field.renderedParent(name, a.type(), Renderings.BITFIELD32, a.offset(), a.length(), false,
                List.of(value, selector));
    }

    private static Field tooDeep(String name, NlAttr a, ByteView p) {
        return asBytes(name, a, p, "nested deeper than " + MAX_DEPTH + " levels; shown as bytes");
    }

    /**
     * An attribute the set does not list (name null), or a sub-message without a format:
     * bytes, or raw attributes when NLA_F_NESTED says so and they parse.
     */
    private Field unknown(String name, NlAttr a, int depth) {
        ByteView p = a.payload(d.frame());
        if (a.nestedFlag() && depth + 1 < MAX_DEPTH && p.length() > 0) {
            AttrReader.Result r = AttrReader.read(p);
            if (r.clean()) {
                List<NlAttr> attrs = r.attributes();
                FieldList.Builder children = FieldList.builder(attrs.size());
                for (int i = 0, n = attrs.size(); i < n; i++) {
                    children.add(unknown(null, attrs.get(i), depth + 1));
                }
                return Field.parent(name, a.type(), "", a.offset(), a.length(), true, children.build());
            }
        }
        if (!d.decodesWhole((String) null)) {
            return Field.value(name, a.type(), null, "", a.offset(), a.length());
        }
        String hex = p.hex(p.start(), p.length());
        return Field.value(name, a.type(), hex, hex, a.offset(), a.length());
    }

    /** "[3]": an array entry's name; the common ones made once, as every array entry needs one. */
    private static String indexName(int index) {
        return index < INDEX_NAMES.length ? INDEX_NAMES[index] : "[" + index + "]";
    }

    /**
     * An attribute of a summary-only decode that no summary names: null when it has nothing to
     * report (it is left out: a line shows only summaries and problems), else its name, place and problem.
     */
    private static Field outlined(String name, NlAttr a, String problem) {
        return problem == null ? null : Field.value(name, a.type(), null, "", a.offset(), a.length()).withProblem(problem);
    }

    /** Adds a field unless a summary-only decode left it out (null). */
    static void addShown(FieldList.Builder out, Field f) {
        if (f != null) {
            out.add(f);
        }
    }

    /** An attribute shown as its bytes: value and display are the same hex. */
    private static Field asBytes(String name, NlAttr a, ByteView p, String problem) {
        String hex = p.hex(p.start(), p.length());
        Field f = Field.value(name, a.type(), hex, hex, a.offset(), a.length());
        return problem == null ? f : f.withProblem(problem);
    }
}
