package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.Frame;

/**
 * A capture file on a disk that fills up, for real (a 64 KiB tmpfs): the writer fails
 * with the kernel's ENOSPC, cuts the file back to its last complete block, and the file
 * then reads cleanly to its end with exactly the frames the writer says it kept.
 */
class FullDiskTest {

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void theFileReadsCleanlyToItsLastCompleteBlock(CaptureFormat format, @TempDir Path tmp) throws Exception {
        List<Frame> frames = RecordedCaptures.frames(RecordedCaptures.DIRECTORY.resolve("links.pcapng"));
        try (SmallFilesystem fs = SmallFilesystem.mount(tmp.resolve("small"), 64)) {
            Path file = fs.dir().resolve("capture." + format.name().toLowerCase());
            CaptureWriter w = CaptureWriter.create(file, format, "nlmon0");
            List<Frame> written = new ArrayList<>();
            IOException failure = null;
            for (int i = 0; failure == null && i < 100_000; i++) {
                Frame f = frames.get(i % frames.size());
                try {
                    w.write(f);
                    written.add(f);
                    if (written.size() % 5 == 0) {
                        w.flush(); // as a live capture does per ring block
                    }
                } catch (IOException e) {
                    failure = e;
                }
            }
            assertNotNull(failure, "64 KiB never filled up");
            assertEquals("No space left on device", failure.getMessage());
            assertSame(failure, w.failure());
            IOException again = assertThrows(IOException.class, () -> w.write(frames.get(0)));
            assertSame(failure, again, "a failed writer writes nothing more");
            long kept = w.framesKept();
            assertTrue(kept > 0 && kept <= written.size(), kept + " of " + written.size());
            w.close();

            List<Frame> back = Captures.readAll(Files.readAllBytes(file));
            assertEquals(kept, back.size(), "every kept frame, and no error at the end");
            for (int i = 0; i < kept; i++) {
                assertArrayEquals(written.get(i).data(), back.get(i).data(), "frame " + i);
            }
        }
    }
}
