package org.nlscope.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nlscope.capture.FrameSink;
import org.nlscope.capture.linux.NlmonCapture;
import org.nlscope.capture.linux.ProcessScope;
import org.nlscope.capture.scope.ScopeFilter;
import org.nlscope.capture.scope.ScopedSink;

/**
 * {@code capture -- COMMAND}, {@code --pid} and {@code --process}: the processes whose
 * traffic a capture keeps, the command it runs, and what the summary says about them.
 * The command runs as nlscope does (as root under sudo), the way strace and perf run
 * theirs; {@code sudo nlscope capture -- sudo -u USER CMD} runs it as USER, and its
 * children count as the command's.
 */
final class CaptureScope {
    /** After the command exits: past the ring's block timeout, so its last frames and late notifications arrive. */
    static final long DRAIN_NANOS = 300_000_000L;
    /** What a shell answers for a command it cannot run. */
    static final int EXIT_CANNOT_RUN = 127;

    private final List<String> command;
    private final Set<Integer> pids;
    private final Set<String> names;
    private final String description;
    private ProcessScope processes;
    private ScopedSink sink;
    private Process process;
    private long exitedAt;

    private CaptureScope(List<String> command, Set<Integer> pids, Set<String> names, String description) {
        this.command = command;
        this.pids = pids;
        this.names = names;
        this.description = description;
    }

    /**
     * Null when the capture keeps everything.
     *
     * @throws CliException for a --pid that names no process
     */
    static CaptureScope of(List<String> command, List<Integer> pids, List<String> names) throws CliException {
        if (command.isEmpty() && pids.isEmpty() && names.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!command.isEmpty()) {
            parts.add("the command '" + String.join(" ", command) + "'");
        }
        for (int pid : pids) {
            String comm = ProcessScope.comm(pid);
            if (comm == null) {
                throw new CliException("--pid " + pid + ": no such process", Main.EXIT_USAGE);
            }
            parts.add("pid " + pid + " (" + comm + ")");
        }
        for (String name : names) {
            if (name.isBlank() || name.contains("/")) {
                throw new CliException("--process wants a command name as ps -o comm shows it, not '" + name + "'",
                        Main.EXIT_USAGE);
            }
            parts.add("processes named " + name);
        }
        return new CaptureScope(List.copyOf(command), new LinkedHashSet<>(pids), new LinkedHashSet<>(names),
                "kept: the netlink traffic of " + String.join(", ", parts) + ", and of their children");
    }

    /** For the pcapng interface comment and the start line. */
    String description() {
        return description;
    }

    boolean runsCommand() {
        return !command.isEmpty();
    }

    /** The sink the capture feeds: it passes on only the scope's frames, to next. */
    FrameSink wrap(NlmonCapture capture, FrameSink next) {
        processes = new ProcessScope(pids, names, capture::portOwner);
        processes.listenForForks();
        sink = new ScopedSink(new ScopeFilter(processes), next);
        return sink;
    }

    /** Starts the command, once the capture runs; its stdin, stdout and stderr are nlscope's. */
    void startCommand() throws CliException {
        if (command.isEmpty()) {
            return;
        }
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new CliException("cannot run " + command.get(0) + ": " + Errors.oneLine(e.getMessage()), EXIT_CANNOT_RUN);
        }
        processes.add((int) process.pid());
    }

    /** True once the command has exited and the drain after it has passed: time to stop the capture. */
    boolean commandDone() {
        if (process == null || process.isAlive()) {
            return false;
        }
        if (exitedAt == 0) {
            exitedAt = System.nanoTime();
        }
        return System.nanoTime() - exitedAt >= DRAIN_NANOS;
    }

    /**
     * The command's exit code (128 + the signal when a signal ended it), or -1 without a
     * command. A command still running when the capture stopped first (-c, -a, SIGTERM) is
     * sent SIGTERM, and SIGKILL when it has not exited 5 s later.
     */
    int exitCode() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return process.waitFor();
    }

    /** The capture thread has ended: passes on what the filter still held. */
    void finish() {
        sink.finish();
    }

    /** "port 1234: pid 1234 (ip), by port id = pid" per port kept, then what was left out. */
    List<String> summary() {
        return sink.filter().summary();
    }

    /** Stops the command if nlscope is stopped first (Ctrl-C reaches it anyway, SIGTERM does not). */
    void destroy() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
        if (processes != null) {
            processes.close();
        }
    }

    /** pcapng's if_description: the namespace and what a scoped capture kept, or null when neither applies. */
    static String interfaceDescription(String netns, CaptureScope scope) {
        if (netns == null && scope == null) {
            return null;
        }
        String kept = scope == null ? null : scope.description();
        return netns == null ? kept : kept == null ? "nlmon in the " + netns : "nlmon in the " + netns + "; " + kept;
    }
}
