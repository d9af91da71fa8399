package org.nlscope.decode.spec;

import java.util.List;
import org.nlscope.decode.spec.FamilySpec.Member;

/**
 * A struct definition with each member's size resolved.
 *
 * @param sizes the size in bytes of each member, in order
 * @param size  the struct's size: the sum of its members
 */
record StructDef(String name, List<Member> members, List<Integer> sizes, int size) {
}
