package org.nlscope.decode.spec;

import java.util.Map;
import java.util.Set;

/** The type, display and byte-order words of the format, and what each may go with. */
final class Types {
    private Types() {
    }

    /** Fixed-size integers and their sizes in bytes. */
    static final Map<String, Integer> INTEGERS = Map.of(
            "u8", 1, "u16", 2, "u32", 4, "u64", 8, "s8", 1, "s16", 2, "s32", 4, "s64", 8);

    static final Set<String> MEMBER_TYPES = Set.of(
            "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "pad", "binary", "string");

    static final Set<String> ATTRIBUTE_TYPES = Set.of(
            "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "uint", "sint",
            "string", "binary", "flag", "nest", "indexed-array", "sub-message", "bitfield32");

    /** What an indexed-array's entries may be. */
    static final Set<String> ARRAY_SUB_TYPES = Set.of(
            "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "uint", "sint", "string", "binary", "nest", "flag");

    /** What a sub-message format's {@code type} may be: one plain value. */
    static final Set<String> FORMAT_TYPES = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(Set.of(
            "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "uint", "sint", "string", "binary", "flag")));

    static final Set<String> BYTE_DISPLAYS = Set.of("mac", "ipv4", "ipv6", "ip", "ip-slot", "hex", "base64", "sockaddr",
            "uuid");
    static final Set<String> INTEGER_DISPLAYS = Set.of("dec", "hex", "hex-int", "errno", "if-index", "proto", "ipv4",
            "tc-handle", "psched-ticks", "percent32", "lifetime");

    static final Set<String> BYTE_ORDERS = Set.of("big-endian", "little-endian", "host");

    static boolean isInteger(String type) {
        return INTEGERS.containsKey(type) || "uint".equals(type) || "sint".equals(type);
    }

    static boolean isSigned(String type) {
        return isInteger(type) && type.startsWith("s");
    }

    static boolean isBigEndian(String byteOrder) {
        return "big-endian".equals(byteOrder);
    }
}
