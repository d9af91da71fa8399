package org.nlscope.capture.linux;

import org.nlscope.nativeio.LibC;

/**
 * The capture's threads run at nice {@link #NICE} where the process may raise its
 * priority (root, CAP_SYS_NICE): when every core is busy, the threads that empty the
 * kernel's ring and write or print what it held must not wait behind the traffic they
 * record, or the kernel drops it. They use the CPU only while there is traffic. Where the
 * process may not, threads stay as they are; threads inherit the value. The desktop app's
 * helper, which keeps only CAP_NET_ADMIN and CAP_NET_RAW from before its JVM starts, is
 * started under {@code nice -n -10} instead (HelperCommand, packaging/nlscope-capture-helper).
 */
public final class CapturePriority {
    public static final int NICE = -10;

    private CapturePriority() {
    }

    /** Raises the calling thread's priority; false when the process may not. */
    public static boolean raiseCurrentThread() {
        return LibC.setpriority(LibC.PRIO_PROCESS, 0, NICE) == 0;
    }

    /**
     * Puts the calling thread back at the ordinary priority (nice 0; anyone may lower their
     * own). For a thread that decodes what the capture's threads hand it: it is behind
     * whenever the traffic outruns it, and at their priority it would then keep a core from
     * the ring's reader and from the collector's threads (which stay at nice 0), whose
     * falling behind stops every thread.
     */
    public static void lowerCurrentThread() {
        LibC.setpriority(LibC.PRIO_PROCESS, 0, 0);
    }
}
