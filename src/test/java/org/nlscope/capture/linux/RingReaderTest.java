package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nlscope.model.CaptureStats;
import org.nlscope.nativeio.LibC;
import org.nlscope.nativeio.NativeSocket;
import org.nlscope.nativeio.SockaddrLl;

/**
 * The reader that empties a real TPACKET_V3 ring (on a veth the test made) into its backlog
 * of copies: every packet arrives in order while nobody reads for a while, and a full backlog
 * leaves the rest to the kernel, which counts what it drops.
 */
class RingReaderTest {
    private static final int ETH_TEST = 0x88b5;
    private static final int FRAME = 64;
    private static final int BLOCK = 64 << 10;

    private VethNamespace veth;
    private int ifindex;

    @BeforeEach
    void setUp() throws Exception {
        veth = VethNamespace.create();
        ifindex = Interfaces.index(veth.outside);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (veth != null) {
            veth.close();
        }
    }

    /** Sends frames numbered first .. first+count-1 out of the veth. */
    private void send(int first, int count) {
        try (NativeSocket tx = NativeSocket.open("AF_PACKET", LibC.AF_PACKET, LibC.SOCK_RAW, 0)) {
            SockaddrLl to = SockaddrLl.bindAll(ifindex);
            to.sll_halen = 6;
            byte[] frame = new byte[FRAME];
            for (int i = 0; i < 6; i++) {
                frame[i] = (byte) 0xff;
                frame[6 + i] = (byte) (0x02 + i);
            }
            frame[12] = (byte) (ETH_TEST >> 8);
            frame[13] = (byte) ETH_TEST;
            for (int n = first; n < first + count; n++) {
                frame[14] = (byte) (n >> 24);
                frame[15] = (byte) (n >> 16);
                frame[16] = (byte) (n >> 8);
                frame[17] = (byte) n;
                assertEquals(FRAME, tx.send(frame, FRAME, to));
            }
        }
    }

    /** Takes every copy that comes within a second of quiet; returns the sequence numbers in order. */
    private static List<Integer> takeAll(RingReader reader) throws InterruptedException {
        List<Integer> seen = new java.util.ArrayList<>();
        RingPacket packet = new RingPacket();
        byte[] buf = new byte[FRAME];
        Backlog.Copy copy;
        while ((copy = reader.take(1000)) != null) {
            RingBlock.forEach(copy.block(), packet, p -> {
                p.copyData(buf, 0);
                seen.add((buf[14] & 0xff) << 24 | (buf[15] & 0xff) << 16 | (buf[16] & 0xff) << 8 | (buf[17] & 0xff));
            });
            reader.release(copy);
        }
        return seen;
    }

    @Test
    void aBurstWaitsInTheBacklogWhileNobodyTakesAndArrivesWholeInOrder() throws Exception {
        int count = 4000;
        // a ring of four small blocks: far too small for the burst, which only the backlog holds
        try (RxRing ring = RxRing.open(veth.outside, ifindex, new RxRing.Config(BLOCK, 4, 20), List.of())) {
            RingReader reader = new RingReader(ring, 64L * BLOCK, 100);
            reader.start();
            for (int i = 0; i < count; i += 100) {
                send(i, 100);
                Thread.sleep(5);   // as a busy machine sends: the reader keeps up with the kernel, not with us
            }
            List<Integer> seen = takeAll(reader);
            CaptureStats stats = ring.stats();
            assertEquals(0, stats.drops(), "the backlog took the burst: " + stats);
            assertEquals(count, seen.size());
            for (int i = 0; i < count; i++) {
                assertEquals(i, seen.get(i), "in the order sent");
            }
            assertTrue(reader.peakBytes() > 0);
            reader.stop(1000);
            assertTrue(reader.ended());
            assertNull(reader.failure());
        }
    }

    @Test
    void aFullBacklogLeavesTheRestToTheKernelWhichCountsItsDrops() throws Exception {
        int count = 6000;
        try (RxRing ring = RxRing.open(veth.outside, ifindex, new RxRing.Config(4096, 2, 20), List.of())) {
            RingReader reader = new RingReader(ring, 2L * 4096, 100);
            reader.start();
            send(0, count);   // 8 KiB of copies and two ring blocks hold a few hundred of them
            Thread.sleep(300);
            assertEquals(2L * 4096, reader.capacityBytes());
            List<Integer> seen = takeAll(reader);
            CaptureStats stats = ring.stats();
            assertTrue(stats.drops() > 0, "the kernel dropped and said so: " + stats);
            assertEquals(count, seen.size() + stats.drops(), "every packet either delivered or counted as dropped");
            send(count, 10);
            assertEquals(10, takeAll(reader).size(), "the reader goes on after the backlog was full");
            reader.stop(1000);
            assertTrue(reader.ended());
        }
    }
}
