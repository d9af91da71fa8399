package org.nlscope.capture.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.linux.HelperPrivileges;
import org.nlscope.capture.linux.NlmonCapture;

/**
 * Starts a live capture the way this process can. As root, the capture helper runs as a plain
 * child ({@link ChildCapture}): it empties the kernel's ring in a JVM of its own, with capture's
 * collector of short pauses, so the desktop app's pauses (its serial collector stops every thread
 * for up to half a second under load) never stand between the ring and the frames. Without root
 * but with CAP_NET_ADMIN and CAP_NET_RAW (a setcap'd java) it captures in this process, since a
 * child could not inherit them; else the helper runs through {@code sudo -n} or {@code pkexec},
 * keeping only those two capabilities and reading no file of the user's. A request for some
 * processes' traffic alone keeps it as {@code capture --pid} does, in either place: a
 * {@link ScopedCapture} here, the helper's own filter there.
 */
public final class LiveCaptures {
    /** How root's helper is started, for the status line ("Capturing through a child process"). */
    static final String CHILD = "a child process";

    private LiveCaptures() {
    }

    /**
     * Opens the capture; the caller starts it.
     *
     * @throws CaptureException saying why it cannot start here and what to do
     */
    public static CaptureSource open(CaptureRequest request) {
        List<String> helper = HelperCommand.of(request);
        if (isRoot() && helper != null) {
            return ChildCapture.start(helper, CHILD);
        }
        if (hasCaptureCapabilities()) {
            return request.scoped() ? ScopedCapture.open(request) : NlmonCapture.open(request.options());
        }
        List<String> elevate = helper == null ? null : Elevation.find(helper);
        if (elevate == null) {
            throw noPrivileges();
        }
        List<String> command = new ArrayList<>(elevate);
        command.addAll(helper);
        return ChildCapture.start(command, elevate.get(0));
    }

    /**
     * Why {@link #open} would fail, or null. With the capabilities it brings nlmon up and
     * down once (the only way to learn whether the kernel has it); without, it only looks
     * for a way to elevate.
     */
    public static CaptureException check() {
        if (hasCaptureCapabilities()) {
            try (CaptureSource probe = NlmonCapture.open(CaptureRequest.everything().options())) {
                return null;
            } catch (CaptureException e) {
                return e;
            }
        }
        List<String> helper = HelperCommand.of(CaptureRequest.everything());
        return helper == null || Elevation.find(helper) == null ? noPrivileges() : null;
    }

    private static CaptureException noPrivileges() {
        return new CaptureException(CaptureException.Reason.PRIVILEGES,
                "it needs CAP_NET_ADMIN and CAP_NET_RAW, and neither sudo (without a password) nor "
                        + "pkexec is available. Start nlscope with sudo, or grant the capabilities to java once: "
                        + "sudo setcap cap_net_admin,cap_net_raw+ep " + javaBinary());
    }

    /** True when the effective capabilities hold both CAP_NET_ADMIN and CAP_NET_RAW (root has them). */
    public static boolean hasCaptureCapabilities() {
        String caps = statusField("CapEff");
        return caps != null && (Long.parseUnsignedLong(caps, 16) & HelperPrivileges.KEPT) == HelperPrivileges.KEPT;
    }

    /** True when this process's real user is root (uid 0), who runs the helper without sudo. */
    static boolean isRoot() {
        String uids = statusField("Uid");
        return uids != null && uids.split("\\s+")[0].equals("0");
    }

    /** A field of /proc/self/status ("CapEff" gives "000001ffffffffff"), or null: no /proc, not Linux, no capture. */
    private static String statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return null;
    }

    static String javaBinary() {
        String cmd = ProcessHandle.current().info().command().orElse("java");
        try {
            return Path.of(cmd).toRealPath().toString();
        } catch (IOException e) {
            return "$(readlink -f $(which java))";
        }
    }
}
