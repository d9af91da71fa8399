package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.nlscope.fuzz.FuzzChecks;
import org.nlscope.model.Frame;

/**
 * Coverage-guided fuzzing of the capture readers (Jazzer). In every build each target
 * runs once per input in {@code CaptureReaderFuzzTestInputs/METHOD/} (seeds cut from the
 * recorded captures, and every crash found so far); {@code scripts/fuzz} mutates them.
 * A read gives frames and then ends cleanly or with one CaptureFileException; nothing
 * else escapes, and it never gives back more bytes than the file holds.
 */
class CaptureReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void pcap(byte[] file) {
        if (file.length < 4 || PcapParser.isMagic(Arrays.copyOf(file, 4))) {
            read(file);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void pcapng(byte[] file) {
        if (file.length < 4 || PcapngParser.isMagic(Arrays.copyOf(file, 4))) {
            read(file);
        }
    }

    private static void read(byte[] file) {
        CaptureReader r;
        try {
            r = CaptureReader.open(new ByteArrayInputStream(file), "fuzz.cap");
        } catch (CaptureFileException e) {
            checkError(e, file);
            return;
        }
        long frameBytes = 0;
        try (r) {
            Frame f;
            while ((f = r.next()) != null) {
                frameBytes += f.data().length;
            }
            assertTrue(frameBytes <= file.length, frameBytes + " bytes of frames from a " + file.length + "-byte file");
            r.metadata();
            r.sectionComments();
            assertNull(r.next(), "a reader at its end must stay there");
        } catch (CaptureFileException e) {
            checkError(e, file);
            // the damage ends the read for good: reading on would start somewhere inside it
            assertSame(e, assertThrows(CaptureFileException.class, r::next));
        }
    }

    private static void checkError(CaptureFileException e, byte[] file) {
        FuzzChecks.assertOneLine("the error", e.getMessage());
        if (e.offset() < -1 || e.offset() > file.length) {
            fail("offset " + e.offset() + " outside a " + file.length + "-byte file: " + e.getMessage());
        }
    }
}
