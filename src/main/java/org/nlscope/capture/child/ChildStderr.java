package org.nlscope.capture.child;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.nlscope.capture.scope.ScopeFilter;

/**
 * The last lines a child wrote to stderr, read on a thread of their own so the child never
 * blocks on a full pipe. Its last line is the one-line reason when it fails
 * ("nlscope: this kernel has no nlmon support ...").
 */
final class ChildStderr {
    /** Lines kept: enough to see what happened, bounded however much the child says. */
    static final int KEPT_LINES = 20;
    /** An exit code above this is 128 + the signal that ended the process (the shell's and Java's convention). */
    private static final int SIGNALLED = 128;
    private static final int SIGABRT = 6;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    private ChildStderr(InputStream err) {
        thread = new Thread(() -> follow(err), "nlscope-capture-stderr");
        thread.setDaemon(true);
    }

    static ChildStderr follow(Process process) {
        ChildStderr s = new ChildStderr(process.getErrorStream());
        s.thread.start();
        return s;
    }

    private void follow(InputStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    if (lines.size() == KEPT_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    /**
     * The helper's closing lines on a capture of some processes ({@link ScopeFilter#summary}),
     * once it has gone (waiting up to a second for the last of its stderr).
     */
    List<String> attribution() {
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith("port ") || l.endsWith(ScopeFilter.LEFT_OUT)).toList();
        }
    }

    /** The last line written, without the "nlscope: " prefix, or null. */
    String lastLine() {
        synchronized (lines) {
            return lines.isEmpty() ? null : lines.getLast().replaceFirst("^nlscope: ", "");
        }
    }

    /**
     * Why the child ended: the signal that ended it (a JVM that crashed aborts, and says so on
     * stdout, not here: its last stderr line was an earlier one's), else its last stderr line
     * once it has gone (waiting up to 3 s for it), else its exit code.
     */
    String whyEnded(Process process, String via) {
        try {
            process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS);
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        if (exit > SIGNALLED) {
            return "the capture started through " + via + " was ended by signal " + (exit - SIGNALLED)
                    + (exit - SIGNALLED == SIGABRT ? " (SIGABRT: its JVM crashed)" : "") + ", exit code " + exit;
        }
        String last = lastLine();
        return last != null ? last : "the capture started through " + via + " ended" + (exit < 0 ? "" : " with exit code " + exit);
    }
}
