package org.nlscope.decode.ynl;

import java.util.Set;

/** YNL's type words and display hints, as the dissector format spells them. */
final class YnlTypes {
    private YnlTypes() {
    }

    static final Set<String> FIXED_INTEGERS = Set.of("u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64");

    static boolean isInteger(String type) {
        return FIXED_INTEGERS.contains(type) || "uint".equals(type) || "sint".equals(type);
    }

    /**
     * The format's display for a YNL display-hint on a value of this type, or null when the
     * hint does not apply (a mac hint on a u8): the value then shows as its type shows it.
     */
    static String display(String hint, String type) {
        if (hint == null) {
            return null;
        }
        boolean bytes = "binary".equals(type);
        boolean integer = isInteger(type);
        return switch (hint) {
            case "hex" -> bytes || integer ? "hex" : null;
            case "mac", "fddi" -> bytes ? "mac" : null;
            case "ipv4" -> bytes ? "ipv4" : "u32".equals(type) ? "ipv4" : null;
            case "ipv6" -> bytes ? "ipv6" : null;
            case "ipv4-or-v6" -> bytes ? "ip" : "u32".equals(type) ? "ipv4" : null;
            case "uuid" -> bytes ? "uuid" : null;
            default -> null;
        };
    }

    /** byte-order only means something on integers (and arrays of them). */
    static String byteOrder(String order, String type, String subType) {
        if (order == null) {
            return null;
        }
        return isInteger(type) || "binary".equals(type) && subType != null && FIXED_INTEGERS.contains(subType)
                ? order : null;
    }
}
