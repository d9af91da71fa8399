package org.nlscope.session.filter;

/** A display filter that cannot be parsed; the message is one line ending with the column. */
public final class FilterSyntaxException extends Exception {
    private final int column;
    private final String problem;

    public FilterSyntaxException(String problem, int column) {
        super(escapeControls(problem) + " at column " + column, null, false, false);
        this.problem = escapeControls(problem);
        this.column = column;
    }

    /**
     * Problems quote what was typed (a paste can bring newlines and escape sequences),
     * and the message must stay one line that is safe to print: control characters
     * become \n, \r, \t or \xNN.
     */
    private static String escapeControls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            if (control && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out == null) {
                continue;
            }
            if (!control) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** 1-based column of the character where the problem was found. */
    public int column() {
        return column;
    }

    /** The problem without the column. */
    public String problem() {
        return problem;
    }
}
