package org.nlscope.cli;

/** A failure the user caused or can fix, with the line to print and the exit code. */
final class CliException extends Exception {
    private final int exitCode;

    CliException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
