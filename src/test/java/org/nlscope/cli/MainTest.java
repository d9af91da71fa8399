package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Main on real files: exit codes, and one line on stderr for every failure. */
class MainTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        /** The failure is one line, starts with "nlscope: ", and shows no stack trace. */
        void failedWithOneLine(int expectedCode, String expectedText) {
            assertEquals(expectedCode, code, err);
            assertTrue(err.startsWith("nlscope: "), err);
            assertTrue(err.contains(expectedText), err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
            assertEquals(1, err.lines().count(), err);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A classic pcap (little endian, microseconds, LINKTYPE_NETLINK) of two frames, each an
     * RTM_GETLINK dump request: cooked header, nlmsghdr, ifinfomsg, as `ip link show` sends it.
     */
    static byte[] twoFramePcap() {
        ByteBuffer b = ByteBuffer.allocate(24 + 2 * (16 + 56)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(253);
        for (int i = 0; i < 2; i++) {
            b.putInt(1_795_340_295 + i).putInt(968_653).putInt(56).putInt(56);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) 4).putShort((short) 824).put(new byte[10]).putShort((short) 0);
            b.order(ByteOrder.LITTLE_ENDIAN).putInt(40).putShort((short) 18).putShort((short) 0x301).putInt(1 + i).putInt(0);
            b.put(new byte[16]); // ifinfomsg, all zero
            b.putShort((short) 8).putShort((short) 29).putInt(1); // IFLA_EXT_MASK = RTEXT_FILTER_VF
        }
        return b.array();
    }

    private Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertEquals(0, v.code);
        assertTrue(v.out.startsWith("nlscope "), v.out);
        Run h = run("--help");
        assertEquals(0, h.code);
        for (String sub : new String[] {"read", "convert", "stats", "--dissectors"}) {
            assertTrue(h.out.contains(sub), h.out);
        }
        Run none = run();
        assertEquals(0, none.code);
        assertTrue(none.out.contains("Usage: nlscope"), none.out);
    }

    @Test
    void badUsageExitsOne() {
        Run r = run("read");
        assertEquals(1, r.code);
        assertTrue(r.err.startsWith("nlscope: Missing required parameter: 'FILE'"), r.err);
        assertEquals(1, run("--no-such-option").code);
        assertEquals(1, run("frobnicate").code);
        Run both = run("read", "-V", "--json", "x.pcap");
        assertEquals(1, both.code);
        assertTrue(both.err.contains("mutually exclusive"), both.err);
    }

    @Test
    void missingFile() {
        run("read", dir.resolve("missing.pcap").toString())
                .failedWithOneLine(2, dir.resolve("missing.pcap") + ": no such file");
        run("stats", dir.resolve("missing.pcap").toString()).failedWithOneLine(2, "missing.pcap: no such file");
    }

    @Test
    void emptyFile() throws Exception {
        Path p = file("empty.pcap", new byte[0]);
        run("read", p.toString()).failedWithOneLine(2, p + ": empty file");
    }

    @Test
    void notACapture() throws Exception {
        Path p = file("notes.pcap", "these are my notes, not a capture\n".getBytes(StandardCharsets.US_ASCII));
        run("read", p.toString()).failedWithOneLine(2, p + ": not a pcap or pcapng file");
    }

    @Test
    void truncatedFilePrintsTheFramesBeforeTheDamage() throws Exception {
        byte[] whole = twoFramePcap();
        Path ok = file("ok.pcap", whole);
        Run all = run("read", ok.toString());
        assertEquals(0, all.code, all.err);
        assertEquals(2, all.out.lines().count(), all.out);

        Path cut = file("cut.pcap", Arrays.copyOf(whole, whole.length - 10));
        Run r = run("read", cut.toString());
        r.failedWithOneLine(2, cut + ": ");
        assertTrue(r.err.contains("offset " + (24 + 16 + 56)), "names the offset of the damaged record: " + r.err);
        assertEquals(all.out.lines().findFirst().get() + "\n", r.out, "the frame before the damage is printed");
    }

    @Test
    void readPrintsEveryFormat() throws Exception {
        Path p = file("getlink.pcap", twoFramePcap());
        Run lines = run("read", p.toString());
        assertEquals(0, lines.code, lines.err);
        assertTrue(lines.out.startsWith("1 "), lines.out);
        assertTrue(lines.out.contains(" > route RTM_GETLINK "), lines.out);

        Run json = run("read", "--json", p.toString());
        assertEquals(0, json.code, json.err);
        assertEquals(2, json.out.lines().count());
        assertTrue(json.out.startsWith("{\"frame\":1,\"time_ns\":1795340295968653000,\"family\":0,"), json.out);

        Run tree = run("read", "-V", p.toString());
        assertEquals(0, tree.code, tree.err);
        assertTrue(tree.out.startsWith("Frame 1: 56 bytes"), tree.out);
        assertTrue(tree.out.contains("        nlmsghdr\n"), tree.out);
    }

    @Test
    void badDissectorDirectory() throws Exception {
        Path p = file("getlink.pcap", twoFramePcap());
        run("--dissectors", dir.resolve("nope").toString(), "read", p.toString())
                .failedWithOneLine(2, "nope: no such directory");
        run("read", "--dissectors", dir.resolve("nope").toString(), p.toString())
                .failedWithOneLine(2, "nope: no such directory");
    }

    @Test
    void convertRoundTripsThroughBothFormats() throws Exception {
        Path pcap = file("getlink.pcap", twoFramePcap());
        Path ng = dir.resolve("getlink.pcapng");
        Path back = dir.resolve("back.pcap");
        assertEquals(0, run("convert", pcap.toString(), ng.toString()).code);
        assertEquals(0, run("convert", ng.toString(), back.toString()).code);
        byte[] ngBytes = Files.readAllBytes(ng);
        assertEquals(0x0a0d0d0a, ByteBuffer.wrap(ngBytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0), "pcapng section header");
        assertEquals(run("read", "--json", pcap.toString()).out, run("read", "--json", back.toString()).out);
        assertEquals(run("read", "--json", pcap.toString()).out, run("read", "--json", ng.toString()).out);
    }

    @Test
    void convertRefusesToOverwriteItsInput() throws Exception {
        Path pcap = file("getlink.pcap", twoFramePcap());
        run("convert", pcap.toString(), pcap.toString()).failedWithOneLine(1, "is the input file");
        assertEquals(twoFramePcap().length, Files.size(pcap));
    }

    @Test
    void statsCountsByFamilyAndType() throws Exception {
        Path p = file("getlink.pcap", twoFramePcap());
        Run r = run("stats", p.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith(p + ": 2 frames, 2 messages\n"), r.out);
        assertTrue(r.out.matches("(?s).*\n  NETLINK_ROUTE +2\n    RTM_GETLINK +2\n.*"), r.out);
    }

    static final Path CAPTURES = GoldenTest.CAPTURES;

    @Test
    void aRealCaptureCutShortPrintsEveryFrameBeforeTheCut() throws Exception {
        byte[] whole = Files.readAllBytes(CAPTURES.resolve("errors.pcapng"));
        Run all = run("read", CAPTURES.resolve("errors.pcapng").toString());
        assertEquals(0, all.code, all.err);
        Path cut = file("errors-cut.pcapng", Arrays.copyOf(whole, whole.length / 2));
        Run r = run("read", cut.toString());
        r.failedWithOneLine(2, cut + ": ");
        assertTrue(r.err.matches("nlscope: .*errors-cut.pcapng: .* at offset \\d+\n"), r.err);
        assertFalse(r.out.isEmpty());
        assertTrue(all.out.startsWith(r.out), "the frames before the cut are printed as in the whole file");
        // the text, JSON and tree forms stop at the same frame
        long lines = run("read", "--json", cut.toString()).out.lines().count();
        assertEquals(r.out.lines().map(l -> l.substring(0, l.indexOf(' '))).distinct().count(), lines);
    }

    @Test
    void statsShowsTheKernelsDropCountersFromTheMetadata() throws Exception {
        Path p = dir.resolve("with-stats.pcapng");
        try (CaptureReader in = CaptureReader.open(file("getlink.pcap", twoFramePcap()));
             CaptureWriter out = CaptureWriter.create(p, CaptureFormat.PCAPNG)) {
            out.writeMetadata(new CaptureMetadata(Map.of(21, "wireguard"), Map.of(), new CaptureStats(1000, 3, 1)));
            for (Frame f; (f = in.next()) != null; ) {
                out.write(f);
            }
        }
        Run r = run("stats", p.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.endsWith("Kernel: 1000 packets, 3 dropped, 1 queue freezes\n"), r.out);

        Path copy = dir.resolve("copy.pcapng");
        assertEquals(0, run("convert", p.toString(), copy.toString()).code);
        try (CaptureReader a = CaptureReader.open(p); CaptureReader b = CaptureReader.open(copy)) {
            while (a.next() != null) {
                assertTrue(b.next() != null);
            }
            assertEquals(null, b.next());
            assertEquals(a.metadata(), b.metadata(), "convert carries nlscope's metadata over");
        }
    }

    @Test
    void aReaderThatGoesAwayEndsQuietly() throws Exception {
        Path p = CAPTURES.resolve("multipart.pcapng");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(failingAfter(1000, "Broken pipe"), err, "read", "-V", p.toString());
        assertEquals(0, code);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFullDiskIsOneLine() throws Exception {
        Path p = CAPTURES.resolve("multipart.pcapng");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(failingAfter(1000, "No space left on device"), err, "read", "--json", p.toString());
        new Run(code, "", err.toString(StandardCharsets.UTF_8))
                .failedWithOneLine(2, "nlscope: standard output: No space left on device");
    }

    @Test
    void aBadDissectorFileIsOneLineNamingTheFile() throws Exception {
        Path dissectors = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dissectors.resolve("broken.yaml"), "family: route\nattribute-sets: [ {name: x, attributes: [ {name: A, type: nosuchtype} ] } ]\n");
        Path p = file("getlink.pcap", twoFramePcap());
        Run r = run("read", "--dissectors", dissectors.toString(), p.toString());
        r.failedWithOneLine(2, "broken.yaml");
        assertEquals("", r.out);
    }

    /** Standard output that fails like a closed pipe or a full disk once it has taken some bytes. */
    private static java.io.OutputStream failingAfter(int bytes, String message) {
        return new java.io.OutputStream() {
            private int taken;

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                taken += len;
                if (taken > bytes) {
                    throw new java.io.IOException(message);
                }
            }
        };
    }
}
