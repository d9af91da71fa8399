package org.nlscope.decode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlscope.model.AttrPolicy;
import org.nlscope.model.Field;
import org.nlscope.model.FamilyPolicy;
import org.nlscope.uapi.Netlink;

/**
 * Decodes the attributes of a generic netlink family that no dissector describes by the
 * kernel's own policy of them, as a live capture saved it: each attribute keeps its number
 * (the kernel names none) but gets its real type, so a u32 reads as a number, a string
 * as text and a nest as its members (typed by the nested policy), with the type and
 * where it came from as the value's name: {@code unknown(5): 1400 (u32 per kernel policy)}.
 * An attribute the policy does not list, or whose size the policy's type does not allow,
 * decodes as {@link RawAttributes} do: the policy is what the kernel checks requests
 * against, so a reply that differs is no error, only not typed.
 */
public final class PolicyAttributes {
    /** What a policy-typed value's name says after its type. */
    public static final String SOURCE = " per kernel policy";
    private static final int MAX_DEPTH = RawAttributes.MAX_DEPTH;

    private PolicyAttributes() {
    }

    /**
     * The body of a message after its genlmsghdr, typed by the policy its command follows
     * ({@link FamilyPolicy#policyFor}); raw when the family has no policy for it or the body
     * is not attributes (a family with a fixed header of its own).
     */
    public static MessageBody body(FamilyPolicy family, int cmd, boolean dumpRequest, ByteView window) {
        int policy = family.policyFor(cmd, dumpRequest);
        if (policy < 0 || window.length() == 0 || !RawAttributes.looksLikeAttributes(window)) {
            return RawAttributes.body(window);
        }
        List<String> problems = new ArrayList<>();
        List<Field> fields = attributes(family, policy, family.commonPolicy(), window, 0, problems);
        return new MessageBody(List.of(), fields, "", problems);
    }

    /**
     * The attributes of a window by one policy; an attribute it lacks is looked up in
     * {@code fallback} (a command's own policy may list only what its request takes), else raw.
     */
    static List<Field> attributes(FamilyPolicy family, int policy, int fallback, ByteView window, int depth,
                                  List<String> problems) {
        AttrReader.Result walk = AttrReader.read(window);
        Map<Integer, AttrPolicy> attrs = family.policy(policy);
        Map<Integer, AttrPolicy> other = fallback == policy || fallback < 0 ? Map.of() : family.policy(fallback);
        List<Field> out = new ArrayList<>(walk.attributes().size());
        for (NlAttr a : walk.attributes()) {
            AttrPolicy p = attrs.getOrDefault(a.type(), other.get(a.type()));
            Field typed = p == null ? null : attribute(family, p, a, window, depth, problems);
            out.add(typed != null ? typed : RawAttributes.attribute(a, window, depth, problems));
        }
        if (!walk.clean()) {
            problems.add(walk.problem());
        }
        return out;
    }

    /** The attribute typed by its policy, or null when its size does not fit the type. */
    private static Field attribute(FamilyPolicy family, AttrPolicy p, NlAttr a, ByteView w, int depth,
                                   List<String> problems) {
        String typed = p.typeName() + SOURCE;
        ByteView payload = a.payload(w);
        int size = p.integerSize();
        if (size >= 0) {
            return integer(p, a, payload, typed);
        }
        return switch (p.type()) {
            case Netlink.NL_ATTR_TYPE_FLAG -> payload.length() != 0 ? null
                    : Field.value(null, a.type(), Boolean.TRUE, "true", a.offset(), a.length()).withValueName(typed);
            case Netlink.NL_ATTR_TYPE_STRING, Netlink.NL_ATTR_TYPE_NUL_STRING -> string(a, payload, typed);
            case Netlink.NL_ATTR_TYPE_NESTED -> nest(family, p, a, w, depth, problems, false);
            case Netlink.NL_ATTR_TYPE_NESTED_ARRAY -> nest(family, p, a, w, depth, problems, true);
            case Netlink.NL_ATTR_TYPE_BITFIELD32 -> bitfield32(a, payload, typed);
            default -> {
                // binary, and types newer than nlscope: the bytes, named by their type
                String hex = RawAttributes.hex(payload);
                yield Field.value(null, a.type(), hex, RawAttributes.display(payload, hex), a.offset(), a.length())
                        .withValueName(typed);
            }
        };
    }

