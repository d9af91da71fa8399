package org.nlscope.session.filter;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.uapi.Errno;

/**
 * Values a filter compares with that cannot be right: a message type no dissector knows,
 * an errno name Linux does not have, a name that is none of an enum or flags field's values,
 * an nlmsg flag, direction or kind that does not exist. Said as an error (with the nearest
 * right name) instead of a filter that quietly matches nothing. A number, a quoted string,
 * or {@code ~} with a part of a name, is never checked.
 */
final class ValueChecks {

    private static final List<String> ERRNO_NAMES = errnoNames();

    private ValueChecks() {
    }

    static void type(Token op, Token value, FilterNames names) throws FilterSyntaxException {
        if (names == null || !exact(op, value) || names.knowsType(value.text())) {
            return;
        }
        throw new FilterSyntaxException("no dissector knows a message type '" + value.text() + "'"
                + didYouMean(names.closestType(value.text())), value.column());
    }

    static void errno(Token op, Token value) throws FilterSyntaxException {
        if (!exact(op, value) || ERRNO_NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(value.text()))) {
            return;
        }
        throw new FilterSyntaxException("unknown errno '" + value.text() + "'"
                + didYouMean(Spelling.closest(value.text(), ERRNO_NAMES, 2)), value.column());
    }

    /** An attribute or header member with an enum or flags (IFLA_OPERSTATE == UPP). */
    static void fieldValue(Token field, Token op, Token value, FilterNames names) throws FilterSyntaxException {
        if (names == null || value.kind() != Token.Kind.WORD || op.text().equals("~")
                || names.knowsValue(field.text(), value.text())) {
            return;
        }
        throw new FilterSyntaxException("no dissector knows a value '" + value.text() + "' of " + field.text()
                + didYouMean(names.closestValue(field.text(), value.text())), value.column());
    }

    /** A field whose values are a fixed set of words (direction, kind). */
    static void oneOf(Token field, Token op, Token value, List<String> words) throws FilterSyntaxException {
        if (!exact(op, value) || words.stream().anyMatch(w -> w.equalsIgnoreCase(value.text()))) {
            return;
        }
        String near = Spelling.closest(value.text(), words, 2);
        throw new FilterSyntaxException("unknown " + field.text() + " '" + value.text() + "'; "
                + (near != null ? "did you mean " + near.toLowerCase(java.util.Locale.ROOT) + "?"
                        : "one of " + String.join(", ", words)), value.column());
    }

    /** The nlmsg_flags name as written, without NLM_F_, or an error naming the nearest flag. */
    static void flag(Token value, String bare, java.util.Set<String> flags) throws FilterSyntaxException {
        if (flags.contains(bare)) {
            return;
        }
        String near = Spelling.closest(bare, flags, 2);
        throw new FilterSyntaxException("unknown flag '" + value.text() + "'"
                + didYouMean(near == null ? null : "NLM_F_" + near), value.column());
    }

    private static boolean exact(Token op, Token value) {
        return value.kind() != Token.Kind.NUMBER && !op.text().equals("~");
    }

    private static String didYouMean(String near) {
        return near == null ? "" : "; did you mean " + near + "?";
    }

    private static List<String> errnoNames() {
        List<String> out = new ArrayList<>();
        for (int code = 1; code < 4096; code++) {
            String n = Errno.name(code);
            if (n != null) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }
}
