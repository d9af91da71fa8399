package org.nlscope.decode;

import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_BITFIELD32_MASK;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_MASK;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_MAX_LENGTH;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_MAX_VALUE_S;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_MAX_VALUE_U;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_MIN_LENGTH;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_MIN_VALUE_S;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_MIN_VALUE_U;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_POLICY_IDX;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE;
import static org.nlscope.uapi.Netlink.NL_POLICY_TYPE_ATTR_TYPE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nlscope.model.AttrPolicy;
import org.nlscope.model.Field;

/**
 * A netlink attribute policy as the kernel describes it (enum netlink_policy_type_attr),
 * found in NLMSGERR_ATTR_POLICY and in nlctrl's policy dumps.
 */
public final class Policy {
    private static final String[] ATTRS = {
            "NL_POLICY_TYPE_ATTR_UNSPEC", "NL_POLICY_TYPE_ATTR_TYPE", "NL_POLICY_TYPE_ATTR_MIN_VALUE_S",
            "NL_POLICY_TYPE_ATTR_MAX_VALUE_S", "NL_POLICY_TYPE_ATTR_MIN_VALUE_U", "NL_POLICY_TYPE_ATTR_MAX_VALUE_U",
            "NL_POLICY_TYPE_ATTR_MIN_LENGTH", "NL_POLICY_TYPE_ATTR_MAX_LENGTH", "NL_POLICY_TYPE_ATTR_POLICY_IDX",
            "NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE", "NL_POLICY_TYPE_ATTR_BITFIELD32_MASK", "NL_POLICY_TYPE_ATTR_PAD",
            "NL_POLICY_TYPE_ATTR_MASK",
    };

    private Policy() {
    }

    /** The name of an enum netlink_attribute_type value (NL_ATTR_TYPE_NUL_STRING), or null. */
    public static String attributeTypeName(long type) {
        String shortName = AttrPolicy.typeName(type);
        return AttrPolicy.typeOf(shortName) < 0 ? null
                : "NL_ATTR_TYPE_" + shortName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The policy in a nest of NL_POLICY_TYPE_ATTR_* attributes, or null when it names no
     * type; members of the wrong size are left out.
     */
    public static AttrPolicy of(ByteView nest) {
        Long type = null;
        Long minS = null;
        Long maxS = null;
        Long minU = null;
        Long maxU = null;
        Long minLen = null;
        Long maxLen = null;
        Long idx = null;
        Long maxType = null;
        Long mask = null;
        for (NlAttr a : AttrReader.read(nest).attributes()) {
            int n = a.payloadLength();
            int at = a.payloadOffset();
            Long u32 = n == 4 ? nest.u32(at) : null;
            Long u64 = n == 8 ? nest.u64(at) : null;
            switch (a.type()) {
                case NL_POLICY_TYPE_ATTR_TYPE -> type = u32;
                case NL_POLICY_TYPE_ATTR_MIN_VALUE_S -> minS = u64;
                case NL_POLICY_TYPE_ATTR_MAX_VALUE_S -> maxS = u64;
                case NL_POLICY_TYPE_ATTR_MIN_VALUE_U -> minU = u64;
                case NL_POLICY_TYPE_ATTR_MAX_VALUE_U -> maxU = u64;
                case NL_POLICY_TYPE_ATTR_MIN_LENGTH -> minLen = u32;
                case NL_POLICY_TYPE_ATTR_MAX_LENGTH -> maxLen = u32;
                case NL_POLICY_TYPE_ATTR_POLICY_IDX -> idx = u32;
                case NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE -> maxType = u32;
                case NL_POLICY_TYPE_ATTR_BITFIELD32_MASK -> mask = u32;
                case NL_POLICY_TYPE_ATTR_MASK -> mask = u64;
                default -> {
                    // NL_POLICY_TYPE_ATTR_PAD, and what newer kernels add
                }
            }
        }
        if (type == null) {
            return null;
        }
        return new AttrPolicy((int) (long) type, minS, maxS, minU, maxU, small(minLen), small(maxLen), small(idx),
                small(maxType), mask);
    }

    /** A u32 the model keeps as an int; values above Integer.MAX_VALUE are dropped (no kernel sends them). */
    private static Integer small(Long v) {
        return v == null || v > Integer.MAX_VALUE ? null : (int) (long) v;
    }

    /** A nest of NL_POLICY_TYPE_ATTR_* attributes as a named field. */
    public static Field field(String name, NlAttr nest, ByteView w) {
        ByteView payload = nest.payload(w);
        AttrReader.Result walk = AttrReader.read(payload);
        List<Field> children = new ArrayList<>();
        for (NlAttr a : walk.attributes()) {
            children.add(member(a, payload));
        }
        Field f = Field.parent(name, nest.type(), "", nest.offset(), nest.length(), true, children);
        return walk.clean() ? f : f.withProblem(name + ": " + walk.problem());
    }

    private static Field member(NlAttr a, ByteView w) {
        String name = a.type() < ATTRS.length ? ATTRS[a.type()] : null;
        return switch (a.type()) {
            case 1 -> {
                Field f = Fields.integer(name, a, w, 4, false, false);
                String typeName = f.value() instanceof Long v ? attributeTypeName(v) : null;
                yield typeName == null ? f : Fields.attr(name, a, f.value(), typeName, typeName.substring("NL_ATTR_TYPE_".length()), null);
            }
            case 2, 3 -> Fields.integer(name, a, w, 8, true, false);
            case 4, 5 -> Fields.integer(name, a, w, 8, false, false);
            case 6, 7, 8, 9 -> Fields.integer(name, a, w, 4, false, false);
            case 10 -> Fields.integer(name, a, w, 4, false, true);
            case 12 -> Fields.integer(name, a, w, 8, false, true);
            default -> name == null ? RawAttributes.attribute(a, w, 0, new ArrayList<>()) : Fields.hex(name, a, w);
        };
    }
}
