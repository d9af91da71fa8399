package org.nlscope.capture.linux;

import org.nlscope.capture.CaptureException;
import org.nlscope.nativeio.Capabilities;
import org.nlscope.nativeio.ErrnoException;

/**
 * What the privileged capture helper keeps of root: CAP_NET_ADMIN (to bring nlmon up and
 * down) and CAP_NET_RAW (for the packet socket and its ring), and nothing else, with
 * no_new_privs so no program it could be tricked into running gains anything.
 *
 * <p>Linux keeps capabilities per thread: call this on the thread that then opens the
 * capture, before it starts any thread. The threads the JVM started before it (garbage
 * collector, compiler, signal dispatcher) keep what the process was started with, so the
 * helper is also started under {@link #WHOLE_PROCESS} (setpriv), which narrows the
 * bounding set before the JVM exists: then root's every thread holds the two alone.
 */
public final class HelperPrivileges {
    /** The mask kept: the two capabilities a capture needs. */
    public static final long KEPT = 1L << Capabilities.CAP_NET_ADMIN | 1L << Capabilities.CAP_NET_RAW;

    /**
     * util-linux's setpriv with the same policy for a whole process, run before the helper's
     * JVM: bounding set, inheritable and ambient sets narrowed, no_new_privs.
     */
    public static final java.util.List<String> WHOLE_PROCESS = java.util.List.of("setpriv", "--no-new-privs",
            "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all,+net_admin,+net_raw", "--");

    private HelperPrivileges() {
    }

    /**
     * Drops every other capability from the calling thread and sets no_new_privs.
     *
     * @return the effective capabilities afterwards
     * @throws CaptureException when the kernel refuses, or when the two needed are not there to keep
     */
    public static long dropAllButCapture() {
        Capabilities.Sets after;
        try {
            after = Capabilities.keepOnly(KEPT);
        } catch (ErrnoException | UnsatisfiedLinkError e) {
            throw new CaptureException(CaptureException.Reason.SYSTEM, "cannot drop privileges: " + e.getMessage(), e);
        }
        if (!after.hasEffective(Capabilities.CAP_NET_ADMIN) || !after.hasEffective(Capabilities.CAP_NET_RAW)) {
            throw new CaptureException(CaptureException.Reason.PRIVILEGES,
                    "the capture helper needs CAP_NET_ADMIN and CAP_NET_RAW: run it as root (through sudo or pkexec)");
        }
        return after.effective();
    }
}
