package org.nlscope.nativeio;

import java.util.Map;

/**
 * A libc call (or a netlink request answered with an error) that failed: the call's
 * name, errno, its symbolic name and strerror's text, e.g.
 * {@code socket(AF_PACKET): EPERM (Operation not permitted)}.
 */
public class ErrnoException extends RuntimeException {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int EPROTONOSUPPORT = 93;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int ENOBUFS = 105;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(3, "ESRCH"), Map.entry(4, "EINTR"),
            Map.entry(5, "EIO"), Map.entry(6, "ENXIO"), Map.entry(7, "E2BIG"), Map.entry(9, "EBADF"),
            Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"), Map.entry(13, "EACCES"), Map.entry(14, "EFAULT"),
            Map.entry(16, "EBUSY"), Map.entry(17, "EEXIST"), Map.entry(19, "ENODEV"), Map.entry(22, "EINVAL"),
            Map.entry(23, "ENFILE"), Map.entry(24, "EMFILE"), Map.entry(28, "ENOSPC"), Map.entry(34, "ERANGE"),
            Map.entry(38, "ENOSYS"), Map.entry(61, "ENODATA"), Map.entry(75, "EOVERFLOW"),
            Map.entry(90, "EMSGSIZE"), Map.entry(92, "ENOPROTOOPT"), Map.entry(93, "EPROTONOSUPPORT"),
            Map.entry(95, "EOPNOTSUPP"), Map.entry(97, "EAFNOSUPPORT"), Map.entry(98, "EADDRINUSE"),
            Map.entry(100, "ENETDOWN"), Map.entry(105, "ENOBUFS"), Map.entry(107, "ENOTCONN"),
            Map.entry(110, "ETIMEDOUT"), Map.entry(111, "ECONNREFUSED"));

    private final String call;
    private final int errno;
    private final String detail;

    public ErrnoException(String call, int errno) {
        this(call, errno, null);
    }

    /**
     * @param detail more text from whoever failed (a netlink extended ACK message), or null
     */
    public ErrnoException(String call, int errno, String detail) {
        super(format(call, errno, detail), null, false, false);
        this.call = call;
        this.errno = errno;
        this.detail = detail;
    }

    private static String format(String call, int errno, String detail) {
        return call + ": " + name(errno) + " (" + text(errno) + ")" + (detail == null ? "" : ": " + detail);
    }

    /** errno's symbolic name, or "errno N" for one this table lacks. */
    public static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }

    /** strerror's text. */
    public static String text(int errno) {
        String s = LibC.strerror(errno);
        return s == null ? "unknown error" : s;
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    public String errnoName() {
        return name(errno);
    }

    public String strerror() {
        return text(errno);
    }

    /** Text the failing party added (an extended ACK message), or null. */
    public String detail() {
        return detail;
    }
}
