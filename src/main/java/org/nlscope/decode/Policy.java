package org.nlscope.decode;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.Field;

/**
 * A netlink attribute policy as the kernel describes it (enum netlink_policy_type_attr),
 * found in NLMSGERR_ATTR_POLICY and in nlctrl's policy dumps.
 */
public final class Policy {
    /** enum netlink_attribute_type, by value (SINT and UINT since Linux 6.7). */
    private static final String[] ATTRIBUTE_TYPES = {
            "NL_ATTR_TYPE_INVALID", "NL_ATTR_TYPE_FLAG", "NL_ATTR_TYPE_U8", "NL_ATTR_TYPE_U16",
            "NL_ATTR_TYPE_U32", "NL_ATTR_TYPE_U64", "NL_ATTR_TYPE_S8", "NL_ATTR_TYPE_S16",
            "NL_ATTR_TYPE_S32", "NL_ATTR_TYPE_S64", "NL_ATTR_TYPE_BINARY", "NL_ATTR_TYPE_STRING",
            "NL_ATTR_TYPE_NUL_STRING", "NL_ATTR_TYPE_NESTED", "NL_ATTR_TYPE_NESTED_ARRAY",
            "NL_ATTR_TYPE_BITFIELD32", "NL_ATTR_TYPE_SINT", "NL_ATTR_TYPE_UINT",
    };
    private static final String[] ATTRS = {
            "NL_POLICY_TYPE_ATTR_UNSPEC", "NL_POLICY_TYPE_ATTR_TYPE", "NL_POLICY_TYPE_ATTR_MIN_VALUE_S",
            "NL_POLICY_TYPE_ATTR_MAX_VALUE_S", "NL_POLICY_TYPE_ATTR_MIN_VALUE_U", "NL_POLICY_TYPE_ATTR_MAX_VALUE_U",
            "NL_POLICY_TYPE_ATTR_MIN_LENGTH", "NL_POLICY_TYPE_ATTR_MAX_LENGTH", "NL_POLICY_TYPE_ATTR_POLICY_IDX",
            "NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE", "NL_POLICY_TYPE_ATTR_BITFIELD32_MASK", "NL_POLICY_TYPE_ATTR_PAD",
            "NL_POLICY_TYPE_ATTR_MASK",
    };

    private Policy() {
    }

    /** The name of an enum netlink_attribute_type value, or null. */
    public static String attributeTypeName(long type) {
        return type >= 0 && type < ATTRIBUTE_TYPES.length ? ATTRIBUTE_TYPES[(int) type] : null;
    }

    /** A nest of NL_POLICY_TYPE_ATTR_* attributes as a named field. */
    public static Field field(String name, NlAttr nest, ByteView w) {
        ByteView payload = nest.payload(w);
        AttrReader.Result walk = AttrReader.read(payload);
        List<Field> children = new ArrayList<>();
        for (NlAttr a : walk.attributes()) {
            children.add(member(a, payload));
        }
        return new Field(name, nest.type(), null, null, List.of(), "", nest.offset(), nest.length(), true, children,
                walk.clean() ? null : name + ": " + walk.problem());
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
