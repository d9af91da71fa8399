package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.spec.FamilySpec.Member;

/**
 * A struct definition with each member's size and shape resolved.
 *
 * @param sizes  the size in bytes of each member, in order
 * @param size   the struct's size: the sum of its members
 * @param shapes how each member reads, in order: worked out once, not from its words per decode
 * @param familyOffset where the struct's address family member is (one named {@code family} or
 *                     {@code *_family}), which says what its {@code ip-slot} members hold; -1 for none
 */
record StructDef(String name, List<Member> members, List<Integer> sizes, int size, List<Shape> shapes,
                 int familyOffset, int familySize) {

    /** What a member is, as the interpreter switches over it. */
    enum Kind { INTEGER, STRING, STRUCT, BYTES, PAD }

    /** A member's kind, size and, for integers, sign and byte order. */
    record Shape(Kind kind, int size, boolean signed, boolean bigEndian) {
    }

    static StructDef of(String name, List<Member> members, List<Integer> sizes, int size) {
        List<Shape> shapes = new ArrayList<>(members.size());
        int familyOffset = -1;
        int familySize = 0;
        int offset = 0;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String type = m.type();
            Kind kind = "pad".equals(type) ? Kind.PAD
                    : Types.INTEGERS.containsKey(type) ? Kind.INTEGER
                    : "string".equals(type) ? Kind.STRING
                    : m.struct() != null ? Kind.STRUCT : Kind.BYTES;
            shapes.add(new Shape(kind, sizes.get(i), kind == Kind.INTEGER && Types.isSigned(type),
                    Types.isBigEndian(m.byteOrder())));
            if (familyOffset < 0 && kind == Kind.INTEGER && isFamilyName(m.name())) {
                familyOffset = offset;
                familySize = sizes.get(i);
            }
            offset += sizes.get(i);
        }
        return new StructDef(name, List.copyOf(members), List.copyOf(sizes), size, List.copyOf(shapes),
                familyOffset, familySize);
    }

    /** The kernel's names for an address family member: xfrm_selector.family, ifi_family, rtm_family. */
    static boolean isFamilyName(String name) {
        return name.equals("family") || name.endsWith("_family");
    }
}
