package org.nlscope.nativeio;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The one place where a failed libc call becomes an {@link ErrnoException}. */
public final class Errno {

    private Errno() {
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
}
