package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.Field;
import org.nlscope.model.FieldList;
import org.nlscope.model.Limits;

/**
 * The decoding of one message by one family's {@link FamilyModel}: what the walk of its
 * structs ({@link StructDecoding}) and attributes ({@link AttributeDecoding}) shares, and
 * what a {@link ValueDecoder} may ask for. Used by one thread for one message, then dropped.
 */
final class Decoding implements SpecDecoding {
    /** Deeper nests are shown as bytes: no real family nests this deep, a crafted frame might. */
    static final int MAX_DEPTH = Limits.MAX_NESTING_DEPTH;

    private final FamilyModel model;
    private final DecodeContext context;
    private final ByteView frame;
    /** A summary-only decode: the fields no summary names are outlined (place, children, problems; no value). */
    private final boolean summaryOnly;
    final AttributeDecoding attributes = new AttributeDecoding(this);
    final StructDecoding structs = new StructDecoding(this);
    private List<Field> header = List.of();
    /** Where a value decoder's calls into the family decode: set around each call. */
    private Siblings current;
    private int currentDepth;
    /** Inside a value decoder everything is decoded whole: it may read any value it asks for. */
    private int insideDecoder;
    /** The address family in force for ip-slot values: the nearest struct's, else the header's; -1 unknown. */
    private int family = -1;

    Decoding(FamilyModel model, DecodeContext context, ByteView body, boolean summaryOnly) {
        this.model = model;
        this.context = context;
        this.frame = ByteView.of(body.data());
        this.summaryOnly = summaryOnly;
    }

    /** The whole frame: attribute offsets are absolute. */
    ByteView frame() {
        return frame;
    }

    @Override
    public List<Field> header() {
        return header;
    }

    void setHeader(List<Field> fixedHeader) {
        this.header = FieldList.immutable(fixedHeader);
        for (Field f : fixedHeader) {
            if (f.name() != null && StructDef.isFamilyName(f.name()) && f.value() instanceof Long v) {
                family = v.intValue();
                break;
            }
        }
    }

    int family() {
        return family;
    }

    /** Sets the address family in force; returns the one it replaces. */
    int family(int f) {
        int outer = family;
        family = f;
        return outer;
    }

    /** Whether the attribute of this type of the set is decoded whole (else outlined). */
    boolean decodesWhole(AttrSetSpec set, int type) {
        return !summaryOnly || insideDecoder > 0 || set.summaryNamed(type);
    }

    boolean decodesWhole(StructSpec.Member m) {
        return !summaryOnly || insideDecoder > 0 || m.summaryNamed();
    }

    /** {@link #decodesWhole} for a field named where it is decoded (an array entry "[3]"; null: unknown). */
    boolean decodesWhole(String name) {
        return !summaryOnly || insideDecoder > 0 || model.summaryNames(name);
    }

    /** Bytes shaped by a display hint; an ip-slot reads by the address family in force. Null when they do not fit. */
    String shaped(ByteView v, int offset, int length, Display display) {
        return display == Display.IP_SLOT ? Values.ipSlot(v, offset, length, family)
                : Values.shapedBytes(v, offset, length, display);
    }

    /** The name an interface index has in this capture, or null. */
    String interfaceName(long index) {
        return context.interfaceName(index);
    }

    /** Runs a value decoder on a payload, its calls back into the decode placed among these siblings. */
    ValueDecoder.Result callDecoder(ValueDecoder decoder, ByteView payload, Siblings siblings, int depth) {
        Siblings savedScope = current;
        int savedDepth = currentDepth;
        current = siblings;
        currentDepth = depth;
        insideDecoder++;
        try {
            return decoder.decode(payload, this);
        } finally {
            insideDecoder--;
            current = savedScope;
            currentDepth = savedDepth;
        }
    }

    // ---------------------------------------------------------------- SpecDecoding

    @Override
    public DecodeContext context() {
        return context;
    }

    @Override
    public Attributes attributes(String attributeSet, ByteView window) {
        AttrSetSpec set = model.set(attributeSet);
        if (set == null) {
            throw new IllegalArgumentException("no attribute set '" + attributeSet + "' in " + model.key());
        }
        // a value decoder's attributes are one level deeper than its attribute, on the same budget
        if (currentDepth + 1 >= MAX_DEPTH) {
            return new Attributes(List.of(), "nested deeper than " + MAX_DEPTH + " levels; not decoded");
        }
        return attributes.attributes(set, window, current, currentDepth + 1);
    }

    @Override
    public Scope scope() {
        return current;
    }

    @Override
    public String shaped(String display, ByteView v, int offset, int length) {
        Display d;
        try {
            d = Display.of(display);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no display '" + display + "' in the dissector format");
        }
        return d == null ? null : Values.shapedBytes(v, offset, length, d);
    }

    @Override
    public List<Field> struct(String struct, ByteView window) {
        return structs.members(structSpec(struct), window, true);
    }

    @Override
    public int structSize(String struct) {
        return structSpec(struct).size();
    }

    private StructSpec structSpec(String name) {
        StructSpec s = model.struct(name);
        if (s == null) {
            throw new IllegalArgumentException("no struct '" + name + "' in " + model.key());
        }
        return s;
    }

    @Override
    public String structDisplay(List<Field> members) {
        return Renderings.structDisplay(members);
    }
}
