package org.nlscope.capture.linux;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.nlscope.model.CaptureStats;
import org.nlscope.nativeio.LibC;
import org.nlscope.nativeio.MappedRegion;
import org.nlscope.nativeio.NativeSocket;
import org.nlscope.nativeio.SockFilter;
import org.nlscope.nativeio.SockaddrLl;
import org.nlscope.nativeio.TpacketReq3;
import org.nlscope.nativeio.TpacketStatsV3;

/**
 * An AF_PACKET TPACKET_V3 receive ring on one interface: the kernel fills blocks of
 * packets in a shared mapping, we copy each block out and hand it back at once. No
 * system call per packet; poll() only when the next block is still the kernel's.
 * Link-type neutral: it delivers bytes and sockaddr_ll facts, the layer above knows
 * what they mean.
 *
 * <p>One thread reads ({@link #copyNextBlock} or {@link #nextBlock}); {@link #stats} and {@link #close} may come
 * from any thread. close() waits for the block in hand, so the mapping is never
 * unmapped under a reader.
 */
public final class RxRing implements AutoCloseable {

    /** Called for each packet of a block, on the reading thread. */
    @FunctionalInterface
    public interface PacketHandler {
        void packet(RingPacket packet);
    }

    /**
     * @param blockSize          bytes per block, a multiple of the page size; also the largest packet kept
     * @param blockCount         number of blocks
     * @param blockTimeoutMillis tp_retire_blk_tov: a block with packets is handed over after this long
     */
    public record Config(int blockSize, int blockCount, int blockTimeoutMillis) {
        public static final int PAGE = 4096;

        public Config {
            if (blockSize < PAGE || blockSize % PAGE != 0) {
                throw new IllegalArgumentException("block size must be a multiple of " + PAGE + ", not " + blockSize);
            }
            if (blockCount < 1) {
                throw new IllegalArgumentException("block count must be positive");
            }
        }

        /**
         * A ring of mb MiB in 256 KiB blocks (room for the largest netlink skb, and enough
         * blocks that the kernel fills some while we read one), each handed over within
         * 50 ms when traffic is light.
         */
        public static Config ofMegabytes(int mb) {
            return new Config(256 << 10, Math.max(1, mb) * 4, 50);
        }
    }

    private static final int TP_STATUS_KERNEL = 0;
    private static final int TP_STATUS_USER = 1;
    private static final int FRAME_SIZE = 2048;

    /** Block status words are shared with the kernel: read with acquire, written with release. */
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final String interfaceName;
    private final Config config;
    private final NativeSocket socket;
    private final MappedRegion region;
    private final ByteBuffer ring;
    private final ReentrantLock readLock = new ReentrantLock();
    private final RingPacket packet = new RingPacket();
    private ByteBuffer scratch;
    private final Object statsLock = new Object();
    private CaptureStats total = CaptureStats.NONE;
    private volatile boolean closed;
    private int current;

    private RxRing(String interfaceName, Config config, NativeSocket socket, MappedRegion region) {
        this.interfaceName = interfaceName;
        this.config = config;
        this.socket = socket;
        this.region = region;
        this.ring = region.buffer();
    }

    /**
     * Opens a ring on an interface. The filter (may be empty) is attached before the
     * socket is bound, so no unfiltered packet ever enters the ring.
     *
     * @throws org.nlscope.nativeio.ErrnoException when the kernel refuses a step
     */
    public static RxRing open(String interfaceName, int ifindex, Config config, List<SockFilter> filter) {
        // protocol 0: receive nothing until bind() names the interface and ETH_P_ALL
        NativeSocket socket = NativeSocket.open("AF_PACKET", LibC.AF_PACKET, LibC.SOCK_RAW, 0);
        MappedRegion region = null;
        try {
            socket.setInt(LibC.SOL_PACKET, LibC.PACKET_VERSION, "PACKET_VERSION", LibC.TPACKET_V3);
            if (!filter.isEmpty()) {
                socket.attachFilter(filter);
            }
            TpacketReq3 req = new TpacketReq3();
            req.tp_block_size = config.blockSize();
            req.tp_block_nr = config.blockCount();
            req.tp_frame_size = FRAME_SIZE;
            req.tp_frame_nr = config.blockSize() / FRAME_SIZE * config.blockCount();
            req.tp_retire_blk_tov = config.blockTimeoutMillis();
            socket.setOption(LibC.SOL_PACKET, LibC.PACKET_RX_RING, "PACKET_RX_RING", req);
            region = socket.map((long) config.blockSize() * config.blockCount());
            socket.bind(SockaddrLl.bindAll(ifindex));
            return new RxRing(interfaceName, config, socket, region);
        } catch (RuntimeException e) {
            if (region != null) {
                region.close();
            }
            socket.close();
            throw e;
        }
    }

