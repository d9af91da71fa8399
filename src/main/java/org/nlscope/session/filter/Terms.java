package org.nlscope.session.filter;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.Field;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.MessageRow;

/** The leaves of a filter: named fields, bare words, attributes by name, free text. */
final class Terms {

    /** nlmsg_flags bits by name (without NLM_F_); the high byte means different things per message kind. */
    private static final Map<String, Integer> FLAG_BITS = Map.ofEntries(
            Map.entry("REQUEST", 0x01), Map.entry("MULTI", 0x02), Map.entry("ACK", 0x04), Map.entry("ECHO", 0x08),
            Map.entry("DUMP_INTR", 0x10), Map.entry("DUMP_FILTERED", 0x20),
            Map.entry("ROOT", 0x100), Map.entry("MATCH", 0x200), Map.entry("ATOMIC", 0x400), Map.entry("DUMP", 0x300),
            Map.entry("REPLACE", 0x100), Map.entry("EXCL", 0x200), Map.entry("CREATE", 0x400), Map.entry("APPEND", 0x800),
            Map.entry("NONREC", 0x100), Map.entry("BULK", 0x200), Map.entry("CAPPED", 0x100), Map.entry("ACK_TLVS", 0x200));

    private static final List<String> DIRECTIONS = Arrays.stream(Direction.values()).map(Direction::jsonName).toList();
    private static final List<String> KINDS = Arrays.stream(MessageRow.Kind.values())
            .map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
    private static final List<String> NUMERIC = List.of("seq", "port", "portid", "len", "length", "frame", "msgtype");

    private Terms() {
    }

    static Expr freeText(String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return s -> s.message() != null && (contains(s.message().summary(), needle) || contains(s.message().typeName(), needle));
    }

    /** A word alone: a message kind (error, ack, request...) or an attribute that must be present. */
    static Expr bare(Token word) throws FilterSyntaxException {
        String w = word.text();
        if (w.equals("malformed")) {
            // as the command line marks them: frames without a message, and messages with problems
            return s -> s.kind() == MessageRow.Kind.MALFORMED || hasProblems(s);
        }
        MessageRow.Kind kind = kind(w);
        if (kind != null) {
            return s -> s.kind() == kind;
        }
        switch (w) {
            case "problems" -> {
                return Terms::hasProblems;
            }
            case "errno" -> {
                return s -> errorCode(s.message()) != 0;
            }
            case "genl" -> {
                return s -> s.message() != null && s.message().genl() != null;
            }
            default -> {
            }
        }
        if (isField(w)) {
            throw new FilterSyntaxException("expected an operator after '" + w + "' (==, !=, <, >, ~ or &)",
                    word.column() + w.length());
        }
        if (isAttributeName(w)) {
            return s -> s.message() != null && !find(s.message(), w).isEmpty();
        }
        throw new FilterSyntaxException("unknown word '" + w + "'", word.column());
    }

    static Expr comparison(Token field, Token op, Token value, FilterNames names) throws FilterSyntaxException {
        String f = field.text();
        String o = op.text();
        Expr e = switch (f) {
            case "family" -> strings(op, value, Terms::familyNames);
            case "type" -> {
                ValueChecks.type(op, value, names);
                yield strings(op, value, Terms::typeNames);
            }
            case "process" -> strings(op, value, Terms::processNames);
            case "direction" -> {
                ValueChecks.oneOf(field, op, value, DIRECTIONS);
                yield strings(op, value, s -> List.of(s.frame().direction().jsonName()));
            }
            case "kind" -> {
                ValueChecks.oneOf(field, op, value, KINDS);
                yield strings(op, value, s -> List.of(s.kind().name().toLowerCase(Locale.ROOT)));
            }
            case "info", "summary", "text" -> strings(op, value,
                    s -> s.message() == null ? List.of() : List.of(s.message().summary()));
            case "errno" -> errno(op, value);
            case "flags" -> flags(op, value);
            case "seq" -> number(op, value, s -> s.message() == null ? -1 : s.message().header().seq());
            case "port", "portid" -> number(op, value, s -> s.message() == null ? -1 : s.message().header().pid());
            case "len", "length" -> number(op, value, s -> s.message() == null ? s.frame().frame().originalLength()
                    : s.message().header().length());
            case "frame" -> number(op, value, s -> s.frame().number());
            case "msgtype" -> number(op, value, s -> s.message() == null ? -1 : s.message().header().type());
            default -> null;
        };
        if (e != null) {
            return e;
        }
        if (!isAttributeName(f)) {
            throw new FilterSyntaxException("unknown field '" + f + "'", field.column());
        }
        ValueChecks.fieldValue(field, op, value, names);
        return attribute(f, op, value);
    }

