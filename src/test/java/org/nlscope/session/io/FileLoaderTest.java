package org.nlscope.session.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.ProcessInfo;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.TestStores;

class FileLoaderTest {
    @TempDir
    Path dir;

    private static List<String> rows(CaptureStore s) {
        return s.rows(0, s.size()).stream()
                .map(r -> r.frameNumber() + " " + r.timeNanos() + " " + r.kind() + " " + r.info() + " " + r.process())
                .toList();
    }

    private static CaptureStore fresh() {
        return new CaptureStore(TestStores.decoding());
    }

    @Test
    void saveAndReopenGivesTheSameMessagesAndMetadata() throws Exception {
        CaptureStore original = TestStores.conversationWithProcesses();
        for (String name : List.of("all.pcapng", "all.pcap")) {
            Path file = dir.resolve(name);
            assertEquals(10, CaptureSaver.save(original, file));
            CaptureStore back = fresh();
            LoadResult r = FileLoader.load(file, back);
            assertTrue(r.complete(), r.toString());
            assertEquals(10, r.frames());
            if (name.endsWith(".pcapng")) {
                assertEquals(rows(original), rows(back));
                assertEquals(original.metadata(), back.metadata());
                assertEquals("pid 100 (ip)", back.row(0).process());
            } else {
                // classic pcap has no place for metadata: the messages are the same, the process names are gone
                assertEquals(original.rows(0, 11).stream().map(MessageRow::info).toList(),
                        back.rows(0, 11).stream().map(MessageRow::info).toList());
                assertNull(back.row(0).process());
            }
        }
    }

    @Test
    void savesTheSelectedFramesOnly() throws Exception {
        CaptureStore original = TestStores.conversationWithProcesses();
        int[] frames = CaptureSaver.framesOfRows(original, new int[] {7, 8, 3, 4});
        assertArrayEquals(new int[] {4, 7, 8}, frames);
        Path file = dir.resolve("some.pcapng");
        assertEquals(3, CaptureSaver.save(original, file, CaptureFormat.PCAPNG, frames));
        CaptureStore back = fresh();
        FileLoader.load(file, back);
        assertEquals(List.of("RTM_NEWLINK #1 lo mtu 65536 UP", "RTM_NEWLINK #2 dum0 mtu 1400 UP",
                "NLMSG_ERROR -EEXIST: File exists (Link already exists)", "RTM_NEWLINK #3 dum1 mtu 1500"), back.rows(0, 10).stream().map(MessageRow::info).toList());
    }

    @Test
    void aDamagedFileKeepsTheFramesBeforeTheDamage() throws Exception {
        Path file = dir.resolve("cut.pcapng");
        CaptureSaver.save(TestStores.conversationWithProcesses(), file);
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut-short.pcapng");
        Files.write(cut, Arrays.copyOf(all, all.length - 30));
        CaptureStore back = fresh();
        LoadResult r = FileLoader.load(cut, back);
        assertFalse(r.complete());
        assertEquals(9, r.frames());
        assertEquals(9, back.frameCount());
        assertNotNull(r.error());
        assertTrue(r.error().startsWith(cut.toString() + ": "), r.error());
        assertFalse(r.error().contains("\n"));
    }

    @Test
    void notACaptureIsOneLine() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is not a capture\n");
        LoadResult r = FileLoader.load(file, fresh());
        assertEquals(file + ": not a pcap or pcapng file at offset 0", r.error());
        assertEquals(0, r.frames());
        LoadResult missing = FileLoader.load(dir.resolve("nope.pcapng"), fresh());
        assertEquals(dir.resolve("nope.pcapng") + ": no such file", missing.error());
    }

    @Test
    void loadsInTheBackgroundAndReportsTheEnd() throws Exception {
        Path file = dir.resolve("bg.pcapng");
        CaptureStore big = fresh();
        List<org.nlscope.model.Frame> frames = TestStores.conversationFrames();
        for (int i = 0; i < 5000; i++) {
            big.append(frames.get(i % frames.size()));
        }
        big.addMetadata(new CaptureMetadata(Map.of(), Map.of(7L, new ProcessInfo(7, 7, "x", false)), new CaptureStats(5000, 3, 0)));
        CaptureSaver.save(big, file);
        CaptureStore back = fresh();
        LoadResult[] told = new LoadResult[1];
        FileLoader.Loading loading = FileLoader.start(file, back, r -> told[0] = r);
        LoadResult r = loading.result().get(30, TimeUnit.SECONDS);
        assertTrue(r.complete());
        assertEquals(5000, r.frames());
        assertEquals(5500, back.size());
        assertSame(r, told[0]);
        assertEquals(3, back.metadata().stats().drops());
    }
}
