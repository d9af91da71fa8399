package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;
import org.nlscope.model.FieldList;

/** Reads the members of a struct (a fixed header, a struct value) for one {@link Decoding}. */
final class StructDecoding {
    private final Decoding d;

    StructDecoding(Decoding d) {
        this.d = d;
    }

    /**
     * The members of a struct read from the window's start; members that do not fit are left out.
     *
     * @param whole every member whole (the struct's display is shown), else those {@link Decoding#decodesWhole} names
     */
    List<Field> members(StructSpec s, ByteView window, boolean whole) {
        if (s.familyOffset() < 0 || !window.has(window.start() + s.familyOffset(), s.familySize())) {
            return read(s, window, whole);
        }
        // read first: xfrm_usersa_info's family comes after the addresses it describes
        int outer = d.family(((Number) Values.readInt(window, window.start() + s.familyOffset(), s.familySize(),
                false, false)).intValue());
        try {
            return read(s, window, whole);
        } finally {
            d.family(outer);
        }
    }

    private List<Field> read(StructSpec s, ByteView window, boolean whole) {
        List<StructSpec.Member> members = s.members();
        FieldList.Builder out = FieldList.builder(members.size());
        int pos = window.start();
        for (int i = 0, n = members.size(); i < n; i++) {
            StructSpec.Member m = members.get(i);
            int size = m.size();
            if (!window.has(pos, size)) {
                break;
            }
            if (m.kind() != StructDef.Kind.PAD) {
                AttributeDecoding.addShown(out, whole || d.decodesWhole(m) ? member(m, window, pos) : outlined(m, window, pos));
            }
            pos += size;
        }
        return out.build();
    }

    /**
     * A member no summary names: null when it has nothing to report (left out), else its place,
     * what inside it has a problem, and its own (bytes that do not fit its display); no value.
     */
    private Field outlined(StructSpec.Member m, ByteView w, int pos) {
        int size = m.size();
        List<Field> children = m.kind() == StructDef.Kind.STRUCT
                ? members(m.struct(), w.slice(pos, size), false) : List.of();
        boolean fits = m.kind() != StructDef.Kind.BYTES || m.display() == null
                || Values.fits(w, pos, size, m.display());
        if (fits && children.isEmpty()) {
            return null;
        }
        Field f = Field.parent(m.name(), -1, "", pos, size, false, children);
        return fits ? f : f.withProblem(size + " bytes do not fit display " + m.display().word());
    }

    private Field member(StructSpec.Member m, ByteView w, int pos) {
        int size = m.size();
        return switch (m.kind()) {
            case INTEGER -> d.attributes.integerField(m.name(), -1, Values.readInt(w, pos, size, m.signed(),
                    m.bigEndian()), m.en(), m.display(), m.rendering(), pos, size);
            case STRING -> {
                String text = Values.string(w, pos, size);
                yield Field.member(m.name(), text, text, pos, size);
            }
            case STRUCT -> Field.renderedParent(m.name(), -1, Renderings.STRUCT, pos, size, false,
                    members(m.struct(), w.slice(pos, size), true));
            case BYTES, PAD -> bytes(m, w, pos, size);
        };
    }

    private Field bytes(StructSpec.Member m, ByteView w, int pos, int size) {
        if (m.display() == null) {
            String hex = w.hex(pos, size);
            return Field.member(m.name(), hex, hex, pos, size);
        }
        String shown = d.shaped(w, pos, size, m.display());
        if (shown == null) {
            String hex = w.hex(pos, size);
            return Field.member(m.name(), hex, hex, pos, size)
                    .withProblem(size + " bytes do not fit display " + m.display().word());
        }
        return Field.member(m.name(), shown, shown, pos, size);
    }
}