    // ---- named fields ----

    private interface Names {
        List<String> of(Subject s);
    }

    private static Expr strings(Token op, Token value, Names names) throws FilterSyntaxException {
        String o = op.text();
        String v = value.text().toLowerCase(Locale.ROOT);
        return switch (o) {
            case "==" -> s -> anyMatch(names.of(s), n -> n.equalsIgnoreCase(v));
            case "!=" -> s -> !anyMatch(names.of(s), n -> n.equalsIgnoreCase(v));
            case "~" -> s -> anyMatch(names.of(s), n -> n.toLowerCase(Locale.ROOT).contains(v));
            default -> throw new FilterSyntaxException("'" + o + "' does not apply here; use ==, != or ~", op.column());
        };
    }

    private static Expr number(Token op, Token value, ToLongFunction<Subject> get) throws FilterSyntaxException {
        Long v = value.kind() == Token.Kind.NUMBER ? Lexer.parseNumber(value.text()) : null;
        if (v == null) {
            throw new FilterSyntaxException("expected a number after '" + op.text() + "', found " + value.describe(),
                    value.column());
        }
        long n = v;
        return switch (op.text()) {
            case "==" -> s -> get.applyAsLong(s) == n;
            case "!=" -> s -> get.applyAsLong(s) != n;
            case "<" -> s -> get.applyAsLong(s) < n;
            case "<=" -> s -> get.applyAsLong(s) <= n;
            case ">" -> s -> get.applyAsLong(s) > n;
            case ">=" -> s -> get.applyAsLong(s) >= n;
            case "&" -> s -> (get.applyAsLong(s) & n) != 0;
            default -> throw new FilterSyntaxException("'~' needs text; use ==, <, > or & with numbers", op.column());
        };
    }

    private static Expr errno(Token op, Token value) throws FilterSyntaxException {
        ValueChecks.errno(op, value);
        if (value.kind() == Token.Kind.NUMBER) {
            long n = Math.abs(Lexer.parseNumber(value.text()));
            return number(op, new Token(Token.Kind.NUMBER, Long.toString(n), value.column()),
                    s -> Math.abs((long) errorCode(s.message())));
        }
        return strings(op, value, s -> {
            DecodedMessage m = s.message();
            if (m == null || m.error() == null || m.error().code() == 0 || m.error().name() == null) {
                return List.of();
            }
            return List.of(m.error().name());
        });
    }

    private static Expr flags(Token op, Token value) throws FilterSyntaxException {
        if (value.kind() == Token.Kind.NUMBER) {
            return number(op, value, s -> s.message() == null ? 0 : s.message().header().flags());
        }
        String name = value.text().toUpperCase(Locale.ROOT);
        String bare = name.startsWith("NLM_F_") ? name.substring(6) : name;
        ValueChecks.flag(value, bare, FLAG_BITS.keySet());
        Integer bits = FLAG_BITS.get(bare);
        Expr has = s -> s.message() != null && hasFlag(s.message(), bare, bits);
        return switch (op.text()) {
            case "&", "==" -> has;
            case "!=" -> s -> !has.test(s);
            default -> throw new FilterSyntaxException("use 'flags & " + value.text() + "' to test a flag", op.column());
        };
    }

