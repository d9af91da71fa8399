package org.nlscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nlscope.pcap.CaptureReader;

/** The checked-in seeds are what {@link FuzzSeeds} makes from today's captures, and real captures themselves. */
class FuzzSeedsTest {

    @Test
    void checkedInSeedsAreTheGeneratedOnes() throws IOException {
        SortedMap<String, byte[]> expected = FuzzSeeds.generate();
        TreeSet<String> onDisk = new TreeSet<>();
        for (String dir : FuzzSeeds.DIRECTORIES) {
            try (Stream<Path> s = Files.list(FuzzSeeds.RESOURCES.resolve(dir))) {
                s.filter(p -> p.getFileName().toString().startsWith(FuzzSeeds.PREFIX))
                        .forEach(p -> onDisk.add(dir + "/" + p.getFileName()));
            }
        }
        assertEquals(new TreeSet<>(expected.keySet()), onDisk, "seeds are stale: run scripts/fuzz --seeds");
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(FuzzSeeds.RESOURCES.resolve(e.getKey())), e.getKey());
        }
    }

    @Test
    void everyCaptureSeedIsAReadableCaptureWithFrames() throws Exception {
        for (Map.Entry<String, byte[]> e : FuzzSeeds.generate().entrySet()) {
            if (!e.getKey().startsWith(FuzzSeeds.PCAP) && !e.getKey().startsWith(FuzzSeeds.PCAPNG)) {
                continue;
            }
            try (CaptureReader r = CaptureReader.open(new java.io.ByteArrayInputStream(e.getValue()), e.getKey())) {
                int frames = 0;
                while (r.next() != null) {
                    frames++;
                }
                assertTrue(frames > 0, e.getKey() + " holds no frame");
            }
        }
    }
}
