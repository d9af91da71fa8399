package org.nlscope.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.model.ProcessInfo;

class CaptureWriterTest {

    @TempDir
    Path dir;

    static List<Frame> sampleFrames() {
        List<Frame> frames = new ArrayList<>();
        long t = 1_795_340_295_968_653_001L;
        for (int i = 0; i < 50; i++) {
            byte[] data = CaptureBytes.netlinkFrame(i % 2 == 0 ? 4 : 0, i % 3 == 0 ? 16 : 0, i * 7 % 61, i);
            Frame f = new Frame(t + i * 1_234_567L + i, LinkType.NETLINK, data, data.length + (i % 5 == 0 ? 100 : 0),
                    i % 2 == 0 ? 4 : 0, i % 7 == 0 ? "comment " + i + " ünïcode" : null);
            frames.add(f);
        }
        return frames;
    }

    static void assertSameFrames(List<Frame> expected, List<Frame> actual, boolean comments) {
        assertEquals(expected.size(), actual.size(), "frame count");
        for (int i = 0; i < expected.size(); i++) {
            Frame e = expected.get(i);
            Frame a = actual.get(i);
            assertEquals(e.timestampNanos(), a.timestampNanos(), "timestamp of frame " + i);
            assertEquals(e.linkType(), a.linkType(), "link type of frame " + i);
            assertArrayEquals(e.data(), a.data(), "bytes of frame " + i);
            assertEquals(e.originalLength(), a.originalLength(), "original length of frame " + i);
            assertEquals(e.packetType(), a.packetType(), "packet type of frame " + i);
            assertEquals(comments ? e.comment() : null, a.comment(), "comment of frame " + i);
        }
    }

    private static List<Frame> read(Path file) throws CaptureFileException {
        try (CaptureReader r = CaptureReader.open(file)) {
            return Captures.readAll(r);
        }
    }

