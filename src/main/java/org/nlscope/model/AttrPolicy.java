package org.nlscope.model;

import static org.nlscope.uapi.Netlink.NL_ATTR_TYPE_S16;
import static org.nlscope.uapi.Netlink.NL_ATTR_TYPE_S32;
import static org.nlscope.uapi.Netlink.NL_ATTR_TYPE_S64;
import static org.nlscope.uapi.Netlink.NL_ATTR_TYPE_S8;
import static org.nlscope.uapi.Netlink.NL_ATTR_TYPE_U16;
import static org.nlscope.uapi.Netlink.NL_ATTR_TYPE_U32;
import static org.nlscope.uapi.Netlink.NL_ATTR_TYPE_U64;
import static org.nlscope.uapi.Netlink.NL_ATTR_TYPE_U8;

import java.util.Map;
import java.util.TreeMap;

/**
 * One attribute's policy as the kernel reports it (the NL_POLICY_TYPE_ATTR_* nest of a
 * CTRL_CMD_GETPOLICY dump or of an extended ACK): what the kernel checks the attribute
 * against. A bound the kernel did not report is null.
 *
 * @param type         enum netlink_attribute_type (NL_ATTR_TYPE_U32 ...)
 * @param minSigned    NL_POLICY_TYPE_ATTR_MIN_VALUE_S
 * @param maxSigned    NL_POLICY_TYPE_ATTR_MAX_VALUE_S
 * @param minUnsigned  NL_POLICY_TYPE_ATTR_MIN_VALUE_U, as the bits of a u64
 * @param maxUnsigned  NL_POLICY_TYPE_ATTR_MAX_VALUE_U, as the bits of a u64
 * @param minLength    NL_POLICY_TYPE_ATTR_MIN_LENGTH
 * @param maxLength    NL_POLICY_TYPE_ATTR_MAX_LENGTH
 * @param nestedPolicy NL_POLICY_TYPE_ATTR_POLICY_IDX: the policy of a nest's (or nested array's) members
 * @param maxType      NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE
 * @param mask         NL_POLICY_TYPE_ATTR_BITFIELD32_MASK or NL_POLICY_TYPE_ATTR_MASK
 */
public record AttrPolicy(int type, Long minSigned, Long maxSigned, Long minUnsigned, Long maxUnsigned,
                         Integer minLength, Integer maxLength, Integer nestedPolicy, Integer maxType, Long mask) {

    /** Since Linux 6.7. */
    public static final int NL_ATTR_TYPE_SINT = 16;
    public static final int NL_ATTR_TYPE_UINT = 17;

    /** The short names of enum netlink_attribute_type, by value: what nlscope shows and saves. */
    private static final String[] TYPE_NAMES = {
            "invalid", "flag", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "binary", "string",
            "nul-string", "nested", "nested-array", "bitfield32", "sint", "uint",
    };

    /** A policy of this type with no bounds. */
    public static AttrPolicy of(int type) {
        return new AttrPolicy(type, null, null, null, null, null, null, null, null, null);
    }

    /** "u32", "nul-string", "nested" ...; "type 42" for a type newer than nlscope. */
    public String typeName() {
        return typeName(type);
    }

    /** The short name of an NL_ATTR_TYPE_* value, or "type N". */
    public static String typeName(long type) {
        return type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[(int) type] : "type " + type;
    }

    /** The NL_ATTR_TYPE_* value of a short name, or -1. */
    public static int typeOf(String name) {
        for (int i = 0; i < TYPE_NAMES.length; i++) {
            if (TYPE_NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The byte size of a fixed-size integer type, 0 for the variable uint and sint, -1 for any other type. */
    public int integerSize() {
        return switch (type) {
            case NL_ATTR_TYPE_U8, NL_ATTR_TYPE_S8 -> 1;
            case NL_ATTR_TYPE_U16, NL_ATTR_TYPE_S16 -> 2;
            case NL_ATTR_TYPE_U32, NL_ATTR_TYPE_S32 -> 4;
            case NL_ATTR_TYPE_U64, NL_ATTR_TYPE_S64 -> 8;
            case NL_ATTR_TYPE_UINT, NL_ATTR_TYPE_SINT -> 0;
            default -> -1;
        };
    }

    public boolean isSigned() {
        return type >= NL_ATTR_TYPE_S8 && type <= NL_ATTR_TYPE_S64 || type == NL_ATTR_TYPE_SINT;
    }

    /** The bounds as saved in a capture: {@code smin=-1 umax=255 maxlen=16 nested=3 ...}, in a fixed order. */
    public Map<String, String> bounds() {
        Map<String, String> b = new TreeMap<>();
        put(b, "smin", minSigned == null ? null : minSigned.toString());
        put(b, "smax", maxSigned == null ? null : maxSigned.toString());
        put(b, "umin", minUnsigned == null ? null : Long.toUnsignedString(minUnsigned));
        put(b, "umax", maxUnsigned == null ? null : Long.toUnsignedString(maxUnsigned));
        put(b, "minlen", minLength == null ? null : minLength.toString());
        put(b, "maxlen", maxLength == null ? null : maxLength.toString());
        put(b, "nested", nestedPolicy == null ? null : nestedPolicy.toString());
        put(b, "maxtype", maxType == null ? null : maxType.toString());
        put(b, "mask", mask == null ? null : "0x" + Long.toHexString(mask));
        return b;
    }

    private static void put(Map<String, String> b, String key, String value) {
        if (value != null) {
            b.put(key, value);
        }
    }

    /**
     * The policy of a type and the bounds of {@link #bounds()}; keys it does not know are
     * skipped, so a newer writer stays readable.
     *
     * @throws NumberFormatException when a known key's value is not a number
     */
    public static AttrPolicy of(int type, Map<String, String> bounds) {
        return new AttrPolicy(type, signed(bounds.get("smin")), signed(bounds.get("smax")),
                unsigned(bounds.get("umin")), unsigned(bounds.get("umax")), integer(bounds.get("minlen")),
                integer(bounds.get("maxlen")), integer(bounds.get("nested")), integer(bounds.get("maxtype")),
                bounds.get("mask") == null ? null : Long.parseUnsignedLong(strip0x(bounds.get("mask")), 16));
    }

    private static String strip0x(String s) {
        return s.startsWith("0x") ? s.substring(2) : s;
    }

    private static Long signed(String s) {
        return s == null ? null : Long.parseLong(s);
    }

    private static Long unsigned(String s) {
        return s == null ? null : Long.parseUnsignedLong(s);
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.parseInt(s);
    }
}
