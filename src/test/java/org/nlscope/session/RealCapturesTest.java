package org.nlscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.io.CaptureSaver;
import org.nlscope.session.io.FileLoader;
import org.nlscope.session.io.LoadResult;
import org.nlscope.session.replay.Replay;
import org.nlscope.session.stats.Statistics;
import org.nlscope.session.transactions.Transaction;
import org.nlscope.session.transactions.Transactions;

/** The session layer over the captures recorded on a real kernel (src/test/resources/captures). */
class RealCapturesTest {
    static final Path CAPTURES = Path.of("src/test/resources/captures");
    static final EngineDecoding ENGINE = EngineDecoding.load(List.of());

    @TempDir
    Path dir;

    static CaptureStore load(String name) {
        CaptureStore s = new CaptureStore(ENGINE);
        LoadResult r = FileLoader.load(CAPTURES.resolve(name), s);
        assertTrue(r.complete(), r.toString());
        return s;
    }

    static Stream<String> captures() throws Exception {
        try (Stream<Path> files = Files.list(CAPTURES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap") || n.endsWith(".pcapng"))
                    .sorted().toList().stream();
        }
    }

    private static int[] rows(CaptureStore s, String filter) throws Exception {
        return DisplayFilter.parse(filter).matchingRows(s, 0, s.size());
    }

    private static List<String> infos(CaptureStore s) {
        return s.rows(0, s.size()).stream().map(r -> r.frameNumber() + "/" + r.messageIndex() + " " + r.kind() + " "
                + r.typeName() + " " + r.info()).toList();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyAnswerPairsWithARequestOfTheSameSeq(String name) {
        CaptureStore s = load(name);
        Transactions tx = Transactions.attach(s);
        int paired = 0;
        for (MessageRow row : s.rows(0, s.size())) {
            Transaction t = tx.ofRow(row.index());
            switch (row.kind()) {
                case ACK, ERROR, DONE -> {
                    if (row.kind() == MessageRow.Kind.DONE && row.seq() == 0 && row.portId() == 0) {
                        break; // the end of a multipart notification (team's option events), no answer
                    }
                    assertNotNull(t, name + " row " + row.index() + " " + row.info() + " answers nothing");
                    paired++;
                }
                case REQUEST -> assertNotNull(t);
                default -> {
                }
            }
            if (t != null) {
                assertEquals(row.seq(), t.seq(), name + " row " + row.index());
                MessageRow request = s.row(t.requestRow());
                assertEquals(MessageRow.Kind.REQUEST, request.kind());
                assertTrue(t.requestRow() <= row.index());
                if (t.isComplete()) {
                    assertTrue(t.completionNanos() >= t.firstReplyNanos(), name + " " + t);
                }
            }
        }
        assertTrue(paired > 0 || s.size() < 3, name);
    }

    @Test
    void dumpsCollectTheirPartsUpToDone() throws Exception {
        CaptureStore s = load("multipart.pcapng");
        Transactions tx = Transactions.attach(s);
        int[] done = rows(s, "done");
        assertTrue(done.length >= 3, "ip link, ip addr and ip route each dumped");
        for (int d : done) {
            Transaction t = tx.ofRow(d);
            assertEquals(d, t.doneRow());
            assertFalse(t.replyRows().isEmpty(), t.toString());
            for (int part : t.replyRows()) {
                assertEquals(MessageRow.Kind.DUMP_PART, s.row(part).kind());
            }
            assertTrue(DisplayFilter.parse("flags & NLM_F_DUMP").matches(s, t.requestRow()));
            assertEquals(t.replyRows().get(0), tx.responseRowOf(t.requestRow()));
            assertEquals(d, tx.responseRowOf(t.replyRows().get(t.replyRows().size() - 1)));
            assertEquals(t.requestRow(), tx.requestRowOf(d));
        }
        int[] links = rows(s, "type == RTM_NEWLINK and dump and IFLA_IFNAME ~ md");
        assertEquals(2 * 64, links.length, "64 dummy links md0..md63, dumped by ip link show and again by ip addr show");
    }

    @Test
    void errorsAreFoundAndCounted() throws Exception {
        CaptureStore s = load("errors.pcapng");
        Statistics.Snapshot stats = Statistics.attach(s).snapshot();
        int[] errors = rows(s, "error");
        assertEquals(stats.errors(), errors.length);
        assertEquals(stats.errorsByErrno().get("EEXIST").intValue(), rows(s, "errno == EEXIST").length);
        int[] mtu = rows(s, "errno == EINVAL and NLMSGERR_ATTR_MSG ~ \"mtu\"");
        assertEquals(1, mtu.length);
        Transactions tx = Transactions.attach(s);
        int request = tx.requestRowOf(mtu[0]);
        assertTrue(DisplayFilter.parse("type == RTM_NEWLINK and IFLA_MTU == 1").matches(s, request),
                "ip link set vethe0 mtu 1 asked for the impossible");
        assertEquals(-22, tx.ofRow(mtu[0]).errorCode());
        assertArrayEquals(new int[0], rows(s, "error and not errno"));
    }

    @Test
    void genericFamiliesAreNamedFromTheCapture() throws Exception {
        CaptureStore s = load("genl.pcapng");
        int[] wg = rows(s, "family == wireguard");
        assertTrue(wg.length > 0);
        int first = wg[0];
        assertEquals("wireguard", s.row(first).familyName());
        int taught = rows(s, "CTRL_ATTR_FAMILY_NAME == wireguard and (reply or dump)")[0];
        assertTrue(taught < first, "named by an nlctrl answer earlier in the capture");
        assertNull(s.context(s.frameOfRow(taught)).genlFamily(idOf(s, taught)), "unknown before that answer");
        assertEquals("wireguard", s.context(s.frameOfRow(first)).genlFamily(idOf(s, taught)));
    }

    private static int idOf(CaptureStore s, int row) {
        return ((Number) s.message(row).attribute("CTRL_ATTR_FAMILY_ID").value()).intValue();
    }

    private static List<String> withoutOwners(List<String> infos) {
        return infos.stream().map(i -> i.replaceAll(" pid \\d+ \\([^)]*\\)", "")).toList();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void saveAndReopenGivesTheSameMessages(String name) throws Exception {
        CaptureStore s = load(name);
        for (String out : List.of("again.pcapng", "again.pcap")) {
            Path file = dir.resolve(out);
            CaptureSaver.save(s, file);
            CaptureStore back = new CaptureStore(ENGINE);
            assertTrue(FileLoader.load(file, back).complete());
            // a copy holds the port owners at its start (processes.pcapng had them in its last block):
            // sock_diag summaries then name the processes of ports; all else is the same
            assertEquals(withoutOwners(infos(s)), withoutOwners(infos(back)), name + " -> " + out);
            for (int f = 1; f <= s.frameCount(); f++) {
                assertArrayEquals(s.frame(f).data(), back.frame(f).data());
                long t = s.frame(f).timestampNanos();
                assertEquals(out.endsWith(".pcap") ? t / 1000 : t, out.endsWith(".pcap") ? back.frame(f).timestampNanos() / 1000
                        : back.frame(f).timestampNanos());
            }
        }
    }

    @Test
    void replayDeliversEveryMessage() throws Exception {
        CaptureStore s = load("links.pcapng");
        CaptureStore live = new CaptureStore(ENGINE);
        Replay r = Replay.start(s, live, Replay.Speed.FULL);
        assertEquals(Replay.State.FINISHED, r.done().get(60, TimeUnit.SECONDS));
        assertEquals(infos(s), infos(live));
    }

    @Test
    void filtersOnRealLinks() throws Exception {
        CaptureStore s = load("links.pcapng");
        assertTrue(rows(s, "IFLA_IFNAME == \"dum0\" and IFLA_MTU == 1400 and reply").length > 0);
        assertTrue(rows(s, "IFLA_INFO_KIND == vxlan").length > 0);
        int[] create = rows(s, "type == RTM_NEWLINK && flags & NLM_F_CREATE");
        assertEquals(8, create.length, "dum0, veth0, vlan10, br0, bond0, vxlan42, macvlan0, wg0: " + Arrays.toString(create));
        for (int r : create) {
            assertEquals(MessageRow.Kind.REQUEST, s.row(r).kind());
        }
        assertEquals(0, rows(s, "direction == to_kernel and not request").length);
        assertEquals(s.size(), rows(s, "family == route").length + rows(s, "not family == route").length);
    }
}
