package org.nlscope.capture.linux;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureException.Reason;
import org.nlscope.nativeio.ErrnoException;
import org.nlscope.nativeio.NamespaceFd;
import org.nlscope.uapi.Errno;

/**
 * The network namespace a capture works in: this process's own, or another one named
 * the way {@code --netns} takes it. setns(2) moves only the calling thread, and a socket
 * stays in the namespace it was created in, so every socket of a capture in another
 * namespace (rtnetlink for the device, the AF_PACKET ring, genl and sock_diag for the
 * snapshots) is created on a thread that entered it first: {@link #call} runs a body on
 * such a thread, {@link #threads} makes such threads for a worker. No other thread of the
 * JVM ever changes namespace.
 */
final class NetNamespace implements AutoCloseable {
    /** This process's own namespace: bodies run on the caller's thread. */
    static final NetNamespace CURRENT = new NetNamespace(null, null);

    private final String label;
    private final NamespaceFd fd;

    private NetNamespace(String label, NamespaceFd fd) {
        this.label = label;
        this.fd = fd;
    }

    /**
     * Opens the namespace a {@code --netns} argument names: digits are a process id
     * ({@code /proc/PID/ns/net}), anything with a slash a path, anything else a name under
     * /run/netns (as {@code ip netns add} makes them). Null is {@link #CURRENT}.
     *
     * @throws CaptureException naming the argument and what is wrong with it
     */
    static NetNamespace open(String spec) {
        if (spec == null) {
            return CURRENT;
        }
        String path = path(spec);
        NamespaceFd fd;
        try {
            fd = NamespaceFd.open(path);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.ENOENT) {
                throw new CaptureException(Reason.INTERFACE, "--netns " + spec + ": " + missing(spec, path), e);
            }
            throw new CaptureException(Reason.SYSTEM, "--netns " + spec + ": " + e.getMessage(), e);
        }
        NetNamespace ns = new NetNamespace(CaptureOptions.netnsLabel(spec), fd);
        try {
            ns.call(() -> null);   // fails now, with a clear reason, if it cannot be entered
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    static String path(String spec) {
        if (spec.isEmpty()) {
            throw new CaptureException(Reason.INTERFACE, "--netns needs a name under /run/netns, a path or a process id");
        }
        if (spec.chars().allMatch(Character::isDigit)) {
            return "/proc/" + spec + "/ns/net";
        }
        return spec.contains("/") ? spec : "/run/netns/" + spec;
    }

    private static String missing(String spec, String path) {
        if (spec.chars().allMatch(Character::isDigit)) {
            return "no process " + spec + " (" + path + " does not exist)";
        }
        if (spec.contains("/")) {
            return path + " does not exist";
        }
        return "no network namespace named " + spec + " (" + path + " does not exist; 'ip netns list' shows the names)";
    }

    /** "netns blue", "netns of pid 1234"; null for this process's own namespace. */
    String label() {
        return label;
    }

    boolean isCurrent() {
        return fd == null;
    }

    /**
     * Runs body with this namespace as the thread's network namespace: on the caller's
     * thread for {@link #CURRENT}, else on a new thread that enters it first and ends with
     * the body. Waits for the body even when interrupted (a device removal must finish).
     */
    <T> T call(Supplier<T> body) {
        if (fd == null) {
            return body.get();
        }
        FutureTask<T> task = new FutureTask<>(() -> {
            enter();
            return body.get();
        });
        // the task enters itself, so a failure to enter reaches get() as its exception
        Thread t = new Thread(task, "nlscope-netns");
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new CaptureException(Reason.SYSTEM, String.valueOf(cause), cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Daemon threads that enter this namespace before their first task (plain ones for
     * {@link #CURRENT}); for workers of a capture that {@link #open} has proved enterable.
     */
    ThreadFactory threads(String name) {
        return r -> {
            Thread t = new Thread(fd == null ? r : () -> {
                enter();
                r.run();
            }, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void enter() {
        try {
            fd.enterNetworkNamespace();
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EPERM) {
                throw new CaptureException(Reason.PRIVILEGES, "entering the " + label
                        + " needs CAP_SYS_ADMIN: run nlscope with sudo (" + e.getMessage() + ")", e);
            }
            if (e.errno() == Errno.EINVAL) {
                throw new CaptureException(Reason.INTERFACE, fd.path() + " is not a network namespace", e);
            }
            throw new CaptureException(Reason.SYSTEM, "entering the " + label + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (fd != null) {
            fd.close();
        }
    }
}
