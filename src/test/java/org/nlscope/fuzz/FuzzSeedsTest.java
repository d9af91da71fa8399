package org.nlscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nlscope.pcap.CaptureReader;

/**
 * The checked-in capture seeds are real captures with frames (so fuzzing starts from
 * deep inside the readers), and the generator cuts every recorded capture. Seeds that
 * lag behind a newly recorded capture cost coverage, not correctness; refresh them with
 * {@code scripts/fuzz --seeds}.
 */
class FuzzSeedsTest {

    @Test
    void everyCheckedInCaptureSeedHoldsFrames() throws Exception {
        int seeds = 0;
        for (String dir : List.of(FuzzSeeds.PCAP, FuzzSeeds.PCAPNG)) {
            try (Stream<Path> s = Files.list(FuzzSeeds.RESOURCES.resolve(dir))) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith(FuzzSeeds.PREFIX)).toList()) {
                    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(Files.readAllBytes(p)), p.toString())) {
                        assertTrue(r.next() != null, p + " holds no frame");
                    }
                    seeds++;
                }
            }
        }
        assertTrue(seeds >= 10, "only " + seeds + " capture seeds");
    }

    @Test
    void theGeneratorCutsEveryRecordedCapture() throws Exception {
        var generated = FuzzSeeds.generate();
        for (Path capture : RecordedCaptures.files()) {
            String name = capture.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.'));
            String dir = name.endsWith(".pcapng") ? FuzzSeeds.PCAPNG : FuzzSeeds.PCAP;
            byte[] seed = generated.get(dir + "/" + FuzzSeeds.PREFIX + stem);
            assertTrue(seed != null && seed.length <= Files.size(capture), name);
            assertFalse(generated.keySet().stream().noneMatch(k -> k.startsWith(FuzzSeeds.FRAMES + "/" + FuzzSeeds.PREFIX + stem)),
                    "no frame seed from " + name);
        }
    }
}
