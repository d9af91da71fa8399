package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FxBatcherTest {

    @Test
    void deliversEveryItemOnceInOrderWithAtMostOneHandOverPending() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        AtomicInteger pendingHandOvers = new AtomicInteger();
        AtomicInteger mostPending = new AtomicInteger();
        List<int[]> received = new ArrayList<>(); // touched only on the "ui" thread
        int producers = 4;
        int perProducer = 50_000;
        CountDownLatch done = new CountDownLatch(producers * perProducer);
        FxBatcher<int[]> batcher = new FxBatcher<>(batch -> {
            received.addAll(batch);
            batch.forEach(x -> done.countDown());
        }, task -> {
            mostPending.accumulateAndGet(pendingHandOvers.incrementAndGet(), Math::max);
            ui.execute(() -> {
                pendingHandOvers.decrementAndGet();
                task.run();
            });
        }, 5);

        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads[p] = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    batcher.add(new int[] {id, i});
                }
            });
            threads[p].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(done.await(30, TimeUnit.SECONDS), "all items delivered");
        ui.submit(() -> { }).get();

        assertEquals(producers * perProducer, received.size());
        int[] next = new int[producers];
        for (int[] item : received) {
            assertEquals(next[item[0]]++, item[1], "order of producer " + item[0]);
        }
        assertEquals(1, mostPending.get(), "never more than one hand-over pending");
        assertTrue(batcher.flushCount() < producers * perProducer / 10,
                "items arrive in batches, not one by one: " + batcher.flushCount() + " hand-overs");
        ui.shutdown();
    }

    @Test
    void anItemAddedAfterAFlushIsDeliveredToo() throws Exception {
        List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        FxBatcher<String> batcher = new FxBatcher<>(batch -> {
            got.addAll(batch);
            batch.forEach(x -> two.countDown());
        }, Runnable::run, 10);
        batcher.add("first");
        batcher.add("second"); // arrives inside the interval: must wait for the timer, not be lost
        assertTrue(two.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second"), got);
    }
}
