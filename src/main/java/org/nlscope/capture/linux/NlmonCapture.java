package org.nlscope.capture.linux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureException.Reason;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.FamilyPolicy;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.model.ProcessInfo;
import org.nlscope.nativeio.ErrnoException;

/**
 * A live capture of every netlink message: an nlmon device, a TPACKET_V3 ring on it
 * emptied from the moment it is bound by a {@link RingReader}, and frames made to look
 * exactly like tcpdump's (LINKTYPE_NETLINK: a 16-byte cooked header with the family
 * from sll_protocol, then the messages) on the capture thread.
 */
public final class NlmonCapture implements CaptureSource {
    /** How long one wait for the kernel lasts; also the longest close() waits for the reader. */
    static final int POLL_MILLIS = 100;
    /**
     * The copied blocks waiting for the sink may hold this much, or four times the ring when
     * that is more: outside the heap, and memory only once a backlog needs it.
     */
    static final long MIN_BACKLOG_BYTES = 256L << 20;
    /** The most the backlog may hold (a copy is addressed by an int). */
    static final long MAX_BACKLOG_BYTES = 1L << 30;
    /** Under a steady stream the sink still hears endOfBatch (and flushes) this often. */
    static final long BATCH_NANOS = 100_000_000L;

    private final NlmonLink link;
    private final RxRing ring;
    private final RingReader reader;
    private final Map<Integer, String> genlFamilies;
    private final Map<String, FamilyPolicy> policies;
    private final Map<Integer, String> interfaces;
    private final PortOwners ports;
    private final NetNamespace netns;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopRequested;
    private volatile Thread thread;

    private NlmonCapture(NlmonLink link, RxRing ring, RingReader reader, Map<Integer, String> genlFamilies,
                         Map<String, FamilyPolicy> policies, Map<Integer, String> interfaces, PortOwners ports,
                         NetNamespace netns) {
        this.policies = Map.copyOf(policies);
        this.netns = netns;
        this.interfaces = Map.copyOf(interfaces);
        this.link = link;
        this.ring = ring;
        this.reader = reader;
        this.genlFamilies = genlFamilies;
        this.ports = ports;
    }

    /**
     * Brings up (or finds) the monitor device, opens the ring with the family filter and
     * takes the genl (families and their policies) and link snapshots. Everything that can fail fails here.
     *
     * @throws CaptureException with a one-line reason
     */
    public static NlmonCapture open(CaptureOptions options) {
        NetNamespace netns = NetNamespace.open(options.netns());
        try {
            // every socket is made on a thread inside the namespace, and stays bound there
            return netns.call(() -> openIn(netns, options));
        } catch (RuntimeException e) {
            netns.close();
            throw e;
        }
    }

    private static NlmonCapture openIn(NetNamespace netns, CaptureOptions options) {
        NlmonLink link = NlmonLink.acquire(options.interfaceName(), netns);
        RxRing ring = null;
        RingReader reader = null;
        try {
            // before the ring: a policy dump is hundreds of nlctrl messages nobody asked to capture
            Map<String, FamilyPolicy> policies = GenlFamilies.policies(GenlFamilies.snapshot());
            RxRing.Config config = RxRing.Config.ofMegabytes(options.ringMegabytes());
            ring = RxRing.open(link.name(), link.index(), config, ProtocolFilter.compile(options.families()));
            // emptied from now on: the snapshots below and the caller's start-up take time
            reader = new RingReader(ring, backlogBytes(config), POLL_MILLIS);
            reader.start();
            Map<Integer, String> genl = GenlFamilies.snapshot();
            Map<Integer, String> links = NlmonLink.linkNames();
            PortOwners ports = options.resolveProcesses() ? new PortOwners(netns) : null;
            if (ports != null) {
                ports.refresh();
            }
            return new NlmonCapture(link, ring, reader, genl, policies, links, ports, netns);
        } catch (ErrnoException e) {
            closeQuietly(reader, ring, link);
            throw CaptureErrors.of(e);
        } catch (RuntimeException e) {
            closeQuietly(reader, ring, link);
            throw e;
        }
    }

    /** The backlog of copied blocks: four times the ring, at least {@link #MIN_BACKLOG_BYTES}. */
    static long backlogBytes(RxRing.Config config) {
        long ring = (long) config.blockSize() * config.blockCount();
        return Math.min(Math.max(MIN_BACKLOG_BYTES, 4 * ring), MAX_BACKLOG_BYTES);
    }

    private static void closeQuietly(RingReader reader, RxRing ring, NlmonLink link) {
        if (reader != null) {
            reader.close();
        }
        if (ring != null) {
            ring.close();
        }
        try {
            link.close();
        } catch (RuntimeException ignored) {
            // the first error is the one to report
        }
    }

