package org.nlscope.dissect.sockdiag;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/** A fixed struct read member by member into Fields, with the address family deciding how ADDR members show. */
record StructLayout(String name, List<Member> members) {

    static StructLayout of(String name, Member... members) {
        return new StructLayout(name, List.of(members));
    }

    int size() {
        return members.stream().mapToInt(m -> m.kind().size).sum();
    }

    /** Members that fit in the window, from its start; pads are skipped. */
    List<Field> read(ByteView body, int addressFamily) {
        List<Field> out = new ArrayList<>();
        int pos = body.start();
        for (Member m : members) {
            int size = m.kind().size;
            if (!body.has(pos, size)) {
                break;
            }
            if (m.kind() != Member.Kind.PAD8 && m.kind() != Member.Kind.PAD16) {
                out.add(read(m, body, pos, addressFamily));
            }
            pos += size;
        }
        return out;
    }

    private static Field read(Member m, ByteView b, int pos, int family) {
        return switch (m.kind()) {
            case U8 -> number(m, b.u8(pos), pos, 1);
            case U16 -> number(m, b.u16(pos), pos, 2);
            case U32 -> number(m, b.u32(pos), pos, 4);
            case BE16 -> number(m, b.u16be(pos), pos, 2);
            case BE32 -> number(m, b.u32be(pos), pos, 4);
            case ADDR -> {
                String text = Addresses.format(b, pos, family);
                yield Field.member(m.name(), text, text, pos, 16);
            }
            case COOKIE -> {
                String hex = b.hex(pos, 8);
                yield Field.member(m.name(), hex, "0x" + hex, pos, 8);
            }
            case PAD8, PAD16 -> throw new IllegalStateException("pads are skipped");
        };
    }

    private static Field number(Member m, long value, int pos, int len) {
        return Field.member(m.name(), value, Long.toString(value), pos, len);
    }
}
