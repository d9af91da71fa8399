package org.nlscope.nativeio;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Memory mapped from a file descriptor (a packet ring). Its owner must stop using
 * {@link #buffer()} before close(): the view points straight at the mapping.
 */
public final class MappedRegion implements AutoCloseable {
    private final Pointer address;
    private final long length;
    private final ByteBuffer view;
    private final AtomicBoolean closed = new AtomicBoolean();

    MappedRegion(Pointer address, long length) {
        this.address = address;
        this.length = length;
        this.view = address.getByteBuffer(0, length).order(ByteOrder.nativeOrder());
    }

    /** A direct, host-byte-order view of the whole mapping; duplicate() it to keep your own position. */
    public ByteBuffer buffer() {
        return view;
    }

    public long length() {
        return length;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ErrnoException.check("munmap", LibC.munmap(address, length));
        }
    }
}
