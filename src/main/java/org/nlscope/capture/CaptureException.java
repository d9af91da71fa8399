package org.nlscope.capture;

/**
 * A capture that cannot start or went wrong. The message is one line a user can act on
 * ("this kernel has no nlmon support (CONFIG_NLMON); try: modprobe nlmon").
 */
public class CaptureException extends RuntimeException {

    /** What kind of trouble, so a caller can choose an exit code or a banner. */
    public enum Reason {
        /** CAP_NET_ADMIN or CAP_NET_RAW missing. */
        PRIVILEGES,
        /** The kernel has no nlmon. */
        NO_NLMON,
        /** The interface asked for does not exist, or is not a netlink monitor. */
        INTERFACE,
        /** Anything else the kernel refused. */
        SYSTEM
    }

    private final Reason reason;

    public CaptureException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public CaptureException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
