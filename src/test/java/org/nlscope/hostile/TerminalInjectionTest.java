package org.nlscope.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.session.NetlinkTestFrames.attr;
import static org.nlscope.session.NetlinkTestFrames.error;
import static org.nlscope.session.NetlinkTestFrames.ifinfomsg;
import static org.nlscope.session.NetlinkTestFrames.msg;
import static org.nlscope.session.NetlinkTestFrames.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.cli.Main;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.model.ProcessInfo;
import org.nlscope.model.TerminalText;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.MessageRow;
import org.nlscope.session.NetlinkTestFrames;
import org.nlscope.session.RowBuilder;
import org.nlscope.session.export.DetailNode;
import org.nlscope.session.export.DetailTree;
import org.nlscope.uapi.Netlink;
import org.nlscope.uapi.Rtnetlink;

/** Item 5 of issue 12: what a capture or a file name says never reaches a terminal or a label as control characters. */
class TerminalInjectionTest {
    private static final String ATTACK = HostileInputs.TERMINAL_ATTACK;
    private static final String ESCAPED = "a\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07b\\x08\\r\\nc\\x9b31m";
    private static final long PORT = 4242;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thePolicyEscapesWhatTerminalsActOn() {
        assertEquals(ESCAPED, TerminalText.escape(ATTACK));
        assertEquals("ok ünïcødé 名前", TerminalText.escape("ok ünïcødé 名前"));
        assertEquals("\\x00\\x7f\\u202eevil\\u2028", TerminalText.escape("\0\u007f\u202eevil\u2028"));
        String clean = "dum0";
        assertTrue(clean == TerminalText.escape(clean), "clean text is not copied");
    }

    /** Every source the issue names: a string attribute, extack, a genl family name, a process name, a comment. */
    private List<Frame> frames() {
        Frame link = NetlinkTestFrames.frame(HostileInputs.T0, Netlink.NETLINK_ROUTE,
                msg(Rtnetlink.RTM_NEWLINK, 0, 1, PORT, ifinfomsg(3, 1), attr(Rtnetlink.IFLA_IFNAME, str(ATTACK))));
        Frame commented = new Frame(link.timestampNanos(), link.linkType(), link.data(), link.originalLength(), link.packetType(),
                "note " + ATTACK);
        byte[] request = msg(Rtnetlink.RTM_NEWLINK, 0x605, 2, PORT, ifinfomsg(0, 0));
        Frame ack = NetlinkTestFrames.frame(HostileInputs.T0 + 1, Netlink.NETLINK_ROUTE,
                error(-22, request, true, 2, PORT, attr(1, str("bad " + ATTACK))));
        Frame family = HostileInputs.newFamily(3, 30, "fam\n4 00:00:00.000000 > forged line");
        Frame useFamily = NetlinkTestFrames.frame(HostileInputs.T0 + 4, Netlink.NETLINK_GENERIC,
                msg(30, 1, 5, PORT, new byte[] {1, 0, 0, 0}));
        return List.of(commented, ack, family, useFamily);
    }

    private Path capture() throws Exception {
        Path file = dir.resolve("attack.pcapng");
        try (CaptureWriter w = CaptureWriter.create(file, CaptureFormat.PCAPNG)) {
            w.writeMetadata(new CaptureMetadata(Map.of(), Map.of(PORT, new ProcessInfo(PORT, 77, "ip" + ATTACK.replace("\n", ""), false)), null));
            for (Frame f : frames()) {
                w.write(f);
            }
        }
        return file;
    }

    private static void assertInert(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c == '\n' || TerminalText.isSafe(c), "character " + (int) c + " at " + i + " in: " + text);
        }
    }

    @Test
    void readReadVerboseAndStatsPrintNoControlCharacterAndNoForgedLine() throws Exception {
        Path file = capture();
        Run read = run("read", file.toString());
        assertEquals(0, read.code, read.err);
        assertInert(read.out);
        assertEquals(4, read.out.lines().count(), read.out);
        assertTrue(read.out.contains(ESCAPED), read.out);
        assertTrue(read.out.contains("fam\\n4 00:00:00.000000 > forged line"), read.out);
        Run verbose = run("read", "-V", file.toString());
        assertInert(verbose.out);
        assertTrue(verbose.out.contains("Comment: note " + ESCAPED), verbose.out);
        assertTrue(verbose.out.contains("bad " + ESCAPED), verbose.out);
        Run stats = run("stats", file.toString());
        assertEquals(0, stats.code, stats.err);
        assertInert(stats.out);
        assertTrue(stats.out.contains("fam\\n4"), stats.out);
    }

    @Test
    void jsonIsInertOnATerminalAndKeepsTheExactValue() throws Exception {
        Run json = run("read", "--json", capture().toString());
        assertEquals(0, json.code, json.err);
        for (int i = 0; i < json.out.length(); i++) {
            char c = json.out.charAt(i);
            assertTrue(c == '\n' || TerminalText.isSafe(c), "character " + (int) c + " in JSON");
        }
        JsonNode first = new ObjectMapper().readTree(json.out.lines().findFirst().orElseThrow());
        assertTrue(first.toString().contains("\\u001B[2J") || first.toString().contains("\\u001b[2J"), first.toString());
        assertTrue(json.out.contains("\\u009b31m"), "C1 CSI escaped");
        assertTrue(first.findValuesAsText("value").contains(ATTACK), "the value itself is exact: " + first);
    }

    @Test
    void errorLinesEscapeFileNames() throws Exception {
        Path dissectors = Files.createDirectory(dir.resolve("d"));
        Files.writeString(dissectors.resolve("evil\u001b]0;pwned\u0007.yaml"), "family: [unclosed\n");
        Run r = run("--dissectors", dissectors.toString(), "read", capture().toString());
        assertEquals(2, r.code);
        assertEquals(1, r.err.lines().count(), r.err);
        assertInert(r.err);
        assertTrue(r.err.contains("evil\\x1b]0;pwned\\x07.yaml"), r.err);
        Run missing = run("read", dir.resolve("no\u001b[2Jfile.pcap").toString());
        assertInert(missing.err);
        assertTrue(missing.err.contains("no\\x1b[2Jfile.pcap: no such file"), missing.err);
    }

    @Test
    void theDesktopAppsTableRowsAndTreeLabelsAreEscaped() {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        DecodeContext context = DecodeContext.empty().withProcess(new ProcessInfo(PORT, 77, "ip" + ATTACK, false))
                .withGenlFamily(30, "fam\nforged");
        int number = 0;
        for (Frame f : frames()) {
            DecodedFrame df = decoder.decode(f, ++number, context);
            for (MessageRow row : RowBuilder.rows(df, context, 0)) {
                for (String text : new String[] {row.familyName(), row.typeName(), row.process(), row.info()}) {
                    if (text != null) {
                        assertInert(text.replace('\n', '\u0001'));
                    }
                }
            }
            assertTreeInert(new DetailTree(context::process).build(df));
        }
    }

    private static void assertTreeInert(DetailNode node) {
        assertInert(node.label().replace('\n', '\u0001'));
        node.children().forEach(TerminalInjectionTest::assertTreeInert);
    }
}