    public String interfaceName() {
        return interfaceName;
    }

    public boolean isClosed() {
        return closed;
    }

    public Config config() {
        return config;
    }

    /**
     * Delivers the packets of the next block, then hands the block back to the kernel.
     * Waits up to pollMillis when the block is still the kernel's.
     *
     * @return packets delivered; 0 when nothing was ready in time or the ring is closed
     */
    public int nextBlock(PacketHandler handler, int pollMillis) {
        if (scratch == null) {
            scratch = ByteBuffer.allocate(config.blockSize()).order(ByteOrder.nativeOrder());
        }
        int length = copyNextBlock(scratch, pollMillis);
        return length == 0 ? 0 : RingBlock.forEach(scratch.slice(0, length).order(ByteOrder.nativeOrder()), packet, handler);
    }

    /**
     * Copies the next block's data (blk_len bytes) out of the ring into dst at index 0 and
     * hands the block back to the kernel at once: one bulk copy per block, nothing per
     * packet, so the kernel gets its space back as fast as memory copies. Waits up to
     * pollMillis when the block is still the kernel's. {@link RingBlock#forEach} reads the copy.
     *
     * @param dst at least the block size long
     * @return the bytes copied; 0 when nothing was ready in time or the ring is closed
     */
    public int copyNextBlock(ByteBuffer dst, int pollMillis) {
        if (dst.capacity() < config.blockSize()) {
            throw new IllegalArgumentException("a block copy needs " + config.blockSize() + " bytes, not " + dst.capacity());
        }
        readLock.lock();
        try {
            if (closed) {
                return 0;
            }
            int block = current * config.blockSize();
            if (((int) INT.getAcquire(ring, block + RingBlock.BLOCK_STATUS) & TP_STATUS_USER) == 0) {
                socket.poll((short) (LibC.POLLIN | LibC.POLLERR), pollMillis);
                if (((int) INT.getAcquire(ring, block + RingBlock.BLOCK_STATUS) & TP_STATUS_USER) == 0) {
                    return 0;
                }
            }
            try {
                int length = ring.getInt(block + RingBlock.BLOCK_LEN);
                if (length <= RingBlock.BLOCK_LEN || length > config.blockSize()) {
                    length = config.blockSize();    // not what the kernel writes; read the whole block
                }
                dst.put(0, ring, block, length);
                return length;
            } finally {
                INT.setRelease(ring, block + RingBlock.BLOCK_STATUS, TP_STATUS_KERNEL);
                current = (current + 1) % config.blockCount();
            }
        } finally {
            readLock.unlock();
        }
    }

    /**
     * The kernel's counters since the ring opened. PACKET_STATISTICS resets them on each
     * read, so they are summed here.
     */
    public CaptureStats stats() {
        synchronized (statsLock) {
            if (!socket.isClosed()) {
                TpacketStatsV3 s = socket.getOption(LibC.SOL_PACKET, LibC.PACKET_STATISTICS, "PACKET_STATISTICS",
                        new TpacketStatsV3());
                total = total.plus(new CaptureStats(s.tp_packets & 0xffffffffL, s.tp_drops & 0xffffffffL,
                        s.tp_freeze_q_cnt & 0xffffffffL));
            }
            return total;
        }
    }

    /** Reads the final counters, unmaps and closes. Idempotent; waits for a block in hand. */
    @Override
    public void close() {
        closed = true;
        readLock.lock();
        try {
            synchronized (statsLock) {
                if (socket.isClosed()) {
                    return;
                }
                try {
                    stats();
                } catch (RuntimeException e) {
                    // counters are best effort at close; the ring must still go
                }
                region.close();
                socket.close();
            }
        } finally {
            readLock.unlock();
        }
    }
}
