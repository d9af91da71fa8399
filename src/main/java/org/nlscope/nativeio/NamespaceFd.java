package org.nlscope.nativeio;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.nlscope.uapi.Errno;

/**
 * An open network namespace file (/run/netns/NAME, /proc/PID/ns/net). Holding it keeps
 * the namespace alive, so a capture can come back to it to remove its device even when
 * every process in it has gone. As with {@link NativeSocket}, close() waits for a call
 * in flight so no call sees a closed (perhaps reused) descriptor number.
 */
public final class NamespaceFd implements AutoCloseable {
    private final String path;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int fd;

    private NamespaceFd(String path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /** Opens the file read-only. */
    public static NamespaceFd open(String path) {
        return new NamespaceFd(path, ErrnoException.check("open(" + path + ")", LibC.open(path, LibC.O_RDONLY | LibC.O_CLOEXEC, 0)));
    }

    /**
     * setns(2) with CLONE_NEWNET: the calling thread, and no other, now lives in this
     * network namespace; sockets it creates from now on belong there for their whole life.
     */
    public void enterNetworkNamespace() {
        lock.readLock().lock();
        try {
            if (fd < 0) {
                throw new ErrnoException("setns(" + path + ")", Errno.EBADF, "namespace file is closed");
            }
            ErrnoException.check("setns(" + path + ")", LibC.setns(fd, LibC.CLONE_NEWNET));
        } finally {
            lock.readLock().unlock();
        }
    }

    public String path() {
        return path;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (fd >= 0) {
                int old = fd;
                fd = -1;
                LibC.close(old);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
