package org.nlscope.model;

import java.util.List;

/**
 * One decoded value: a netlink attribute or a member of a fixed header or struct,
 * with where its bytes are in the frame.
 *
 * @param name       the kernel's name (IFLA_MTU, ifi_index), or null when unknown
 * @param type       attribute type with NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off;
 *                   -1 for struct and header members
 * @param value      Long (or BigInteger for u64 above Long.MAX_VALUE), String, Boolean (flag),
 *                   or null for nests and structs; binary without a known shape is lowercase hex
 * @param valueName  the enum constant's name when the value is an enum, else null
 * @param valueNames the flag names when the value is a flag set, else empty
 * @param display    the readable value shown to people ("1400", "52:54:00:12:34:56", "UP|LOWER_UP")
 * @param offset     offset of the attribute (its nlattr header) or member, from the frame's start
 * @param length     bytes covered, including the nlattr header for attributes
 * @param nested     true for nests: children are attributes
 * @param children   nested attributes, or the members of a struct-typed value; empty otherwise
 * @param problem    what was wrong with these bytes (truncated, bad length), or null
 */
public record Field(String name, int type, Object value, String valueName, List<String> valueNames,
                    String display, int offset, int length, boolean nested, List<Field> children, String problem) {

    public Field {
        valueNames = valueNames == null ? List.of() : List.copyOf(valueNames);
        children = FieldList.immutable(children);
    }

    /** A header or struct member with a plain value. */
    public static Field member(String name, Object value, String display, int offset, int length) {
        return new Field(name, -1, value, null, List.of(), display, offset, length, false, List.of(), null);
    }

    public boolean isAttribute() {
        return type >= 0;
    }

    /** The name, or a label such as "attr 42" when unknown. */
    public String label() {
        if (name != null) {
            return name;
        }
        return type >= 0 ? "unknown(" + type + ")" : "?";
    }

    /** The first direct child with this name, or null. */
    public Field child(String childName) {
        for (Field f : children) {
            if (childName.equals(f.name())) {
                return f;
            }
        }
        return null;
    }
}
