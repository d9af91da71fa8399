package org.nlscope.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.io.FileLoader;
import org.nlscope.session.io.LoadResult;
import org.nlscope.session.stats.Statistics;

/**
 * The index-only store against the eager decode, on every real capture: the rows it indexes
 * from nlmsghdrs alone, the context it learns without decoding, the bytes it reads back from
 * the file and the statistics it counts are those of decoding every frame in order.
 */
class LazyStoreTest {

    @TempDir
    Path dir;

    static java.util.stream.Stream<String> captures() throws Exception {
        return RealCapturesTest.captures();
    }

    /** Every frame decoded in order, learning as it goes: what the store did before it indexed lazily. */
    private static List<DecodedFrame> eager(Path file) throws Exception {
        List<DecodedFrame> out = new ArrayList<>();
        FrameStream stream = new FrameStream(RealCapturesTest.ENGINE);
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                stream.addMetadata(r.takeNewMetadata());
                out.add(stream.decode(f));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("captures")
    void theIndexIsWhatTheDecodeSays(String name) throws Exception {
        Path file = RealCapturesTest.CAPTURES.resolve(name);
        CaptureStore store = CaptureStore.backedBy(RealCapturesTest.ENGINE, file);
        LoadResult r = FileLoader.load(file, store);
        assertTrue(r.complete(), r.toString());
        List<DecodedFrame> eager = eager(file);
        assertEquals(eager.size(), store.frameCount());
        Statistics counted = Statistics.detached(Statistics.ONE_SECOND);
        int row = 0;
        for (DecodedFrame d : eager) {
            counted.add(d);
            int n = d.number();
            assertEquals(row, store.firstRowOf(n), name + " frame " + n);
            assertEquals(d.family(), store.index().frameFamily(n), name + " frame " + n);
            assertEquals(d.direction(), store.index().frameDirection(n), name + " frame " + n);
            DecodedFrame again = store.decoded(n);
            assertEquals(d.messages(), again.messages(), name + " frame " + n + " decodes as it did eagerly");
            assertEquals(d.frame().timestampNanos(), again.frame().timestampNanos());
            assertEquals(d.frame().comment(), again.frame().comment());
            assertTrue(java.util.Arrays.equals(d.frame().data(), again.frame().data()), "bytes read back from the file");
            if (d.messages().isEmpty()) {
                assertNull(store.index().header(row));
                assertEquals(MessageRow.Kind.MALFORMED, store.index().kind(row));
                row++;
                continue;
            }
            for (DecodedMessage m : d.messages()) {
                RowHeader h = store.index().header(row);
                assertNotNull(h, name + " row " + row);
                assertEquals(m.header(), h.nlmsghdr(), name + " row " + row);
                assertEquals(RowBuilder.kindOf(m, d.direction()), h.kind(), name + " row " + row);
                assertEquals(m.error() == null ? 0 : m.error().code(), h.errorCode(), name + " row " + row);
                row++;
            }
        }
        assertEquals(row, store.size());
        Statistics.Snapshot lazy = Statistics.attach(store).snapshot();
        Statistics.Snapshot full = counted.snapshot();
        assertEquals(full.byType(), lazy.byType(), name);
        assertEquals(full.errorsByErrno(), lazy.errorsByErrno(), name);
        assertEquals(full.byKind(), lazy.byKind(), name);
        assertEquals(full.bytes(), lazy.bytes(), name);
        store.close();
    }

    /** What the Statistics window counts for a display filter: some rows of some frames, from the index. */
    @ParameterizedTest
    @MethodSource("captures")
    void someRowsCountedFromTheIndexAsTheirDecodedMessages(String name) throws Exception {
        Path file = RealCapturesTest.CAPTURES.resolve(name);
        CaptureStore store = CaptureStore.backedBy(RealCapturesTest.ENGINE, file);
        assertTrue(FileLoader.load(file, store).complete());
        Statistics lazy = Statistics.detached(Statistics.ONE_SECOND);
        Statistics decoded = Statistics.detached(Statistics.ONE_SECOND);
        int[] rows = java.util.stream.IntStream.range(0, store.size()).filter(r -> r % 3 != 1).toArray();
        int i = 0;
        while (i < rows.length) {
            int number = store.frameOfRow(rows[i]);
            int end = i;
            List<DecodedMessage> kept = new ArrayList<>();
            DecodedFrame d = store.decoded(number);
            for (; end < rows.length && store.frameOfRow(rows[end]) == number; end++) {
                int m = store.messageOfRow(rows[end]);
                if (m >= 0) {
                    kept.add(d.messages().get(m));
                }
            }
            lazy.addRows(store, number, rows, i, end);
            decoded.add(new DecodedFrame(d.number(), d.frame(), d.family(), d.familyName(), d.direction(),
                    d.directionInferred(), kept, d.problems()));
            i = end;
        }
        Statistics.Snapshot a = lazy.snapshot();
        Statistics.Snapshot b = decoded.snapshot();
        assertEquals(b.frames(), a.frames(), name);
        assertEquals(b.messages(), a.messages(), name);
        assertEquals(b.byType(), a.byType(), name);
        assertEquals(b.errorsByErrno(), a.errorsByErrno(), name);
        assertEquals(b.byKind(), a.byKind(), name);
        assertEquals(b.buckets(), a.buckets(), name);
        store.close();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void framesStayReadableAfterTheFileIsReplaced(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.copy(RealCapturesTest.CAPTURES.resolve(name), copy);
        CaptureStore store = CaptureStore.backedBy(RealCapturesTest.ENGINE, copy, 2);
        assertTrue(FileLoader.load(copy, store).complete());
        List<MessageRow> before = store.rows(0, store.size());
        // Save over the file opened: the new file is moved into place, the old bytes stay readable
        Path other = dir.resolve("other-" + name);
        Files.write(other, new byte[] {1, 2, 3});
        Files.move(other, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        CaptureStore fresh = CaptureStore.backedBy(RealCapturesTest.ENGINE, copy);
        assertEquals(0, fresh.frameCount());
        assertEquals(before, store.rows(0, store.size()));
        store.close();
    }
}
