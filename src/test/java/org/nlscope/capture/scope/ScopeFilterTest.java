package org.nlscope.capture.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;

/**
 * The attribution rules on real captures (src/test/resources/captures, recorded in the
 * nlmon VM with tcpdump): which frames a process's scope keeps, given who holds which
 * port as the live capture would learn it.
 */
class ScopeFilterTest {
    private static final Path CAPTURES = Path.of("src/test/resources/captures");

    static List<Frame> read(String name) throws Exception {
        return readFile(CAPTURES.resolve(name));
    }

    static List<Frame> readFile(Path file) throws Exception {
        List<Frame> frames = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                frames.add(f);
            }
        }
        return frames;
    }

    /** Every port is known: the given ones are in scope, any other belongs to some process outside. */
    static PortLookup known(Map<Long, PortOwner> inScope) {
        return port -> inScope.getOrDefault(port, new PortOwner(port, (int) Math.min(port, Integer.MAX_VALUE), null,
                PortOwner.BY_PORT_ID, false));
    }

    /** 1-based numbers of the frames kept, feeding the frames one ring block (here: one frame) at a time. */
    static List<Integer> kept(List<Frame> frames, ScopeFilter filter) {
        List<Integer> numbers = new ArrayList<>();
        List<Frame> out = new ArrayList<>();
        for (Frame f : frames) {
            filter.add(f);
            out.addAll(filter.release(f.timestampNanos(), false));
        }
        out.addAll(filter.release(Long.MAX_VALUE, true));
        for (Frame f : out) {
            numbers.add(frames.indexOf(f) + 1);
        }
        return numbers;
    }

    @Test
    void oneIpCommandsRequestsAndAnswersOnBothOfItsSocketsAreKept() throws Exception {
        // links.pcapng frames 5-10: `ip link set dum0 mtu 1400 up`, pid 135: a probe with seq 0 on its
        // first socket (port 135), RTM_GETLINK dum0 on a second one (port 3135329187), then the change
        List<Frame> frames = read("links.pcapng");
        PortOwner first = new PortOwner(135, 135, "ip", PortOwner.BY_PORT_ID, true);
        PortOwner second = new PortOwner(3135329187L, 135, "ip", PortOwner.BY_SOCK_DIAG, true);
        ScopeFilter filter = new ScopeFilter(known(Map.of(135L, first, 3135329187L, second)));
        assertEquals(List.of(5, 6, 7, 8, 9, 10), kept(frames, filter));
        assertEquals(List.of(first, second), filter.keptPorts());
        assertEquals("port 135: pid 135 (ip), by port id = pid", filter.keptPorts().get(0).summary());
        assertEquals("port 3135329187: pid 135 (ip), by sock_diag", filter.keptPorts().get(1).summary());
        assertEquals(frames.size() - 6, filter.droppedFrames());
        assertEquals(6, filter.keptFrames());
    }

    @Test
    void identicalRequestsOfTwoProcessesInFlightAtOnceGetTheirAnswersInOrder() throws Exception {
        // frames 1 and 5 are the same probe (RTM_NEWLINK seq 0) of pid 132 and pid 135, answered by 2 and 6
        List<Frame> all = read("links.pcapng");
        List<Frame> interleaved = List.of(all.get(0), all.get(4), all.get(1), all.get(5));
        PortOwner p132 = new PortOwner(132, 132, "ip", PortOwner.BY_PORT_ID, true);
        PortOwner p135 = new PortOwner(135, 135, "ip", PortOwner.BY_PORT_ID, true);
        assertEquals(List.of(1, 3), kept(interleaved, new ScopeFilter(known(Map.of(132L, p132)))));
        assertEquals(List.of(2, 4), kept(interleaved, new ScopeFilter(known(Map.of(135L, p135)))));
    }

    @Test
    void aRequestWaitsForItsAnswerAndAnUnknownPortForItsOwnerThenIsDropped() throws Exception {
        List<Frame> frames = read("links.pcapng");
        ScopeFilter filter = new ScopeFilter(port -> null);   // nobody known, ever
        filter.add(frames.get(0));
        assertEquals(List.of(), filter.release(frames.get(0).timestampNanos(), false));
        filter.add(frames.get(1));
        long later = frames.get(0).timestampNanos() + ScopeFilter.WAIT_NANOS - 1;
        assertEquals(List.of(), filter.release(later, false), "still waiting for the port's owner");
        assertEquals(0, filter.droppedFrames());
        assertEquals(List.of(), filter.release(frames.get(1).timestampNanos() + ScopeFilter.WAIT_NANOS + 1, false));
        assertEquals(2, filter.droppedFrames(), "then both are dropped");
    }

    @Test
    void everyFrameOfARecordingBelongsToOneProcessAtMost() throws Exception {
        // errors.pcapng: one ip or tc or genl at a time, each on a port = its pid or a kernel-chosen one
        List<Frame> frames = read("errors.pcapng");
        List<Integer> seen = new ArrayList<>();
        for (long port : ports(frames)) {
            ScopeFilter f = new ScopeFilter(known(Map.of(port, new PortOwner(port, 1, "x", PortOwner.BY_PORT_ID, true))));
            for (int n : kept(frames, f)) {
                assertEquals(false, seen.contains(n), "frame " + n + " kept for a second port " + port);
                seen.add(n);
            }
        }
        assertEquals(frames.size(), seen.size(), "and every frame to one: " + seen);
    }

    /** The ports the kernel answered, in the order they first appear. */
    private static List<Long> ports(List<Frame> frames) {
        List<Long> ports = new ArrayList<>();
        for (Frame f : frames) {
            for (var m : ScopeFilter.messages(f)) {
                long p = m.header().pid();
                if (p != 0 && !m.header().isRequest() && !ports.contains(p)) {
                    ports.add(p);
                }
            }
        }
        return ports;
    }
}
