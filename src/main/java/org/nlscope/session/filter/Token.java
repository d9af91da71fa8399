package org.nlscope.session.filter;

/**
 * One token of a display filter.
 *
 * @param kind   what it is
 * @param text   the text as written (a string's text without quotes and escapes)
 * @param column 1-based column of its first character
 */
record Token(Kind kind, String text, int column) {
    enum Kind { WORD, NUMBER, STRING, OP, LPAREN, RPAREN, AND, OR, NOT, END }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "the end";
            case STRING -> "\"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
