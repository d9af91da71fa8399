package org.nlscope.session.filter;

import java.util.List;

/**
 * Recursive descent over the grammar
 * <pre>
 *   or      := and (('or' | '||') and)*
 *   and     := unary (('and' | '&&') unary)*
 *   unary   := ('not' | '!') unary | primary
 *   primary := '(' or ')' | STRING | WORD [OP value]
 *   value   := NUMBER | STRING | WORD
 * </pre>
 */
final class Parser {
    private final List<Token> tokens;
    private final FilterNames names;
    private int pos;

    private Parser(List<Token> tokens, FilterNames names) {
        this.tokens = tokens;
        this.names = names;
    }

    /** @param names the type names to check values against, or null to take any */
    static Expr parse(String text, FilterNames names) throws FilterSyntaxException {
        Parser p = new Parser(Lexer.tokens(text), names);
        if (p.peek().kind() == Token.Kind.END) {
            return Expr.ALL;
        }
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            throw new FilterSyntaxException(t.kind() == Token.Kind.RPAREN ? "')' without a matching '('"
                    : "expected 'and' or 'or' before " + t.describe(), t.column());
        }
        return e;
    }

    private Expr or() throws FilterSyntaxException {
        Expr left = and();
        while (peek().kind() == Token.Kind.OR) {
            Token op = take();
            Expr right = operand(op, this::and);
            Expr l = left;
            left = s -> l.test(s) || right.test(s);
        }
        return left;
    }

    private Expr and() throws FilterSyntaxException {
        Expr left = unary();
        while (peek().kind() == Token.Kind.AND) {
            Token op = take();
            Expr right = operand(op, this::unary);
            Expr l = left;
            left = s -> l.test(s) && right.test(s);
        }
        return left;
    }

    private Expr unary() throws FilterSyntaxException {
        if (peek().kind() == Token.Kind.NOT) {
            Token op = take();
            Expr inner = operand(op, this::unary);
            return s -> !inner.test(s);
        }
        return primary();
    }

    private interface Rule {
        Expr parse() throws FilterSyntaxException;
    }

    /** Parses what must follow an operator, with an error naming the operator when nothing does. */
    private Expr operand(Token op, Rule rule) throws FilterSyntaxException {
        Token t = peek();
        if (t.kind() == Token.Kind.END || t.kind() == Token.Kind.RPAREN || t.kind() == Token.Kind.AND
                || t.kind() == Token.Kind.OR) {
            throw new FilterSyntaxException("expected an expression after '" + op.text() + "'", t.column());
        }
        return rule.parse();
    }

    private Expr primary() throws FilterSyntaxException {
        Token t = take();
        switch (t.kind()) {
            case LPAREN -> {
                Expr inner = operand(t, this::or);
                Token close = take();
                if (close.kind() != Token.Kind.RPAREN) {
                    throw new FilterSyntaxException("expected ')' to close the '(' at column " + t.column()
                            + ", found " + close.describe(), close.column());
                }
                return inner;
            }
            case STRING -> {
                return Terms.freeText(t.text());
            }
            case WORD -> {
                if (peek().kind() == Token.Kind.OP) {
                    Token op = take();
                    Token value = take();
                    if (value.kind() != Token.Kind.NUMBER && value.kind() != Token.Kind.STRING
                            && value.kind() != Token.Kind.WORD) {
                        throw new FilterSyntaxException("expected a value after '" + op.text() + "'", value.column());
                    }
                    return Terms.comparison(t, op, value, names);
                }
                return Terms.bare(t);
            }
            case NUMBER -> throw new FilterSyntaxException("expected a field name before " + t.describe()
                    + " (for example seq == " + t.text() + ")", t.column());
            case OP -> throw new FilterSyntaxException("expected a field name before '" + t.text() + "'", t.column());
            case RPAREN -> throw new FilterSyntaxException("')' without a matching '('", t.column());
            case END -> throw new FilterSyntaxException("expected an expression", t.column());
            default -> throw new FilterSyntaxException("unexpected " + t.describe(), t.column());
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token take() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.END) {
            pos++;
        }
        return t;
    }
}
