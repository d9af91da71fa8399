package org.nlscope.cli;

import java.io.PrintWriter;

/** Lets tests in other packages call the package-private last-resort handler. */
public final class ErrorsAccess {
    private ErrorsAccess() {
    }

    public static int fatal(Throwable t, PrintWriter err) {
        return Errors.fatal(t, err);
    }
}
