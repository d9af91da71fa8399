package org.nlscope.nativeio;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.nlscope.uapi.Errno;

/**
 * A libc call (or a netlink request answered with an error) that failed: the call's
 * name, errno, its symbolic name and strerror's text, e.g.
 * {@code socket(AF_PACKET): EPERM (Operation not permitted)}; and the one place where a
 * failed libc call's return code becomes one ({@link #check(String, int)}).
 */
public class ErrnoException extends RuntimeException {


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

    /** Returns rc, or throws with the thread's errno when rc is -1. */
    public static int check(String call, int rc) {
        if (rc == -1) {
            throw new ErrnoException(call, Native.getLastError());
        }
        return rc;
    }

    public static long check(String call, long rc) {
        if (rc == -1) {
            throw new ErrnoException(call, Native.getLastError());
        }
        return rc;
    }

    /** For if_nametoindex and friends, which return 0 on failure. */
    public static int checkNonZero(String call, int rc) {
        if (rc == 0) {
            throw new ErrnoException(call, Native.getLastError());
        }
        return rc;
    }

    /** For mmap, whose failure is MAP_FAILED ((void *) -1). */
    public static Pointer checkMap(String call, Pointer p) {
        if (p == null || Pointer.nativeValue(p) == -1L) {
            throw new ErrnoException(call, Native.getLastError());
        }
        return p;
    }

    /** errno's symbolic name, or "errno N" for a number Linux does not name. */
    public static String name(int errno) {
        String name = Errno.name(errno);
        return name == null ? "errno " + errno : name;
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
