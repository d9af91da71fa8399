package org.nlscope.nativeio;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A large buffer outside the Java heap: malloc'd (so mmap'd, its pages committed only
 * when first written), not zeroed, not counted against -Xmx, and never scanned or moved
 * by the collector. It is freed only when nothing refers to it any more (JNA's cleaner),
 * never explicitly: no thread can ever touch it after it is gone.
 */
public final class NativeBuffer {
    private final Memory memory;
    private final ByteBuffer view;

    public NativeBuffer(long bytes) {
        if (bytes < 1 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a native buffer holds 1 to 2^31-1 bytes, not " + bytes);
        }
        this.memory = new Memory(bytes);
        this.view = memory.getByteBuffer(0, bytes).order(ByteOrder.nativeOrder());
    }

    /** A host-order view of the whole buffer (bounds-checked like any ByteBuffer); it keeps the buffer alive. */
    public ByteBuffer view() {
        return view;
    }

    public int capacity() {
        return view.capacity();
    }
}
