package org.nlscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.io.FileLoader;
import org.nlscope.session.io.LoadResult;

class CaptureSessionTest {
    @TempDir
    Path dir;

    /** Stands where the nlmon capture would: the session only asks it for metadata. */
    static final class KnownMetadata implements CaptureSource {
        volatile CaptureMetadata metadata = new CaptureMetadata(Map.of(28, "nl80211"), Map.of(), CaptureStats.NONE);

        public String interfaceName() {
            return "nlmon0";
        }

        public void start(FrameSink sink) {
            throw new UnsupportedOperationException("frames are handed to the sink by the test");
        }

        public void stop() {
        }

        public boolean awaitStop(Duration timeout) {
            return true;
        }

        public CaptureStats stats() {
            return metadata.stats();
        }

        public CaptureMetadata metadata() {
            return metadata;
        }

        public void close() {
        }
    }

    @Test
    void aLiveCaptureIsAutosavedAndKeptWhenClosedUnsaved() throws Exception {
        CaptureSession s = CaptureSession.live(TestStores.decoding(), dir.resolve("autosave"));
        KnownMetadata source = new KnownMetadata();
        FrameSink sink = s.sinkFor(source);
        assertEquals("nl80211", s.store().currentContext().genlFamily(28), "the genl snapshot decodes the first frames");
        List<Frame> frames = TestStores.conversationFrames();
        frames.subList(0, 8).forEach(sink::accept);
        source.metadata = source.metadata.merge(new CaptureMetadata(Map.of(),
                Map.of(Conversation.PORT, new ProcessInfo(Conversation.PORT, 100, "ip", false)), new CaptureStats(8, 1, 0)));
        sink.endOfBatch();
        assertEquals(1, s.store().metadata().stats().drops());
        assertTrue(s.hasUnsavedData());
        assertEquals(8, s.statistics().snapshot().frames());
        assertEquals(-17, s.transactions().ofRow(7).errorCode());

        CaptureStore fromDisk = new CaptureStore(TestStores.decoding());
        assertEquals(8, FileLoader.load(s.autosave().file(), fromDisk).frames(), "flushed at the end of the block");
        assertEquals("pid 100 (ip)", fromDisk.row(0).process());

        s.close();
        assertTrue(Files.exists(s.autosave().file()), "unsaved data stays on disk for recovery");
    }

    @Test
    void savingMakesTheAutosaveUnneeded() throws Exception {
        CaptureSession s = CaptureSession.live(TestStores.decoding(), dir.resolve("autosave"));
        TestStores.conversationFrames().forEach(s::append);
        Path saved = dir.resolve("saved.pcapng");
        assertEquals(10, s.save(saved));
        assertFalse(s.hasUnsavedData());
        assertEquals(saved, s.file());
        s.close();
        assertFalse(Files.exists(s.autosave().file()));
    }

    @Test
    void discardDropsTheAutosave() throws Exception {
        CaptureSession s = CaptureSession.live(TestStores.decoding(), dir.resolve("autosave"));
        TestStores.conversationFrames().forEach(s::append);
        assertTrue(s.hasUnsavedData());
        s.discard();
        s.close();
        assertFalse(Files.exists(s.autosave().file()));
    }

    @Test
    void openingAFileLoadsItWithTransactionsAndStatistics() throws Exception {
        Path file = dir.resolve("c.pcapng");
        TestStores.conversationWithProcesses();
        CaptureSession live = CaptureSession.empty(TestStores.decoding());
        TestStores.conversationFrames().forEach(live::append);
        live.save(file);
        CaptureSession s = CaptureSession.open(file, TestStores.decoding(), null);
        LoadResult r = s.loading().result().get(30, TimeUnit.SECONDS);
        assertTrue(r.complete());
        assertEquals(file, s.file());
        assertFalse(s.hasUnsavedData());
        assertEquals(11, s.store().size());
        assertEquals(4, s.transactions().size());
        assertEquals(1, s.statistics().snapshot().errors());
        s.close();
    }
}
