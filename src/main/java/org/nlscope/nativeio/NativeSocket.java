package org.nlscope.nativeio;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.nlscope.uapi.Errno;

/**
 * A socket file descriptor. Every call runs under the read side of a lock and close()
 * takes the write side, so close() waits for a call in flight (poll is always given a
 * timeout, so that wait is short) and no call ever sees a descriptor number that was
 * closed and perhaps reused. Calls after close() fail with EBADF.
 */
public final class NativeSocket implements AutoCloseable {

    @FunctionalInterface
    private interface FdCall<T> {
        T apply(int fd);
    }

    private final String what;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private int fd;

    private NativeSocket(String what, int fd) {
        this.what = what;
        this.fd = fd;
    }

    /**
     * @param what how errors name the socket, e.g. "AF_PACKET" or "NETLINK_ROUTE"
     */
    public static NativeSocket open(String what, int domain, int type, int protocol) {
        int fd = ErrnoException.check("socket(" + what + ")", LibC.socket(domain, type | LibC.SOCK_CLOEXEC, protocol));
        return new NativeSocket(what, fd);
    }

    private <T> T call(String name, FdCall<T> body) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new ErrnoException(name + "(" + what + ")", Errno.EBADF, "socket is closed");
            }
            return body.apply(fd);
        } finally {
            lock.readLock().unlock();
        }
    }

    private String named(String call) {
        return call + "(" + what + ")";
    }

    public void bind(Structure address) {
        address.write();
        call("bind", fd -> ErrnoException.check(named("bind"), LibC.bind(fd, address.getPointer(), address.size())));
    }

    public void setInt(int level, int option, String optionName, int value) {
        Memory m = new Memory(4);
        m.setInt(0, value);
        call("setsockopt", fd -> ErrnoException.check(named("setsockopt " + optionName),
                LibC.setsockopt(fd, level, option, m, 4)));
    }

    public void setOption(int level, int option, String optionName, Structure value) {
        value.write();
        call("setsockopt", fd -> ErrnoException.check(named("setsockopt " + optionName),
                LibC.setsockopt(fd, level, option, value.getPointer(), value.size())));
    }

    /** Fills value from getsockopt. */
    public <S extends Structure> S getOption(int level, int option, String optionName, S value) {
        int[] len = {value.size()};
        call("getsockopt", fd -> ErrnoException.check(named("getsockopt " + optionName),
                LibC.getsockopt(fd, level, option, value.getPointer(), len)));
        value.read();
        return value;
    }

    /** Attaches a classic BPF program (SO_ATTACH_FILTER). */
    public void attachFilter(List<SockFilter> program) {
        SockFilter[] array = (SockFilter[]) new SockFilter().toArray(program.size());
        for (int i = 0; i < array.length; i++) {
            array[i].code = program.get(i).code;
            array[i].jt = program.get(i).jt;
            array[i].jf = program.get(i).jf;
            array[i].k = program.get(i).k;
            array[i].write();
        }
        SockFprog prog = new SockFprog();
        prog.len = (short) array.length;
        prog.filter = array[0].getPointer();
        setOption(LibC.SOL_SOCKET, LibC.SO_ATTACH_FILTER, "SO_ATTACH_FILTER", prog);
    }

    /** Sends len bytes of buf to address (null: the connected or default peer). */
    public int send(byte[] buf, int len, Structure address) {
        if (address != null) {
            address.write();
        }
        Pointer a = address == null ? null : address.getPointer();
        int alen = address == null ? 0 : address.size();
        return (int) (long) call("sendto",
                fd -> ErrnoException.check(named("sendto"), LibC.sendto(fd, buf, len, 0, a, alen)));
    }

    /** Receives into buf; returns bytes received. MSG_DONTWAIT with nothing queued throws EAGAIN. */
    public int receive(byte[] buf, int flags) {
        return (int) (long) call("recvfrom",
                fd -> ErrnoException.check(named("recvfrom"), LibC.recvfrom(fd, buf, buf.length, flags, null, null)));
    }

    /**
     * Waits up to timeoutMillis for events; returns revents, 0 on timeout or when a signal
     * interrupted the wait.
     */
    public int poll(short events, int timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("poll needs a timeout so close() is never blocked for long");
        }
        return call("poll", fd -> {
            PollFd p = new PollFd();
            p.fd = fd;
            p.events = events;
            p.write();
            int n = LibC.poll(p.getPointer(), 1, timeoutMillis);
            if (n == -1) {
                int errno = com.sun.jna.Native.getLastError();
                if (errno == Errno.EINTR) {
                    return 0;
                }
                throw new ErrnoException(named("poll"), errno);
            }
            p.read();
            return n == 0 ? 0 : p.revents & 0xffff;
        });
    }

    /** Maps length bytes of this socket's ring (MAP_SHARED, read/write). */
    public MappedRegion map(long length) {
        return call("mmap", fd -> new MappedRegion(ErrnoException.checkMap(named("mmap"),
                LibC.mmap(null, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0)), length));
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes once; later calls do nothing. Waits for a call in flight on another thread. */
    @Override
    public void close() {
        closed = true;
        lock.writeLock().lock();
        try {
            if (fd >= 0) {
                int old = fd;
                fd = -1;
                ErrnoException.check(named("close"), LibC.close(old));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return what + " socket " + (closed ? "(closed)" : "fd " + fd);
    }
}
