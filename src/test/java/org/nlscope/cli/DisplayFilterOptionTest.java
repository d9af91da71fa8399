package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.filter.DisplayFilter;

/**
 * -Y on read, stats and convert selects what the desktop app's display filter selects on the
 * same real capture: the app's store and {@link DisplayFilter#matchingRows} are the reference.
 */
class DisplayFilterOptionTest {

    private static final List<String> FILTERS = List.of(
            "type == RTM_NEWLINK and IFLA_MTU > 1400", "error", "ack", "errno == ENODEV", "request and not ack",
            "\"dum0\"", "family == generic", "dump or done", "IFLA_LINKINFO", "notification");

    @TempDir
    Path dir;

    /** The desktop app's store of a capture. */
    private static CaptureStore store(Path file) throws Exception {
        CaptureStore store = new CaptureStore(EngineDecoding.load(List.of()));
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                store.addMetadata(r.metadata());
                store.append(f);
            }
        }
        return store;
    }

    @Test
    void readStatsAndConvertSelectWhatTheDesktopFilterSelects() throws Exception {
        int nonEmpty = 0;
        for (String name : new String[] {"links.pcapng", "errors.pcapng", "genl.pcapng", "routes.pcapng"}) {
            Path file = GoldenTest.CAPTURES.resolve(name);
            CaptureStore store = store(file);
            for (String text : FILTERS) {
                int[] rows = DisplayFilter.parse(text).matchingRows(store, 0, store.size());
                Set<Integer> frames = new TreeSet<>();
                for (int row : rows) {
                    frames.add(store.frameOfRow(row));
                }
                String what = name + " -Y " + text;

                MainTest.Run read = MainTest.run("read", "-Y", text, file.toString());
                assertEquals(0, read.code(), read.err());
                assertEquals(rows.length, read.out().lines().count(), what);
                Set<Integer> readFrames = new TreeSet<>();
                read.out().lines().forEach(l -> readFrames.add(Integer.parseInt(l.substring(0, l.indexOf(' ')))));
                assertEquals(frames, readFrames, what);

                MainTest.Run stats = MainTest.run("stats", "-Y", text, file.toString());
                assertTrue(stats.out().startsWith(file + ": " + frames.size() + " frames, " + rows.length + " messages"),
                        what + ": " + stats.out());

                Path out = dir.resolve("out.pcapng");
                MainTest.Run convert = MainTest.run("convert", "-Y", text, file.toString(), out.toString());
                assertEquals(0, convert.code(), convert.err());
                assertEquals(frames.size(), MainTest.run("read", "-V", out.toString()).out().lines()
                        .filter(l -> l.startsWith("Frame ")).count(), what);
                if (rows.length > 0) {
                    nonEmpty++;
                }
            }
        }
        assertTrue(nonEmpty > 20, "most filters select something: " + nonEmpty);
    }

    @Test
    void verboseAndJsonPrintWholeFramesThatHaveAMatch() {
        Path file = GoldenTest.CAPTURES.resolve("errors.pcapng");
        long lines = MainTest.run("read", "-Y", "errno == EEXIST", file.toString()).out().lines().count();
        long json = MainTest.run("read", "--json", "-Y", "errno == EEXIST", file.toString()).out().lines().count();
        assertEquals(1, lines);
        assertEquals(1, json);
        assertTrue(MainTest.run("read", "-V", "-Y", "errno == EEXIST", file.toString()).out().contains("EEXIST"));
    }

    @Test
    void countStopsAfterNFramesPrinted() {
        Path file = GoldenTest.CAPTURES.resolve("links.pcapng");
        List<String> all = MainTest.run("read", file.toString()).out().lines().toList();
        List<String> three = MainTest.run("read", "-c", "3", file.toString()).out().lines().toList();
        assertEquals(all.subList(0, 3), three); // frames 1-3 hold one message each
        List<String> errors = MainTest.run("read", "-Y", "error", file.toString()).out().lines().toList();
        assertEquals(errors.subList(0, 2), MainTest.run("read", "-Y", "error", "-c", "2", file.toString()).out().lines().toList());
        assertEquals(2, MainTest.run("read", "--json", "-c", "2", file.toString()).out().lines().count());
        MainTest.run("read", "-c", "-1", file.toString()).failedWithOneLine(1, "-c needs a positive count");
    }

    @Test
    void aBadFilterIsOneLineNamingTheColumn() {
        Path file = GoldenTest.CAPTURES.resolve("links.pcapng");
        for (String command : new String[] {"read", "stats"}) {
            MainTest.run(command, "-Y", "type == ", file.toString())
                    .failedWithOneLine(1, "-Y 'type == ': expected a value after '==' at column 9");
        }
        MainTest.run("convert", "-Y", "(error", file.toString(), dir.resolve("x.pcapng").toString())
                .failedWithOneLine(1, "at column");
        MainTest.run("capture", "-Y", "len >", "-c", "1").failedWithOneLine(1, "-Y 'len >': ");
    }
}
