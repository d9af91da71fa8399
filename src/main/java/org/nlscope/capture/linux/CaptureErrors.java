package org.nlscope.capture.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureException.Reason;
import org.nlscope.nativeio.ErrnoException;
import org.nlscope.uapi.Errno;

/** Turns what the kernel refused into one line a user can act on. */
final class CaptureErrors {
    static final String NO_NLMON = "this kernel has no nlmon support (CONFIG_NLMON); try: modprobe nlmon";

    private CaptureErrors() {
    }

    static CaptureException privileges(ErrnoException e) {
        return new CaptureException(Reason.PRIVILEGES, "capturing netlink needs CAP_NET_ADMIN and CAP_NET_RAW: "
                + "run nlscope with sudo, or grant them to java once: sudo setcap cap_net_admin,cap_net_raw+ep "
                + javaBinary() + " (" + e.getMessage() + ")", e);
    }

    /** Privileges when errno says so, else the kernel's own words. */
    static CaptureException of(ErrnoException e) {
        if (e.errno() == Errno.EPERM || e.errno() == Errno.EACCES) {
            return privileges(e);
        }
        return new CaptureException(Reason.SYSTEM, e.getMessage(), e);
    }

    static String javaBinary() {
        String cmd = ProcessHandle.current().info().command().orElse("java");
        try {
            return Path.of(cmd).toRealPath().toString();
        } catch (Exception e) {
            return Files.exists(Path.of(cmd)) ? cmd : "$(readlink -f $(which java))";
        }
    }
}