    private static void write(Path file, CaptureFormat format, List<Frame> frames) throws IOException {
        try (CaptureWriter w = CaptureWriter.create(file, format)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
    }

    @Test
    void pcapngKeepsTimestampsBytesAndComments() throws Exception {
        List<Frame> frames = new ArrayList<>(sampleFrames());
        byte[] sll = CaptureBytes.sllFrame(0, 824, 0);
        frames.add(new Frame(5, LinkType.LINUX_SLL, sll, sll.length, 0, "")); // a second interface, an empty comment
        frames.add(sampleFrames().get(3));
        Path file = dir.resolve("out.pcapng");
        write(file, CaptureFormat.PCAPNG, frames);
        try (CaptureReader r = CaptureReader.open(file)) {
            assertEquals(CaptureFormat.PCAPNG, r.format());
            assertSameFrames(frames, Captures.readAll(r), true);
        }
    }

    @Test
    void roundTripPcapToPcapngToPcapIsByteExact() throws Exception {
        // a nanosecond little-endian pcap assembled by hand: the same header our writer uses
        CaptureBytes original = new CaptureBytes(ByteOrder.LITTLE_ENDIAN).pcapHeader(0xa1b23c4d, LinkType.NETLINK);
        for (int i = 0; i < 20; i++) {
            byte[] data = CaptureBytes.netlinkFrame(4, 0, i * 3, i);
            original.pcapRecord(1_795_340_295L + i, 999_999_980 + i, data, data.length + i);
        }
        Path pcap = Files.write(dir.resolve("in.pcap"), original.toByteArray());
        List<Frame> frames = read(pcap);
        assertEquals(20, frames.size());

        Path ng = dir.resolve("mid.pcapng");
        write(ng, CaptureFormat.PCAPNG, frames);
        List<Frame> viaNg = read(ng);
        assertSameFrames(frames, viaNg, true);

        Path back = dir.resolve("back.pcap");
        write(back, CaptureFormat.PCAP, viaNg);
        assertArrayEquals(original.toByteArray(), Files.readAllBytes(back));
    }

    @Test
    void microsecondBigEndianPcapSurvivesTheRoundTrip() throws Exception {
        CaptureBytes original = new CaptureBytes(ByteOrder.BIG_ENDIAN).pcapHeader(0xa1b2c3d4, LinkType.LINUX_SLL);
        for (int i = 0; i < 10; i++) {
            original.pcapRecord(1_700_000_000L + i, 999_990 + i, CaptureBytes.sllFrame(i % 8, 824, i));
        }
        List<Frame> frames = Captures.readAll(original.toByteArray());
        Path ng = dir.resolve("x.pcapng");
        write(ng, CaptureFormat.PCAPNG, frames);
        Path back = dir.resolve("x.pcap");
        write(back, CaptureFormat.PCAP, read(ng));
        List<Frame> again = read(back);
        assertSameFrames(frames, again, false);
        assertEquals(1_700_000_000_999_990_000L, again.get(0).timestampNanos());
    }

    @Test
    void metadataRoundTripsThroughPcapngAndIsDroppedByPcap() throws Exception {
        CaptureMetadata start = new CaptureMetadata(Map.of(16, "nlctrl", 25, "nl80211", 33, "devlink"),
                Map.of(0L, new ProcessInfo(0, -1, null, false), 4242L, new ProcessInfo(4242, 4242, "ip", true),
                        99L, new ProcessInfo(99, 12, "NetworkManager", false)),
                CaptureStats.NONE);
        CaptureMetadata end = new CaptureMetadata(Map.of(), Map.of(), new CaptureStats(51, 3, 1));
        List<Frame> frames = sampleFrames();
        for (CaptureFormat format : CaptureFormat.values()) {
            Path file = dir.resolve("meta." + format.name().toLowerCase());
            try (CaptureWriter w = CaptureWriter.create(file, format)) {
                w.writeMetadata(start);
                frames.forEach(f -> {
                    try {
                        w.write(f);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
                w.writeMetadata(end);
            }
            try (CaptureReader r = CaptureReader.open(file)) {
                assertSameFrames(frames, Captures.readAll(r), format == CaptureFormat.PCAPNG);
                assertEquals(format == CaptureFormat.PCAPNG ? start.merge(end) : CaptureMetadata.EMPTY, r.metadata());
            }
        }
    }

    @Test
    void flushMakesEverythingSoFarReadable() throws Exception {
        Path file = dir.resolve("live.pcapng");
        List<Frame> frames = sampleFrames();
        try (CaptureWriter w = CaptureWriter.create(file, CaptureFormat.PCAPNG)) {
            for (int i = 0; i < 10; i++) {
                w.write(frames.get(i));
            }
            w.flush();
            assertSameFrames(frames.subList(0, 10), read(file), true);
            for (int i = 10; i < frames.size(); i++) {
                w.write(frames.get(i));
            }
            w.flush();
            assertSameFrames(frames, read(file), true);
        }
    }

    @Test
    void aFlushedEmptyPcapIsAReadableEmptyCapture() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CaptureWriter w = CaptureWriter.create(out, CaptureFormat.PCAP);
        w.flush();
        assertEquals(24, out.size());
        assertNull(Captures.open(out.toByteArray()).next());
        w.close();
    }

    @Test
    void classicPcapRefusesASecondLinkType() throws Exception {
        byte[] sll = CaptureBytes.sllFrame(0, 824, 0);
        try (CaptureWriter w = CaptureWriter.create(new ByteArrayOutputStream(), CaptureFormat.PCAP)) {
            w.write(sampleFrames().get(0));
            IOException e = assertThrows(IOException.class, () -> w.write(Frame.of(1, LinkType.LINUX_SLL, sll)));
            assertTrue(e.getMessage().contains("one link type"), e.getMessage());
        }
    }

    @Test
    void timestampsBefore1970AreRefusedNotMangled() throws Exception {
        byte[] data = CaptureBytes.netlinkFrame(4, 0, 0, 0);
        for (CaptureFormat format : CaptureFormat.values()) {
            try (CaptureWriter w = CaptureWriter.create(new ByteArrayOutputStream(), format)) {
                assertThrows(IOException.class, () -> w.write(Frame.of(-1, LinkType.NETLINK, data)));
            }
        }
    }

    @Test
    void formatFollowsTheFileName() {
        assertEquals(CaptureFormat.PCAP, CaptureFormat.forFileName("x.pcap"));
        assertEquals(CaptureFormat.PCAP, CaptureFormat.forFileName("/tmp/X.PCAP"));
        assertEquals(CaptureFormat.PCAPNG, CaptureFormat.forFileName("x.pcapng"));
        assertEquals(CaptureFormat.PCAPNG, CaptureFormat.forFileName("capture"));
    }
}
