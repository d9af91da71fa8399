package org.nlscope.session.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.TestStores;

class AutosaveTest {
    @TempDir
    Path dir;

    @Test
    void writesFramesAsTheyArriveAndFlushesPeriodically() throws Exception {
        CaptureStore live = new CaptureStore(TestStores.decoding());
        AtomicLong clock = new AtomicLong();
        Autosave autosave = Autosave.start(live, dir, clock::get);
        assertTrue(autosave.file().getFileName().toString().startsWith("capture-" + ProcessHandle.current().pid() + "-"));
        live.addMetadata(new CaptureMetadata(Map.of(28, "nl80211"), Map.of(), CaptureStats.NONE));
        List<Frame> frames = TestStores.conversationFrames();
        frames.subList(0, 5).forEach(live::append);
        clock.addAndGet(Autosave.FLUSH_INTERVAL_NANOS);
        live.append(frames.get(5)); // a second later: this append flushes
        frames.subList(6, 10).forEach(live::append);

        // what a crash right now would leave: the first six frames at least, readable, metadata included
        CaptureStore crashed = new CaptureStore(TestStores.decoding());
        Path copy = dir.resolve("copy.pcapng");
        Files.copy(autosave.file(), copy);
        LoadResult r = FileLoader.load(copy, crashed);
        assertTrue(r.frames() >= 6, r.toString());
        assertEquals("nl80211", crashed.metadata().genlFamilies().get(28));

        autosave.flush();
        autosave.close();
        CaptureStore back = new CaptureStore(TestStores.decoding());
        assertTrue(FileLoader.load(autosave.file(), back).complete());
        assertEquals(live.rows(0, 11).stream().map(MessageRow::info).toList(),
                back.rows(0, 11).stream().map(MessageRow::info).toList());
        assertTrue(Files.exists(autosave.file()), "closing keeps unsaved data");
        autosave.delete();
        assertFalse(Files.exists(autosave.file()));
    }

    @Test
    void framesAlreadyInTheStoreAreWrittenFirst() throws Exception {
        CaptureStore live = TestStores.conversationWithProcesses();
        try (Autosave autosave = Autosave.start(live, dir)) {
            autosave.flush();
            CaptureStore back = new CaptureStore(TestStores.decoding());
            FileLoader.load(autosave.file(), back);
            assertEquals(10, back.frameCount());
            assertEquals("pid 100 (ip)", back.row(0).process());
        }
    }

    @Test
    void recoveryOffersTheFilesOfProcessesThatAreGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long deadPid = p.pid();
        CaptureStore live = TestStores.conversationWithProcesses();
        Autosave mine = Autosave.start(live, dir);
        mine.flush();
        Path leftover = dir.resolve("capture-" + deadPid + "-20260101-000000-1.pcapng");
        Files.copy(mine.file(), leftover);
        Files.write(dir.resolve("capture-" + deadPid + "-20260101-000000-2.pcapng"), new byte[0]);
        Files.writeString(dir.resolve("unrelated.txt"), "x");

        List<Recovery.Leftover> found = Recovery.find(dir);
        assertEquals(1, found.size(), found.toString());
        assertEquals(leftover, found.get(0).file());
        assertEquals(deadPid, found.get(0).pid());
        assertFalse(Files.exists(dir.resolve("capture-" + deadPid + "-20260101-000000-2.pcapng")), "empty leftovers go");

        CaptureStore recovered = new CaptureStore(TestStores.decoding());
        assertTrue(FileLoader.load(found.get(0).file(), recovered).complete());
        assertEquals(11, recovered.size());
        Recovery.discard(found.get(0));
        assertTrue(Recovery.find(dir).isEmpty());
        mine.delete();
    }

    /** A real full disk (a 16 KiB tmpfs): the autosave stops, says what it kept, and that much recovers cleanly. */
    @Test
    void aFullDiskStopsTheAutosaveAndItSaysWhatTheFileKept() throws Exception {
        try (org.nlscope.pcap.SmallFilesystem fs = org.nlscope.pcap.SmallFilesystem.mount(dir.resolve("small"), 16)) {
            CaptureStore live = new CaptureStore(TestStores.decoding());
            AtomicLong clock = new AtomicLong();
            Autosave autosave = Autosave.start(live, fs.dir(), () -> clock.addAndGet(Autosave.FLUSH_INTERVAL_NANOS));
            List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            autosave.onProblem(told::add);
            List<Frame> frames = TestStores.conversationFrames();
            int appended = 0;
            while (autosave.problem() == null && appended < 10_000) {
                live.append(frames.get(appended++ % frames.size())); // each append is a second later: each flushes
            }
            String problem = autosave.problem();
            assertEquals(List.of(problem), told, "told once");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Autosave stopped: " + java.util.regex.Pattern.quote(
                    autosave.file().toString()) + ": No space left on device\\. It keeps the first (\\d+) of the captured "
                    + "frames; the capture goes on in memory, save it elsewhere").matcher(problem);
            assertTrue(m.matches(), problem);
            int kept = Integer.parseInt(m.group(1));
            assertTrue(kept > 0 && kept < appended, kept + " of " + appended);

            live.append(frames.get(0));
            assertEquals(appended + 1, live.frameCount(), "the capture goes on in memory");
            autosave.close();
            CaptureStore recovered = new CaptureStore(TestStores.decoding());
            LoadResult r = FileLoader.load(autosave.file(), recovered);
            assertTrue(r.complete(), r.toString());
            assertEquals(kept, recovered.frameCount());
        }
    }

    @Test
    void theDirectoryFollowsXdgCacheHome() {
        assertEquals(Path.of("/x/cache/nlscope/autosave"), Recovery.autosaveDirectory(Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/nlscope/autosave"), Recovery.autosaveDirectory(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/nlscope/autosave"), Recovery.autosaveDirectory(Map.of("XDG_CACHE_HOME", "rel"), "/home/u"));
    }
}
