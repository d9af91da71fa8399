package org.nlscope.session.replay;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.TestStores;

class ReplayTest {

    /** Virtual time: sleeping advances it at once, and every sleep is recorded. */
    static final class FakeClock implements ReplayClock {
        long now = 5_000;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleep(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    private static List<String> summaries(CaptureStore s) {
        return s.rows(0, s.size()).stream().map(r -> r.frameNumber() + " " + r.info()).toList();
    }

    @Test
    void oneXKeepsTheRecordedPaceAndDeliversEverything() throws Exception {
        CaptureStore source = TestStores.conversationWithProcesses();
        CaptureStore live = new CaptureStore(TestStores.decoding());
        FakeClock clock = new FakeClock();
        Replay r = Replay.start(source, live, Replay.Speed.ONE_X, clock);
        assertEquals(Replay.State.FINISHED, r.done().get(10, TimeUnit.SECONDS));
        assertEquals(summaries(source), summaries(live));
        assertEquals(source.metadata(), live.metadata());
        assertEquals(10, r.delivered());
        // ten frames 1 ms apart: 9 ms of virtual waiting, in 1 ms steps
        assertEquals(9_000_000L, clock.sleeps.stream().mapToLong(Long::longValue).sum());
        assertEquals(9, clock.sleeps.size());
    }

    @Test
    void tenXWaitsATenth() throws Exception {
        FakeClock clock = new FakeClock();
        CaptureStore live = new CaptureStore(TestStores.decoding());
        Replay r = Replay.start(TestStores.conversationWithProcesses(), live, Replay.Speed.TEN_X, clock);
        r.done().get(10, TimeUnit.SECONDS);
        assertEquals(900_000L, clock.sleeps.stream().mapToLong(Long::longValue).sum());
        assertEquals(11, live.size());
    }

    @Test
    void fullSpeedNeverWaits() throws Exception {
        FakeClock clock = new FakeClock();
        CaptureStore live = new CaptureStore(TestStores.decoding());
        Replay.start(TestStores.conversationWithProcesses(), live, Replay.Speed.FULL, clock).done().get(10, TimeUnit.SECONDS);
        assertTrue(clock.sleeps.isEmpty());
        assertEquals(List.of(MessageRow.Kind.ERROR), live.rows(7, 8).stream().map(MessageRow::kind).toList());
    }

    @Test
    void pauseHoldsDeliveryUntilResume() throws Exception {
        CaptureStore live = new CaptureStore(TestStores.decoding());
        CountDownLatch paused = new CountDownLatch(1);
        Replay[] replay = new Replay[1];
        CountDownLatch started = new CountDownLatch(1);
        live.subscribe((store, number) -> {
            if (number == 3) {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                replay[0].pause();
                paused.countDown();
            }
        });
        replay[0] = Replay.start(TestStores.conversationWithProcesses(), live, Replay.Speed.FULL, new FakeClock());
        started.countDown();
        assertTrue(paused.await(10, TimeUnit.SECONDS));
        assertEquals(Replay.State.PAUSED, replay[0].state());
        assertFalse(replay[0].done().isDone());
        assertEquals(3, live.frameCount(), "nothing after the pause point is delivered while paused");
        replay[0].resume();
        assertEquals(Replay.State.FINISHED, replay[0].done().get(10, TimeUnit.SECONDS));
        assertEquals(10, live.frameCount());
    }

    @Test
    void stopEndsEarlyAndKeepsWhatWasDelivered() throws Exception {
        CaptureStore live = new CaptureStore(TestStores.decoding());
        Replay[] replay = new Replay[1];
        CountDownLatch started = new CountDownLatch(1);
        live.subscribe((store, number) -> {
            if (number == 4) {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                replay[0].stop();
            }
        });
        replay[0] = Replay.start(TestStores.conversationWithProcesses(), live, Replay.Speed.ONE_X, new FakeClock());
        started.countDown();
        assertEquals(Replay.State.STOPPED, replay[0].done().get(10, TimeUnit.SECONDS));
        assertEquals(4, live.frameCount());
        assertEquals(4, replay[0].delivered());
    }

    @Test
    void aReplayIntoALiveSessionIsAutosavedAsNewData(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.nlscope.session.CaptureSession live = org.nlscope.session.CaptureSession.live(TestStores.decoding(), dir);
        Replay r = Replay.start(TestStores.conversationWithProcesses(), live, Replay.Speed.TEN_X, new FakeClock());
        assertEquals(Replay.State.FINISHED, r.done().get(10, TimeUnit.SECONDS));
        assertTrue(live.hasUnsavedData());
        assertEquals(11, live.store().size());
        assertEquals(4, live.transactions().size());
        assertEquals("pid 100 (ip)", live.store().row(0).process());
        live.autosave().flush();
        CaptureStore fromDisk = new CaptureStore(TestStores.decoding());
        assertEquals(10, org.nlscope.session.io.FileLoader.load(live.autosave().file(), fromDisk).frames());
        live.discard();
        live.close();
    }
}
