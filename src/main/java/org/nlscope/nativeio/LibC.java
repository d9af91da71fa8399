package org.nlscope.nativeio;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few libc functions nlscope calls, direct-mapped (no proxy, no varargs) because
 * poll() and the socket calls sit on the capture's hot path. Callers check results
 * through {@link ErrnoException#check}; nothing here throws. Sizes are 64-bit (size_t, ssize_t,
 * off_t as long): nlscope runs on 64-bit Linux only.
 */
public final class LibC {

    // <sys/socket.h>, <linux/socket.h>
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVBUF = 8;
    public static final int SO_ATTACH_FILTER = 26;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int MSG_DONTWAIT = 0x40;

    // <linux/if_packet.h>, <linux/if_ether.h>
    public static final int SOL_PACKET = 263;
    public static final int PACKET_RX_RING = 5;
    public static final int PACKET_STATISTICS = 6;
    public static final int PACKET_VERSION = 10;
    public static final int TPACKET_V3 = 2;
    public static final int ETH_P_ALL = 0x0003;

    // <sys/socket.h>: the level of the netlink socket options (uapi.Netlink.NETLINK_CAP_ACK ...)
    public static final int SOL_NETLINK = 270;

    // <poll.h>
    public static final short POLLIN = 0x1;
    public static final short POLLERR = 0x8;

    // <sys/mman.h>
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int MAP_SHARED = 0x1;

    // <linux/prctl.h>
    public static final int PR_CAPBSET_READ = 23;
    public static final int PR_CAPBSET_DROP = 24;
    public static final int PR_SET_NO_NEW_PRIVS = 38;
    public static final int PR_GET_NO_NEW_PRIVS = 39;
    public static final int PR_CAP_AMBIENT = 47;
    public static final int PR_CAP_AMBIENT_CLEAR_ALL = 4;

    // <fcntl.h>, <sched.h>
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    // <linux/capability.h>
    public static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    public static native int socket(int domain, int type, int protocol);

    public static native int bind(int fd, Pointer addr, int addrlen);

    public static native int setsockopt(int fd, int level, int name, Pointer value, int len);

    public static native int getsockopt(int fd, int level, int name, Pointer value, int[] len);

    public static native long sendto(int fd, byte[] buf, long len, int flags, Pointer addr, int addrlen);

    public static native long recvfrom(int fd, byte[] buf, long len, int flags, Pointer addr, int[] addrlen);

    public static native int poll(Pointer fds, long nfds, int timeoutMillis);

    public static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    public static native int munmap(Pointer addr, long length);

    public static native int close(int fd);

    /** open(2) is variadic in C; mode is read only with O_CREAT, which nlscope never passes. */
    public static native int open(String path, int flags, int mode);

    /** setns(2): moves the calling thread (only it) into the namespace fd refers to. */
    public static native int setns(int fd, int nstype);

    public static native int if_nametoindex(String name);

    public static native int getpid();

    /** PRIO_PROCESS with who 0: on Linux the calling thread alone (the nice value is per thread). */
    public static final int PRIO_PROCESS = 0;

    public static native int setpriority(int which, int who, int prio);

    public static native String strerror(int errnum);

    /** prctl(2) is variadic in C; every option used here takes at most four unsigned long arguments. */
    public static native int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    /**
     * capget(2)/capset(2) with a version 3 header: {@code header} is {version, pid}, {@code data}
     * two {effective, permitted, inheritable} triples, the low 32 capabilities first.
     */
    public static native int capget(int[] header, int[] data);

    public static native int capset(int[] header, int[] data);
}