    private static Field integer(AttrPolicy p, NlAttr a, ByteView v, String typed) {
        int size = p.integerSize();
        int len = v.length();
        if (size == 0 ? len != 4 && len != 8 : len != size) {
            return null;
        }
        Object value = read(v, len, p.isSigned(), a.netByteOrder());
        return Field.value(null, a.type(), value, value.toString(), a.offset(), a.length()).withValueName(typed);
    }

    /** A little-endian (host order) or, with NLA_F_NET_BYTEORDER, big-endian integer; a u64 above Long.MAX_VALUE as BigInteger. */
    private static Object read(ByteView v, int size, boolean signed, boolean bigEndian) {
        int at = v.start();
        long raw = 0;
        for (int i = 0; i < size; i++) {
            int b = v.u8(bigEndian ? at + i : at + size - 1 - i);
            raw = raw << 8 | b;
        }
        if (signed) {
            int shift = 64 - 8 * size;
            return raw << shift >> shift;
        }
        return raw >= 0 ? (Object) raw : new BigInteger(Long.toUnsignedString(raw));
    }

    private static Field string(NlAttr a, ByteView v, String typed) {
        byte[] b = v.bytes(v.start(), v.length());
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        String s = new String(b, 0, n, StandardCharsets.UTF_8);
        return Field.value(null, a.type(), s, s, a.offset(), a.length()).withValueName(typed);
    }

    private static Field bitfield32(NlAttr a, ByteView v, String typed) {
        if (v.length() != 8) {
            return null;
        }
        long value = v.u32(v.start());
        long selector = v.u32(v.start() + 4);
        List<Field> members = List.of(
                Field.member("value", value, "0x" + Long.toHexString(value), v.start(), 4),
                Field.member("selector", selector, "0x" + Long.toHexString(selector), v.start() + 4, 4));
        return Field.parent(null, a.type(),
                "0x" + Long.toHexString(value) + " (selector 0x" + Long.toHexString(selector) + ", " + typed + ")",
                a.offset(), a.length(), false, members).withValueName(typed);
    }

    /**
     * A nest by its nested policy; a nested array's members are nests indexed by their
     * type, each by that policy. A nest whose policy the kernel did not give is raw inside.
     */
    private static Field nest(FamilyPolicy family, AttrPolicy p, NlAttr a, ByteView w, int depth,
                              List<String> problems, boolean array) {
        ByteView payload = a.payload(w);
        Integer inner = p.nestedPolicy();
        String label = p.typeName() + SOURCE + (inner != null ? ", policy " + inner : "");
        if (depth + 1 > MAX_DEPTH) {
            String problem = "nesting deeper than " + MAX_DEPTH + " at offset " + a.offset();
            problems.add(problem);
            String hex = RawAttributes.hex(payload);
            return Field.parent(null, a.type(), label, a.offset(), a.length(), true, List.of()).withValue(hex)
                    .withProblem(problem);
        }
        List<String> found = new ArrayList<>();
        List<Field> children;
        if (inner == null) {
            children = RawAttributes.decode(payload, depth + 1, found);
        } else if (!array) {
            children = attributes(family, inner, inner, payload, depth + 1, found);
        } else {
            children = members(family, inner, payload, depth + 1, found);
        }
        problems.addAll(found);
        Field nest = Field.parent(null, a.type(), label, a.offset(), a.length(), true, children);
        return found.isEmpty() ? nest : nest.withProblem(found.get(0));
    }

    /** The members of a nested array: each an index ("[3]") whose payload is a nest of the given policy. */
    private static List<Field> members(FamilyPolicy family, int policy, ByteView payload, int depth, List<String> problems) {
        AttrReader.Result walk = AttrReader.read(payload);
        List<Field> out = new ArrayList<>(walk.attributes().size());
        for (NlAttr m : walk.attributes()) {
            if (depth + 1 > MAX_DEPTH) {
                out.add(RawAttributes.attribute(m, payload, depth, problems));
                continue;
            }
            List<String> found = new ArrayList<>();
            List<Field> children = attributes(family, policy, policy, m.payload(payload), depth + 1, found);
            problems.addAll(found);
            Field entry = Field.parent("[" + m.type() + "]", m.type(), "", m.offset(), m.length(), true, children);
            out.add(found.isEmpty() ? entry : entry.withProblem(found.get(0)));
        }
        if (!walk.clean()) {
            problems.add(walk.problem());
        }
        return out;
    }
}
