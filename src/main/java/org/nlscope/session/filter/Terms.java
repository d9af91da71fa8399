package org.nlscope.session.filter;

import static org.nlscope.session.filter.TextMatch.anyMatch;
import static org.nlscope.session.filter.TextMatch.contains;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Direction;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.MessageRow;

/**
 * The leaves of a filter: named fields, bare words, free text; attributes by name are
 * {@link AttributeTerm}s, {@code flags & NAME} a {@link FlagTerm}.
 */
final class Terms {

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
            return s -> s.message() != null && !AttributeTerm.find(s.message(), w).isEmpty();
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
            case "flags" -> FlagTerm.of(op, value);
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
        return AttributeTerm.of(f, op, value);
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

    static Expr number(Token op, Token value, ToLongFunction<Subject> get) throws FilterSyntaxException {
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
}
