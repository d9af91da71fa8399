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
 * Starts a live capture the way this process can: in-process when it holds CAP_NET_ADMIN
 * and CAP_NET_RAW, else as a privileged child ({@link ChildCapture}) through {@code sudo -n}
 * or {@code pkexec}, which keeps only those two capabilities and reads no file of the user's.
 * A request for some processes' traffic alone keeps it as {@code capture --pid} does, in
 * either place: a {@link ScopedCapture} here, the helper's own filter there.
 */
public final class LiveCaptures {
    private LiveCaptures() {
    }

    /**
     * Opens the capture; the caller starts it.
     *
     * @throws CaptureException saying why it cannot start here and what to do
     */
    public static CaptureSource open(CaptureRequest request) {
        if (hasCaptureCapabilities()) {
            return request.scoped() ? ScopedCapture.open(request) : NlmonCapture.open(request.options());
        }
        List<String> helper = HelperCommand.of(request);
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
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (caps & HelperPrivileges.KEPT) == HelperPrivileges.KEPT;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: not Linux, no capture
        }
        return false;
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
