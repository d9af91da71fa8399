package org.nlscope.decode;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.Field;
import org.nlscope.model.Limits;

/**
 * Decodes attributes nobody described: each becomes a field with no name, its type
 * and its payload in hex. A payload becomes children when NLA_F_NESTED says so, or
 * when it parses cleanly as attributes (then the hex stays too, in case that guess
 * is wrong). Nesting deeper than {@link #MAX_DEPTH} is reported, not followed, so a
 * hostile frame cannot exhaust the stack.
 */
public final class RawAttributes {
    public static final int MAX_DEPTH = Limits.MAX_NESTING_DEPTH;
    /** Longer payloads are cut in the display (never in the value). */
    private static final int DISPLAY_BYTES = 64;

    /**
     * @param attributes the attributes found, in order
     * @param problems   everything malformed, nested ones included, each naming its offset
     */
    public record Result(List<Field> attributes, List<String> problems) {
        public Result {
            attributes = List.copyOf(attributes);
            problems = List.copyOf(problems);
        }
    }

    private RawAttributes() {
    }

    /** The attributes of a window at nesting depth 0. */
    public static Result decode(ByteView window) {
        return decode(window, 0);
    }

    /**
     * The attributes of a window.
     *
     * @param depth how many nests enclose the window (0 at a message's top level)
     */
    public static Result decode(ByteView window, int depth) {
        List<String> problems = new ArrayList<>();
        List<Field> fields = decode(window, depth, problems);
        return new Result(fields, problems);
    }

    /** Like {@link #decode(ByteView, int)}, adding problems to the given list. */
    public static List<Field> decode(ByteView window, int depth, List<String> problems) {
        AttrReader.Result walk = AttrReader.read(window);
        List<Field> out = new ArrayList<>(walk.attributes().size());
        for (NlAttr a : walk.attributes()) {
            out.add(attribute(a, window, depth, problems));
        }
        if (!walk.clean()) {
            problems.add(walk.problem());
        }
        return out;
    }

    /** One attribute of a window as a raw field; its children are at depth + 1. */
    public static Field attribute(NlAttr a, ByteView window, int depth, List<String> problems) {
        ByteView payload = a.payload(window);
        boolean guessed = !a.nestedFlag() && looksLikeAttributes(payload);
        if (!a.nestedFlag() && !guessed) {
            String hex = hex(payload);
            return Field.value(null, a.type(), hex, display(payload, hex), a.offset(), a.length());
        }
        if (depth + 1 > MAX_DEPTH) {
            String problem = "nesting deeper than " + MAX_DEPTH + " at offset " + a.offset();
            problems.add(problem);
            String hex = hex(payload);
            return Field.parent(null, a.type(), display(payload, hex), a.offset(), a.length(), true, List.of())
                    .withValue(hex).withProblem(problem);
        }
        List<String> inner = new ArrayList<>();
        List<Field> children = decode(payload, depth + 1, inner);
        problems.addAll(inner);
        String hex = guessed ? hex(payload) : null; // a guess keeps its bytes, in case it is wrong
        Field f = Field.parent(null, a.type(), guessed ? display(payload, hex) : "", a.offset(), a.length(), true,
                children).withValue(hex);
        return inner.isEmpty() ? f : f.withProblem(inner.get(0));
    }

    /**
     * True when the window holds at least one attribute and parses cleanly to its end.
     * An empty attribute of type 0 counts against it: that is what small integers look like.
     */
    public static boolean looksLikeAttributes(ByteView window) {
        if (window.length() < NlAttr.HEADER) {
            return false;
        }
        AttrReader.Result walk = AttrReader.read(window);
        if (!walk.clean() || walk.attributes().isEmpty()) {
            return false;
        }
        for (NlAttr a : walk.attributes()) {
            if (a.type() == 0 && a.length() == NlAttr.HEADER) {
                return false;
            }
        }
        return true;
    }

    /**
     * A message body nobody described: its attributes when it parses cleanly as attributes,
     * else one fixed-header member "payload" in hex (a fixed header nobody knows, usually).
     */
    public static MessageBody body(ByteView window) {
        if (window.length() == 0) {
            return MessageBody.EMPTY;
        }
        if (looksLikeAttributes(window)) {
            Result r = decode(window, 0);
            return new MessageBody(List.of(), r.attributes(), "", r.problems());
        }
        String hex = hex(window);
        Field payload = Field.member("payload", hex, display(window, hex), window.start(), window.length());
        return new MessageBody(List.of(payload), List.of(), "", List.of());
    }

    static String hex(ByteView v) {
        return v.hex(v.start(), v.length());
    }

    static String display(ByteView v) {
        return display(v, null);
    }

    /** The hex for people: long payloads cut; reuses the full hex when the caller has it. */
    static String display(ByteView v, String fullHex) {
        if (v.length() <= DISPLAY_BYTES) {
            return fullHex != null ? fullHex : hex(v);
        }
        return (fullHex != null ? fullHex.substring(0, 2 * DISPLAY_BYTES) : v.hex(v.start(), DISPLAY_BYTES))
                + "... (" + v.length() + " bytes)";
    }
}
