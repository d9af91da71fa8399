package org.nlscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.nlscope.decode.DissectorLoadException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code; nothing else in the
 * command line prints an error, and no stack trace ever reaches the user.
 */
final class Errors {

    private Errors() {
    }

    /** Bad usage: the complaint, a pointer to the help, exit 1. */
    static int usage(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("nlscope: " + e.getMessage());
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return Main.EXIT_USAGE;
    }

    /** A command failed: one line naming the file and what is wrong. */
    static int execution(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof CliException c) {
            err.println("nlscope: " + c.getMessage());
            return c.exitCode();
        }
        if (e instanceof DissectorLoadException) {
            err.println("nlscope: " + oneLine(e.getMessage()));
            return Main.EXIT_FILE;
        }
        if (e instanceof UncheckedIOException u && u.getCause() instanceof StdoutException s) {
            return stdoutFailed(s.getCause(), err, Main.EXIT_OK);
        }
        if (e instanceof StdoutException s) {
            return stdoutFailed(s.getCause(), err, Main.EXIT_OK);
        }
        // a bug: still one line, with enough to report it
        err.println("nlscope: internal error: " + oneLine(String.valueOf(e)));
        return Main.EXIT_FILE;
    }

    /**
     * What no handler caught (an {@link Error} such as out of memory): one line and exit 2.
     * Out of memory names the heap limit and how to raise it; the stack has unwound by
     * now, so what filled the heap is garbage and the line can be printed.
     */
    static int fatal(Throwable t, PrintWriter err) {
        if (t instanceof OutOfMemoryError) {
            long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            err.println("nlscope: out of memory: the Java heap limit is " + mib + " MiB; raise it with "
                    + "NLSCOPE_JAVA_OPTS=-Xmx" + Math.max(1, 4 * mib / 1024) + "g (scripts/nlscope passes it to java)");
        } else if (t instanceof StackOverflowError) {
            err.println("nlscope: internal error: stack overflow (please report it with the input)");
        } else {
            err.println("nlscope: internal error: " + oneLine(String.valueOf(t)));
        }
        return Main.EXIT_FILE;
    }

    /**
     * Writing to stdout failed: a reader that went away ({@code | head}) ends quietly with the
     * code so far, anything else (a full disk) is an error.
     */
    static int stdoutFailed(IOException e, PrintWriter err, int codeSoFar) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("Broken pipe") || msg.contains("Stream closed")) {
            return codeSoFar;
        }
        err.println("nlscope: standard output: " + oneLine(msg));
        return Main.EXIT_FILE;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