    /** Low flags are the same bits everywhere; high ones are believed only as the decoder named them. */
    private static boolean hasFlag(DecodedMessage m, String bare, int bits) {
        List<String> names = m.flagNames();
        if (names.contains("NLM_F_" + bare)) {
            return true;
        }
        if (bits < 0x100 || (m.header().isRequest() && !namesHighFlags(names))) {
            // no dissector said what kind of request this is: the bits are all there is
            return (m.header().flags() & bits) == bits;
        }
        return "DUMP".equals(bare) && names.contains("NLM_F_ROOT") && names.contains("NLM_F_MATCH");
    }

    private static boolean namesHighFlags(List<String> names) {
        for (String n : names) {
            Integer bits = n.startsWith("NLM_F_") ? FLAG_BITS.get(n.substring(6)) : null;
            if (bits != null && bits >= 0x100) {
                return true;
            }
        }
        return false;
    }

    // ---- attributes ----

    private static Expr attribute(String name, Token op, Token value) throws FilterSyntaxException {
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

    // ---- names ----

    static List<String> familyNames(Subject s) {
        List<String> out = new ArrayList<>(4);
        out.add(Integer.toString(s.frame().family()));
        String name = s.frame().familyName();
        if (name != null) {
            out.add(name);
            if (name.startsWith("NETLINK_")) {
                out.add(name.substring(8));
            }
        }
        if (s.message() != null && s.message().genl() != null && s.message().genl().family() != null) {
            out.add(s.message().genl().family());
        }
        return out;
    }

    private static List<String> typeNames(Subject s) {
        DecodedMessage m = s.message();
        if (m == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(3);
        out.add(Integer.toString(m.header().type()));
        if (m.typeName() != null) {
            out.add(m.typeName());
        }
        if (m.genl() != null && m.genl().cmdName() != null) {
            out.add(m.genl().cmdName());
        }
        return out;
    }

    private static List<String> processNames(Subject s) {
        ProcessInfo p = s.process();
        if (p == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(3);
        if (p.name() != null) {
            out.add(p.name());
        }
        if (p.pid() >= 0) {
            out.add(Integer.toString(p.pid()));
        }
        out.add(p.label());
        return out;
    }

    private static boolean hasProblems(Subject s) {
        return !s.frame().problems().isEmpty() || (s.message() != null && !s.message().problems().isEmpty());
    }

    private static int errorCode(DecodedMessage m) {
        return m == null || m.error() == null ? 0 : m.error().code();
    }

    private static MessageRow.Kind kind(String word) {
        return switch (word) {
            case "request" -> MessageRow.Kind.REQUEST;
            case "reply" -> MessageRow.Kind.REPLY;
            case "dump", "dump_part" -> MessageRow.Kind.DUMP_PART;
            case "done" -> MessageRow.Kind.DONE;
            case "error" -> MessageRow.Kind.ERROR;
            case "ack" -> MessageRow.Kind.ACK;
            case "notification" -> MessageRow.Kind.NOTIFICATION;
            case "malformed" -> MessageRow.Kind.MALFORMED;
            default -> null;
        };
    }

    private static boolean isField(String w) {
        return switch (w) {
            case "family", "type", "process", "direction", "kind", "info", "summary", "text", "flags" -> true;
            default -> NUMERIC.contains(w);
        };
    }

    /** Kernel constants (IFLA_MTU) and struct members (ifi_index) name attributes; plain words are typos. */
    private static boolean isAttributeName(String w) {
        return w.indexOf('_') > 0 || !w.equals(w.toLowerCase(Locale.ROOT));
    }

    private static boolean contains(String hay, String lowerNeedle) {
        return hay != null && hay.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    private interface StringTest {
        boolean test(String s);
    }

    private static boolean anyMatch(List<String> list, StringTest t) {
        for (String s : list) {
            if (t.test(s)) {
                return true;
            }
        }
        return false;
    }
}
