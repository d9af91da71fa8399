package org.nlscope.session.filter;

import static org.nlscope.session.filter.TextMatch.anyMatch;
import static org.nlscope.session.filter.TextMatch.contains;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;

/** {@code IFLA_MTU > 1400}: a field of the decoded message by its name, at any depth, against a value. */
final class AttributeTerm {

    private AttributeTerm() {
    }

    static Expr of(String name, Token op, Token value) throws FilterSyntaxException {
        String o = op.text();
        Long number = value.kind() == Token.Kind.NUMBER ? Lexer.parseNumber(value.text()) : null;
        if (number == null && (o.equals("<") || o.equals("<=") || o.equals(">") || o.equals(">=") || o.equals("&"))) {
            throw new FilterSyntaxException("expected a number after '" + o + "', found " + value.describe(), value.column());
        }
        String text = value.text();
        return s -> {
            if (s.message() == null) {
                return false;
            }
            List<Field> found = find(s.message(), name);
            boolean any = false;
            for (Field f : found) {
                if (o.equals("!=") ? equalsValue(f, text, number) : compare(f, o, text, number)) {
                    any = true;
                    break;
                }
            }
            return o.equals("!=") ? !any && !found.isEmpty() : any;
        };
    }

    private static boolean compare(Field f, String op, String text, Long number) {
        switch (op) {
            case "==":
                return equalsValue(f, text, number);
            case "~": {
                String needle = text.toLowerCase(Locale.ROOT);
                return contains(f.display(), needle) || (f.value() instanceof String str && contains(str, needle))
                        || contains(f.valueName(), needle) || anyMatch(f.valueNames(), n -> contains(n, needle));
            }
            default: {
                BigInteger v = numeric(f);
                if (v == null) {
                    return false;
                }
                int c = v.compareTo(BigInteger.valueOf(number));
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    case "&" -> v.and(BigInteger.valueOf(number)).signum() != 0;
                    default -> false;
                };
            }
        }
    }

    private static boolean equalsValue(Field f, String text, Long number) {
        BigInteger v = numeric(f);
        if (number != null && v != null) {
            return v.equals(BigInteger.valueOf(number));
        }
        if (f.value() instanceof String str && str.equals(text)) {
            return true;
        }
        if (f.value() instanceof Boolean b) {
            return b.toString().equalsIgnoreCase(text) || (b && "1".equals(text)) || (!b && "0".equals(text));
        }
        return text.equals(f.display()) || nameMatches(f.valueName(), text)
                || anyMatch(f.valueNames(), n -> nameMatches(n, text));
    }

    /** IFF_UP matches UP: a constant may be written with or without its prefix. */
    private static boolean nameMatches(String constant, String text) {
        if (constant == null) {
            return false;
        }
        return constant.equalsIgnoreCase(text) || constant.toUpperCase(Locale.ROOT).endsWith("_" + text.toUpperCase(Locale.ROOT));
    }

    private static BigInteger numeric(Field f) {
        if (f.value() instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (f.value() instanceof Integer i) {
            return BigInteger.valueOf(i);
        }
        if (f.value() instanceof BigInteger b) {
            return b;
        }
        return null;
    }

    /** Every field of a message with this name, at any depth, fixed header included. */
    static List<Field> find(DecodedMessage m, String name) {
        List<Field> out = new ArrayList<>();
        collect(m.fixedHeader(), name, out);
        collect(m.attributes(), name, out);
        if (m.error() != null) {
            collect(m.error().extAck(), name, out);
        }
        return out;
    }

    private static void collect(List<Field> fields, String name, List<Field> out) {
        for (Field f : fields) {
            if (name.equals(f.name())) {
                out.add(f);
            }
            collect(f.children(), name, out);
        }
    }
}
