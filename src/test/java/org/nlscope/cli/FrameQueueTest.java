package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/** The printer's queue holds frames up to a byte limit, in order, and makes the capture wait beyond it. */
class FrameQueueTest {

    private static Frame frame(int bytes) {
        return new Frame(1, LinkType.NETLINK, new byte[bytes], bytes, 4, null);
    }

    @Test
    void framesComeOutInOrderAndTheBytesAreCounted() throws Exception {
        FrameQueue q = new FrameQueue(1000);
        Frame a = frame(100);
        Frame b = frame(200);
        q.put(a);
        q.put(b);
        assertEquals(300, q.bytes());
        assertSame(a, q.poll(0));
        assertSame(b, q.poll(0));
        assertNull(q.poll(1));
        assertEquals(0, q.bytes());
    }

    @Test
    void aPutBeyondTheLimitWaitsUntilThePrinterTakesAFrame() throws Exception {
        FrameQueue q = new FrameQueue(1000);
        q.put(frame(600));
        CountDownLatch added = new CountDownLatch(1);
        Thread capture = new Thread(() -> {
            try {
                q.put(frame(600));
                added.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        capture.start();
        assertFalse(added.await(200, TimeUnit.MILLISECONDS), "1200 bytes do not fit in 1000");
        q.poll(0);
        assertTrue(added.await(5, TimeUnit.SECONDS), "room made, the put went in");
        capture.join();
        assertEquals(600, q.bytes());
    }

    @Test
    void aFrameLargerThanTheLimitStillGoesInAlone() throws Exception {
        FrameQueue q = new FrameQueue(1000);
        q.put(frame(5000));
        assertEquals(5000, q.bytes());
    }
}
