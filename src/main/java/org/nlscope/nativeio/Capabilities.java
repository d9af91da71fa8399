package org.nlscope.nativeio;

import static org.nlscope.uapi.Errno.EINVAL;

/**
 * The calling thread's Linux capabilities, narrowed with prctl(2) and capset(2).
 *
 * <p>Capabilities, the bounding set and no_new_privs belong to a thread; a thread or
 * process started afterwards inherits them from the thread that starts it. So narrowing
 * is done first thing on the thread that then starts all the work.
 */
public final class Capabilities {
    /** Bit numbers of linux/capability.h. */
    public static final int CAP_SETPCAP = 8;
    public static final int CAP_NET_ADMIN = 12;
    public static final int CAP_NET_RAW = 13;


    private Capabilities() {
    }

    /** The calling thread's sets, as 64-bit masks. */
    public record Sets(long effective, long permitted, long inheritable) {
        public boolean hasEffective(int cap) {
            return (effective >>> cap & 1) == 1;
        }
    }

    public static Sets current() {
        int[] header = {LibC.LINUX_CAPABILITY_VERSION_3, 0};
        int[] data = new int[6];
        ErrnoException.check("capget", LibC.capget(header, data));
        return new Sets(join(data[0], data[3]), join(data[1], data[4]), join(data[2], data[5]));
    }

    /**
     * Keeps only the capabilities in {@code keep} (a mask of 1 &lt;&lt; CAP_*): sets
     * no_new_privs (no later execve can gain any), drops every other capability from the
     * bounding set (when CAP_SETPCAP allows it), clears the ambient and inheritable sets,
     * and leaves effective = permitted = keep &amp; what the thread had.
     *
     * @return the sets afterwards
     * @throws ErrnoException naming the call the kernel refused
     */
    public static Sets keepOnly(long keep) {
        ErrnoException.check("prctl(PR_SET_NO_NEW_PRIVS)", LibC.prctl(LibC.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
        Sets before = current();
        if (before.hasEffective(CAP_SETPCAP)) {
            // the kernel answers EINVAL for the first number past its last capability
            for (int cap = 0; cap < 64 && LibC.prctl(LibC.PR_CAPBSET_READ, cap, 0, 0, 0) >= 0; cap++) {
                if ((keep >>> cap & 1) == 0) {
                    ErrnoException.check("prctl(PR_CAPBSET_DROP, " + cap + ")", LibC.prctl(LibC.PR_CAPBSET_DROP, cap, 0, 0, 0));
                }
            }
        }
        if (LibC.prctl(LibC.PR_CAP_AMBIENT, LibC.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) == -1) {
            int errno = com.sun.jna.Native.getLastError();
            if (errno != EINVAL) {   // EINVAL: a kernel before 4.3, which has no ambient set
                throw new ErrnoException("prctl(PR_CAP_AMBIENT_CLEAR_ALL)", errno);
            }
        }
        long kept = keep & before.permitted();
        int[] header = {LibC.LINUX_CAPABILITY_VERSION_3, 0};
        int[] data = {(int) kept, (int) kept, 0, (int) (kept >>> 32), (int) (kept >>> 32), 0};
        ErrnoException.check("capset", LibC.capset(header, data));
        return current();
    }

    /** Whether no_new_privs is set on the calling thread. */
    public static boolean noNewPrivs() {
        return ErrnoException.check("prctl(PR_GET_NO_NEW_PRIVS)", LibC.prctl(LibC.PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)) == 1;
    }

    private static long join(int low, int high) {
        return (low & 0xffffffffL) | (long) high << 32;
    }
}