    @Override
    public String interfaceName() {
        return link.name();
    }

    /** "netns blue" when the capture runs in another network namespace, else null. */
    public String netnsLabel() {
        return netns.label();
    }

    /** True when this capture made the device it reads (and will remove it). */
    public boolean createdDevice() {
        return link.created();
    }

    /** nlmon devices that dead nlscope processes left behind and this capture removed at its start, one line each. */
    public List<String> removedStaleDevices() {
        return link.removedStale();
    }

    @Override
    public void start(FrameSink sink) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("capture already started");
        }
        Thread t = new Thread(() -> run(sink), "nlscope-capture " + link.name());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(FrameSink sink) {
        CapturePriority.raiseCurrentThread();
        RingPacket packet = new RingPacket();
        RxRing.PacketHandler handler = p -> sink.accept(toFrame(p));
        long lastBatch = System.nanoTime();
        try {
            while (true) {
                // once stopping, what the reader copied still goes out: the kernel counted it as received
                boolean readerDone = reader.ended();
                Backlog.Copy copy = reader.take(stopRequested ? 10 : POLL_MILLIS);
                if (copy == null) {
                    if (readerDone) {
                        Throwable f = reader.failure();
                        if (f != null && !ring.isClosed()) {
                            failure.set(f);
                        }
                        return;
                    }
                    continue;
                }
                try {
                    RingBlock.forEach(copy.block(), packet, handler);
                } finally {
                    reader.release(copy);
                }
                long now = System.nanoTime();
                if (!reader.hasMore() || now - lastBatch > BATCH_NANOS) {
                    sink.endOfBatch();
                    lastBatch = now;
                }
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /** A LINKTYPE_NETLINK frame: cooked header, then the messages copied out of the ring. */
    private Frame toFrame(RingPacket p) {
        // the packet is in the backlog: a second copy per frame, since a Frame owns its bytes
        byte[] data = new byte[16 + p.snapLength()];
        System.arraycopy(CookedHeader.netlinkHeader(p.packetType(), p.protocol()), 0, data, 0, 16);
        p.copyData(data, 16);
        if (ports != null) {
            noticePorts(data);
        }
        return new Frame(p.timestampNanos(), LinkType.NETLINK, data, 16 + p.originalLength(), p.packetType(), null);
    }

    /** Tells the port map about each message's nlmsg_pid. */
    private void noticePorts(byte[] data) {
        int pos = 16;
        while (pos + 16 <= data.length) {
            int len = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | (data[pos + 3] & 0xff) << 24;
            long pid = (data[pos + 12] & 0xffL) | (data[pos + 13] & 0xffL) << 8 | (data[pos + 14] & 0xffL) << 16
                    | (data[pos + 15] & 0xffL) << 24;
            ports.notice(pid);
            if (len < 16) {
                return;
            }
            pos += (len + 3) & ~3;
        }
    }

    @Override
    public void stop() {
        stopRequested = true;
        reader.close();
    }

    /** How full the backlog of copied blocks came: the most that waited at once, and how much it holds. */
    public String backlogPeak() {
        return (reader.peakBytes() >> 10) + " of " + (reader.capacityBytes() >> 10) + " KiB";
    }

    @Override
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        if (!CaptureSource.joined(thread, timeout)) {
            return false;
        }
        Throwable f = failure.get();
        if (f instanceof CaptureException c) {
            throw c;
        }
        if (f instanceof ErrnoException e) {
            throw CaptureErrors.of(e);
        }
        if (f != null) {
            throw new CaptureException(Reason.SYSTEM, "capture stopped: " + f, f);
        }
        return true;
    }

    @Override
    public CaptureStats stats() {
        return ring.stats();
    }

    @Override
    public CaptureMetadata metadata() {
        return new CaptureMetadata(genlFamilies, ports == null ? Map.of() : ports.snapshot(), stats(), interfaces,
                policies);
    }

    /** What sock_diag last said about a port (the lookup this capture's traffic triggers), or null. */
    public ProcessInfo portOwner(long portId) {
        return ports == null ? null : ports.owner(portId);
    }

    /** The generic netlink families at start, id to name. */
    public Map<Integer, String> genlFamilies() {
        return genlFamilies;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop();
        Thread t = thread;
        try {
            reader.stop(10L * POLL_MILLIS);
            if (t != null && t != Thread.currentThread()) {
                t.join(10L * POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the device first: if a stuck sink keeps the ring busy, nlmon0 must still go
        try {
            link.close();
        } finally {
            if (ports != null) {
                ports.close();
            }
            ring.close();
            netns.close();
        }
    }
}
