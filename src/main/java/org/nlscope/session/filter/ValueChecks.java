package org.nlscope.session.filter;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.Errno;

/**
 * Values a filter compares with that cannot be right: a message type no dissector knows,
 * an errno name Linux does not have. Said as an error (with the nearest right name)
 * instead of a filter that quietly matches nothing. A number, or {@code ~} with a part
 * of a name, is never checked.
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
