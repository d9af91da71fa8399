package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The backlog of block copies: exact-length copies in order, never overlapping one not yet released. */
class BacklogTest {

    private static void fill(ByteBuffer room, int length, int seq) {
        for (int i = 0; i < length; i++) {
            room.put(i, (byte) (seq + i));
        }
    }

    private static void check(Backlog.Copy copy, int length, int seq) {
        ByteBuffer b = copy.block();
        assertEquals(length, b.limit(), "copy " + seq + " is exactly its data");
        for (int i = 0; i < length; i++) {
            if (b.get(i) != (byte) (seq + i)) {
                throw new AssertionError("copy " + seq + " was overwritten at " + i);
            }
        }
    }

    @Test
    void copiesTakeOnlyTheirLengthAndComeBackInOrder() throws InterruptedException {
        Backlog backlog = new Backlog(64 << 10);
        for (int seq = 0; seq < 100; seq++) {
            ByteBuffer room = backlog.room(4 << 10);
            assertNotNull(room, "a hundred copies of 500 bytes fit in 64 KiB, with room for 4 KiB");
            fill(room, 500, seq);
            backlog.publish(500);
        }
        assertEquals(50_000, backlog.peakBytes());
        for (int seq = 0; seq < 100; seq++) {
            Backlog.Copy copy = backlog.take(0);
            check(copy, 500, seq);
            backlog.release(copy);
        }
        assertNull(backlog.take(0));
    }

    @Test
    void aFullBacklogGivesNoRoomUntilACopyIsReleased() throws InterruptedException {
        Backlog backlog = new Backlog(4096);
        for (int seq = 0; seq < 2; seq++) {
            fill(backlog.room(2048), 2048, seq);
            backlog.publish(2048);
        }
        assertNull(backlog.room(2048));
        long released = backlog.released();
        long t0 = System.nanoTime();
        backlog.awaitRelease(released, 50);
        assertTrue(System.nanoTime() - t0 >= 40_000_000L, "waited for a release that did not come");
        Backlog.Copy first = backlog.take(0);
        check(first, 2048, 0);
        backlog.release(first);
        ByteBuffer room = backlog.room(2048);
        assertNotNull(room);
        fill(room, 2048, 2);
        backlog.publish(2048);
        check(backlog.take(0), 2048, 1);
        assertThrows(IllegalArgumentException.class, () -> backlog.room(4096), "a copy must fit twice");
    }

    @Test
    void aWriterAndAReaderAtOnceNeverSeeACopyOverwritten() throws Exception {
        Backlog backlog = new Backlog(40_000);
        int copies = 20_000;
        Random lengths = new Random(3);
        int[] length = new int[copies];
        for (int i = 0; i < copies; i++) {
            length[i] = 1 + lengths.nextInt(10_000);
        }
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int seq = 0; seq < copies; seq++) {
                    long released = backlog.released();
                    ByteBuffer room = backlog.room(10_000);
                    if (room == null) {
                        backlog.awaitRelease(released, 100);
                        seq--;
                        continue;
                    }
                    fill(room, length[seq], seq);
                    backlog.publish(length[seq]);
                }
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        writer.start();
        for (int seq = 0; seq < copies; seq++) {
            Backlog.Copy copy = backlog.take(5000);
            assertNotNull(copy, "copy " + seq + " came");
            check(copy, length[seq], seq);
            backlog.release(copy);
        }
        writer.join();
        assertNull(failed.get());
        assertTrue(backlog.peakBytes() <= 40_000);
    }
}
