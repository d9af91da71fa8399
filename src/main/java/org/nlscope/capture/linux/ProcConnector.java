package org.nlscope.capture.linux;

import static org.nlscope.uapi.Netlink.NETLINK_CONNECTOR;
import static org.nlscope.uapi.Netlink.NLMSG_DONE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nlscope.nativeio.ErrnoException;
import org.nlscope.nativeio.LibC;
import org.nlscope.nativeio.NativeSocket;
import org.nlscope.nativeio.SockaddrNl;
import org.nlscope.uapi.Errno;

/**
 * Fork and exec events from the kernel's process connector (NETLINK_CONNECTOR,
 * CN_IDX_PROC), so a {@link ProcessScope} learns of a child, and the name it runs under,
 * even when it exits before anyone looks at /proc. nlmon never sees this family (the tap passes only route, sock_diag, netfilter,
 * generic and a few more), so listening adds nothing to the capture. Best effort: where
 * the connector is missing (another network namespace than the first, no
 * CONFIG_PROC_EVENTS) the scope walks /proc alone.
 */
final class ProcConnector implements AutoCloseable {
    static final int CN_IDX_PROC = 1;
    static final int CN_VAL_PROC = 1;
    static final int PROC_CN_MCAST_LISTEN = 1;
    static final int PROC_EVENT_FORK = 1;
    static final int PROC_EVENT_EXEC = 2;
    /** nlmsghdr (16) + struct cn_msg (20): where struct proc_event starts. */
    static final int EVENT = 36;
    /** struct proc_event: what, cpu, timestamp_ns, then the event's data. */
    static final int EVENT_DATA = EVENT + 16;

    private final NativeSocket socket;
    private final Thread reader;
    private volatile boolean closed;

    private ProcConnector(NativeSocket socket, ProcessScope scope) {
        this.socket = socket;
        this.reader = new Thread(() -> read(scope), "nlscope-proc-events");
        reader.setDaemon(true);
    }

    /** Listening and feeding scope's fork events, or null when the connector is not available. */
    static ProcConnector listen(ProcessScope scope) {
        NativeSocket s;
        try {
            s = NativeSocket.open("NETLINK_CONNECTOR", LibC.AF_NETLINK, LibC.SOCK_DGRAM, NETLINK_CONNECTOR);
        } catch (ErrnoException e) {
            return null;
        }
        try {
            SockaddrNl address = new SockaddrNl();
            address.nl_groups = CN_IDX_PROC;
            s.bind(address);
            byte[] listen = subscribe();
            s.send(listen, listen.length, new SockaddrNl());
        } catch (ErrnoException e) {
            s.close();
            return null;
        }
        ProcConnector c = new ProcConnector(s, scope);
        c.reader.start();
        return c;
    }

    /** nlmsghdr + struct cn_msg {idx, val, seq, ack, len, flags} + enum proc_cn_mcast_op. */
    static byte[] subscribe() {
        ByteBuffer b = ByteBuffer.allocate(EVENT + 4).order(ByteOrder.nativeOrder());
        b.putInt(EVENT + 4).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(0).putInt(0);
        b.putInt(CN_IDX_PROC).putInt(CN_VAL_PROC).putInt(0).putInt(0).putShort((short) 4).putShort((short) 0);
        b.putInt(PROC_CN_MCAST_LISTEN);
        return b.array();
    }

    private void read(ProcessScope scope) {
        byte[] buf = new byte[8192];
        while (!closed) {
            try {
                if (socket.poll(LibC.POLLIN, 100) == 0) {
                    continue;
                }
                int n = socket.receive(buf, LibC.MSG_DONTWAIT);
                ByteBuffer b = ByteBuffer.wrap(buf, 0, n).order(ByteOrder.nativeOrder());
                if (n >= EVENT_DATA + 8 && b.getInt(EVENT) == PROC_EVENT_EXEC) {
                    scope.execed(b.getInt(EVENT_DATA + 4));   // struct exec_proc_event: process_pid, process_tgid
                } else if (n >= EVENT_DATA + 16 && b.getInt(EVENT) == PROC_EVENT_FORK) {
                    int parentTgid = b.getInt(EVENT_DATA + 4);
                    int childPid = b.getInt(EVENT_DATA + 8);
                    int childTgid = b.getInt(EVENT_DATA + 12);
                    if (childPid == childTgid) {   // a process, not a thread
                        scope.forked(parentTgid, childTgid);
                    }
                }
            } catch (ErrnoException e) {
                if (closed || e.errno() == Errno.EBADF) {
                    return;
                }
                // ENOBUFS (events came faster than read) or EAGAIN: go on with the next ones
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.close();
    }
}
