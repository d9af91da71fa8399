package org.nlscope.decode.spec;

import java.util.List;

/**
 * A compiled struct: its members in order, each with its kind, size and what it reads as.
 *
 * @param familyOffset where the struct's address family member is (one named {@code family} or
 *                     {@code *_family}), which says what its {@code ip-slot} members hold; -1 for none
 */
record StructSpec(String name, int size, List<Member> members, int familyOffset, int familySize) {

    /**
     * One member.
     *
     * @param struct        the struct a STRUCT member holds, else null
     * @param rendering     how an INTEGER member reads, else null
     * @param summaryNamed  a summary shows it (a summary-only decode decodes it whole)
     */
    record Member(String name, StructDef.Kind kind, int size, boolean signed, boolean bigEndian, EnumDef en,
                  Display display, StructSpec struct, IntRendering rendering, boolean summaryNamed) {
    }
}
