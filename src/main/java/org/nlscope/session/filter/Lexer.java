package org.nlscope.session.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a display filter into tokens; hand-written so errors can name the exact column. */
final class Lexer {
    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String src) throws FilterSyntaxException {
        return new Lexer(src).all();
    }

    private List<Token> all() throws FilterSyntaxException {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.END, "", pos + 1));
                return out;
            }
            out.add(next());
        }
    }

    private Token next() throws FilterSyntaxException {
        int start = pos;
        int col = pos + 1;
        char c = src.charAt(pos);
        if (c == '"' || c == '\'') {
            return string(c, col);
        }
        if (c == '(') {
            pos++;
            return new Token(Token.Kind.LPAREN, "(", col);
        }
        if (c == ')') {
            pos++;
            return new Token(Token.Kind.RPAREN, ")", col);
        }
        if (startsWith("&&")) {
            pos += 2;
            return new Token(Token.Kind.AND, "&&", col);
        }
        if (startsWith("||")) {
            pos += 2;
            return new Token(Token.Kind.OR, "||", col);
        }
        for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">", "~", "&"}) {
            if (startsWith(op)) {
                pos += op.length();
                return new Token(Token.Kind.OP, op, col);
            }
        }
        if (c == '!') {
            pos++;
            return new Token(Token.Kind.NOT, "!", col);
        }
        if (c == '=') {
            throw new FilterSyntaxException("use '==' to compare, not '='", col);
        }
        if (c == '-' || Character.isDigit(c)) {
            pos++;
            while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
                pos++;
            }
            String text = src.substring(start, pos);
            if (!isNumber(text)) {
                throw new FilterSyntaxException("'" + text + "' is not a number", col);
            }
            return new Token(Token.Kind.NUMBER, text, col);
        }
        if (isWordChar(c)) {
            while (pos < src.length() && (isWordChar(src.charAt(pos)) || Character.isDigit(src.charAt(pos)))) {
                pos++;
            }
            String text = src.substring(start, pos);
            return switch (text) {
                case "and" -> new Token(Token.Kind.AND, text, col);
                case "or" -> new Token(Token.Kind.OR, text, col);
                case "not" -> new Token(Token.Kind.NOT, text, col);
                default -> new Token(Token.Kind.WORD, text, col);
            };
        }
        throw new FilterSyntaxException("unexpected character '" + c + "'", col);
    }

    private Token string(char quote, int col) throws FilterSyntaxException {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == quote) {
                return new Token(Token.Kind.STRING, sb.toString(), col);
            }
            if (c == '\\' && pos < src.length()) {
                c = src.charAt(pos++);
            }
            sb.append(c);
        }
        throw new FilterSyntaxException("unterminated string", col);
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '_' || c == '.' || c == ':' || c == '/';
    }

    static boolean isNumber(String text) {
        return parseNumber(text) != null;
    }

    /** Decimal or 0x hex, optionally negative; null when neither. */
    static Long parseNumber(String text) {
        try {
            boolean neg = text.startsWith("-");
            String t = neg ? text.substring(1) : text;
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
