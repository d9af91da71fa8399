package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;

/**
 * The link table a live capture saves at its start (beside the genl snapshot) names interfaces
 * the capture's own messages never named: written into pcapng, read back, used by read.
 */
class LinkSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void theTextFormKeepsTheLinks() {
        CaptureMetadata m = new CaptureMetadata(Map.of(28, "nl80211"), Map.of(), CaptureStats.NONE, Map.of(1, "lo", 6, "nmdum0"));
        assertTrue(m.toText().contains("link 1 lo\nlink 6 nmdum0\n"), m.toText());
        assertEquals(m, CaptureMetadata.parse(m.toText()));
        assertEquals("nmdum0", DecodeContext.of(m).interfaceName(6));
        assertTrue(!m.isEmpty() && new CaptureMetadata(Map.of(), Map.of(), CaptureStats.NONE, Map.of(2, "x")).merge(m)
                .interfaces().equals(Map.of(1, "lo", 2, "x", 6, "nmdum0")));
    }

    @Test
    void aSavedSnapshotNamesWhatTheFramesDoNot() throws Exception {
        // routes.pcapng never names ifindex 1 (no message about lo): "LOCAL 127.0.0.0/8 dev 1"
        Path original = GoldenTest.CAPTURES.resolve("routes.pcapng");
        assertTrue(MainTest.run("read", original.toString()).out().contains("LOCAL 127.0.0.0/8 dev 1 table LOCAL"));
        Path copy = dir.resolve("routes-with-links.pcapng");
        try (CaptureReader r = CaptureReader.open(original);
             CaptureWriter w = CaptureWriter.create(copy, CaptureFormat.PCAPNG)) {
            w.writeMetadata(new CaptureMetadata(Map.of(), Map.of(), CaptureStats.NONE, Map.of(1, "lo")));
            Frame f;
            while ((f = r.next()) != null) {
                w.write(f);
            }
        }
        MainTest.Run read = MainTest.run("read", copy.toString());
        assertEquals(0, read.code(), read.err());
        assertTrue(read.out().contains("LOCAL 127.0.0.0/8 dev lo(1) table LOCAL"), read.out());
        // convert keeps the snapshot
        Path converted = dir.resolve("converted.pcapng");
        assertEquals(0, MainTest.run("convert", copy.toString(), converted.toString()).code());
        assertTrue(MainTest.run("read", converted.toString()).out().contains("dev lo(1) table LOCAL"));
        List<String> json = MainTest.run("read", "--json", copy.toString()).out().lines().toList();
        assertTrue(json.stream().anyMatch(l -> l.contains("\"RTA_OIF\",\"value\":1,\"value_name\":\"lo\"")));
    }
}
