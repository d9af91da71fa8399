package org.nlscope.session.filter;

/** A display filter that cannot be parsed; the message is one line ending with the column. */
public final class FilterSyntaxException extends Exception {
    private final int column;
    private final String problem;

    public FilterSyntaxException(String problem, int column) {
        super(problem + " at column " + column, null, false, false);
        this.problem = problem;
        this.column = column;
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
