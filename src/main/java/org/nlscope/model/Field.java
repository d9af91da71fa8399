package org.nlscope.model;

import java.util.List;
import java.util.Objects;

/**
 * One decoded value: a netlink attribute or a member of a fixed header or struct,
 * with where its bytes are in the frame. Immutable; made by the factories below.
 * A field may leave its display and names to a {@link Rendering}, which works them
 * out when first asked: most decoded fields are never shown (a one-line summary
 * names a few), so their numbers are not formatted.
 *
 * <p>What each part holds:
 * <ul>
 * <li>name: the kernel's name (IFLA_MTU, ifi_index), or null when unknown</li>
 * <li>type: attribute type with NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off; -1 for struct
 *     and header members</li>
 * <li>value: Long (or BigInteger for u64 above Long.MAX_VALUE), String, Boolean (flag), or null
 *     for nests and structs; binary without a known shape is lowercase hex</li>
 * <li>valueName: the enum constant's name when the value is an enum, else null</li>
 * <li>valueNames: the flag names when the value is a flag set, else empty</li>
 * <li>display: the readable value shown to people ("1400", "52:54:00:12:34:56", "UP|LOWER_UP")</li>
 * <li>offset: of the attribute (its nlattr header) or member, from the frame's start</li>
 * <li>length: bytes covered, including the nlattr header for attributes</li>
 * <li>nested: true for nests: children are attributes</li>
 * <li>children: nested attributes, or the members of a struct-typed value; empty otherwise</li>
 * <li>problem: what was wrong with these bytes (truncated, bad length), or null</li>
 * </ul>
 */
public final class Field {

    /**
     * How a field reads to people, worked out from the field (its value, its children) when
     * first asked. Implementations are stateless and give the same answer every time.
     */
    public interface Rendering {
        String display(Field f);

        default String valueName(Field f) {
            return null;
        }

        default List<String> valueNames(Field f) {
            return List.of();
        }
    }

    private final String name;
    private final int type;
    private final Object value;
    private final String valueName;
    private final int offset;
    private final int length;
    private final boolean nested;
    private final List<Field> children;
    private final String problem;
    private final Rendering rendering;
    /** Given, or made by the rendering when first asked (a benign race: both make the same text). */
    private String display;
    private List<String> valueNames;

    private Field(String name, int type, Object value, String valueName, List<String> valueNames, String display,
                  int offset, int length, boolean nested, List<Field> children, String problem, Rendering rendering) {
        this.name = name;
        this.type = type;
        this.value = value;
        this.valueName = valueName;
        this.valueNames = valueNames;
        this.display = display;
        this.offset = offset;
        this.length = length;
        this.nested = nested;
        this.children = children;
        this.problem = problem;
        this.rendering = rendering;
    }

    /** A value shown as given: type -1 for a header or struct member. */
    public static Field value(String name, int type, Object value, String display, int offset, int length) {
        return new Field(name, type, value, null, List.of(), display, offset, length, false, List.of(), null, null);
    }

    /** A header or struct member with a plain value. */
    public static Field member(String name, Object value, String display, int offset, int length) {
        return value(name, -1, value, display, offset, length);
    }

    /** A value whose display and names the rendering works out when they are asked for. */
    public static Field rendered(String name, int type, Object value, Rendering rendering, int offset, int length) {
        return new Field(name, type, value, null, null, null, offset, length, false, List.of(), null,
                Objects.requireNonNull(rendering));
    }

    /** A nest (children are attributes) or a struct-typed value (children are members), with its display. */
    public static Field parent(String name, int type, String display, int offset, int length, boolean nested,
                               List<Field> children) {
        return new Field(name, type, null, null, List.of(), display, offset, length, nested,
                FieldList.immutable(children), null, null);
    }

    /** {@link #parent} whose display the rendering works out from the children when asked. */
    public static Field renderedParent(String name, int type, Rendering rendering, int offset, int length, boolean nested,
                               List<Field> children) {
        return new Field(name, type, null, null, null, null, offset, length, nested,
                FieldList.immutable(children), null, Objects.requireNonNull(rendering));
    }

    /** This field with a value (a parent that keeps its bytes, say). */
    public Field withValue(Object newValue) {
        return new Field(name, type, newValue, valueName, valueNames, display, offset, length, nested, children,
                problem, rendering);
    }

    /** This field with the name of its enum value (or of how it was typed). */
    public Field withValueName(String newValueName) {
        return new Field(name, type, value, newValueName, valueNames(), display(), offset, length, nested, children,
                problem, null);
    }

    /** This field with the names of the flags its value sets. */
    public Field withValueNames(List<String> names) {
        return new Field(name, type, value, valueName(), List.copyOf(names), display(), offset, length, nested,
                children, problem, null);
    }

    /** This field with what was wrong with its bytes (problems are rare: a copy costs nothing that matters). */
    public Field withProblem(String newProblem) {
        return new Field(name, type, value, valueName, valueNames, display, offset, length, nested, children,
                newProblem, rendering);
    }

    public String name() {
        return name;
    }

    public int type() {
        return type;
    }

    public Object value() {
        return value;
    }

    public String valueName() {
        return rendering != null && valueName == null ? rendering.valueName(this) : valueName;
    }

    public List<String> valueNames() {
        List<String> names = valueNames;
        if (names == null) {
            names = List.copyOf(rendering.valueNames(this));
            valueNames = names;
        }
        return names;
    }

    public String display() {
        String d = display;
        if (d == null && rendering != null) {
            d = rendering.display(this);
            display = d;
        }
        return d;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public boolean nested() {
        return nested;
    }

    public List<Field> children() {
        return children;
    }

    public String problem() {
        return problem;
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

    /** Fields are equal when everything they show is: a rendered field equals one given the same text. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Field f && type == f.type && offset == f.offset && length == f.length
                && nested == f.nested && Objects.equals(name, f.name) && Objects.equals(value, f.value)
                && Objects.equals(valueName(), f.valueName()) && valueNames().equals(f.valueNames())
                && Objects.equals(display(), f.display()) && children.equals(f.children)
                && Objects.equals(problem, f.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, value, display(), offset, length, children);
    }

    @Override
    public String toString() {
        return "Field[name=" + name + ", type=" + type + ", value=" + value + ", valueName=" + valueName()
                + ", valueNames=" + valueNames() + ", display=" + display() + ", offset=" + offset + ", length="
                + length + ", nested=" + nested + ", children=" + children + ", problem=" + problem + "]";
    }
}
