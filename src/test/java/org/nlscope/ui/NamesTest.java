package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.ui.Fx.await;
import static org.nlscope.ui.Fx.cellText;
import static org.nlscope.ui.Fx.fx;
import static org.nlscope.ui.Fx.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.ProcessInfo;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.io.CaptureSaver;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Interface names on link messages, process names on ports, and folding answers, on the recorded ip link session. */
@ExtendWith(ApplicationExtension.class)
class NamesTest {

    @TempDir
    Path tmp;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, MainWindowTest.DECODING,
                new RecentFiles(Files.createTempDirectory("nlscope-names").resolve("recent-files")));
        stage.show();
    }

    @Test
    void linkMessagesNameTheirIndexAsTheCaptureTaughtIt() {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        List<MessageRow> rows = store.rows(0, store.size());
        // the kernel's RTM_NEWLINK for dum0 carries both: "#3 dum0 dummy mtu 1500 ..."
        MessageRow told = rows.stream().filter(r -> r.typeName().equals("RTM_NEWLINK")
                && RowText.info(r).matches("#\\d+ dum0 .*")).findFirst().orElseThrow();
        String index = RowText.info(told).substring(1, RowText.info(told).indexOf(' '));
        assertEquals("dum0 (#" + index + ")" + RowText.info(told).substring(index.length() + 6),
                cellText(window, "info", told.index()));
        assertTrue(cellText(window, "info", told.index()).startsWith("dum0 (#" + index + ") dummy mtu"));
        // "ip link set dum0 mtu 1400 up" sends the index alone: the name comes from the link messages
        MessageRow request = rows.stream().filter(r -> r.typeName().equals("RTM_NEWLINK")
                && r.kind() == MessageRow.Kind.REQUEST && RowText.info(r).startsWith("#" + index))
                .findFirst().orElseThrow();
        String shown = cellText(window, "info", request.index());
        assertTrue(shown.startsWith("dum0 (#" + index + ")"), shown + " for " + RowText.info(request));
        // other messages keep their text
        MessageRow address = rows.stream().filter(r -> r.typeName().equals("RTM_NEWADDR")).findFirst().orElseThrow();
        assertEquals(RowText.info(address), cellText(window, "info", address.index()));
    }

    @Test
    void portsShowTheProcessesALiveCaptureRecorded() throws Exception {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        MessageRow answer = store.rows(0, store.size()).stream()
                .filter(r -> r.kind() == MessageRow.Kind.ERROR).findFirst().orElseThrow();
        long port = answer.portId();
        // what capture -w writes: the processes behind the ports, in the pcapng's metadata block
        CaptureStore copy = new CaptureStore(MainWindowTest.DECODING);
        for (int n = 1; n <= store.frameCount(); n++) {
            copy.append(store.frame(n));
        }
        copy.addMetadata(new CaptureMetadata(Map.of(), Map.of(port, new ProcessInfo(port, 4242, "ip", false)), null));
        Path withProcesses = tmp.resolve("with-processes.pcapng");
        CaptureSaver.save(copy, withProcesses);
        Fx.openAndWait(window, withProcesses);
        assertEquals(port + " (ip)", cellText(window, "port", answer.index()));
    }

    @Test
    void foldingPutsAcksAndDonesOnTheirRequestsRow() {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        List<MessageRow> rows = store.rows(0, store.size());
        long folded = rows.stream().filter(r -> Folding.hides(r, window.session().transactions())).count();
        assertTrue(folded > 5, "the session has ACKs and DONEs: " + folded);
        MessageRow acked = rows.stream().filter(r -> r.kind() == MessageRow.Kind.REQUEST
                && window.session().transactions().ofRow(r.index()) != null
                && window.session().transactions().ofRow(r.index()).ackRow() >= 0
                && window.session().transactions().ofRow(r.index()).errorCode() == 0).findFirst().orElseThrow();
        run(() -> window.options().setFold(true));
        await("the folded view", () -> window.model().displayed().size() == store.size() - folded);
        assertTrue(fx(() -> window.model().displayed().stream().noneMatch(r -> r.kind() == MessageRow.Kind.ACK
                && window.session().transactions().ofRow(r.index()) != null)), "no ACK of a request has a row");
        int at = fx(() -> window.navigator().displayedIndexOf(acked.index()));
        assertTrue(cellText(window, "info", at).endsWith("→ ACK"), cellText(window, "info", at));
        assertTrue(fx(() -> window.model().displayed().stream().anyMatch(r -> r.kind() == MessageRow.Kind.ERROR)),
                "errors keep their rows");
        run(() -> window.options().setFold(false));
        await("all rows again", () -> window.model().displayed().size() == store.size());
        assertFalse(cellText(window, "info", acked.index()).contains("→"));
    }

    /**
     * processes.pcapng was written by nlscope capture -w on nlmon (an ip -batch that ran on and
     * exited, ip monitor listening, genl and ss too quick to be placed): the owners it found are
     * in its last block, after every frame, and still name the ports of the frames before.
     */
    @Test
    void theRecordedOwnersNameThePortsInTheTableTheTreeAndTheFilter(org.testfx.api.FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, PROCESSES);
        List<MessageRow> rows = store.rows(0, store.size());
        MessageRow monitor = rows.stream().filter(r -> r.portId() == 220).findFirst().orElseThrow();
        MessageRow batch = rows.stream().filter(r -> r.portId() == 222).findFirst().orElseThrow();
        MessageRow unplaced = rows.stream().filter(r -> r.portId() == 229).findFirst().orElseThrow();
        assertEquals("220 (ip)", cellText(window, "port", monitor.index()));
        assertEquals("222 (ip, exited)", cellText(window, "port", batch.index()));
        assertEquals("229", cellText(window, "port", unplaced.index()), "a port no refresh placed is a number");

        run(() -> window.table().getSelectionModel().select(batch.index()));
        await("the tree of the ip -batch message", () -> window.detail().tree().getRoot() != null);
        String tree = fx(() -> treeText(window.detail().tree().getRoot()));
        assertTrue(tree.contains("222 (pid 222 (ip, exited))"), tree);

        Fx.filter(window, "process == ip");
        await("the filter", () -> window.model().displayed().size() > 0 && window.model().displayed().size() < store.size());
        assertTrue(fx(() -> window.model().displayed().stream().allMatch(r -> r.portId() == 220 || r.portId() == 222
                || r.portId() == 2944462129L)), "only ip's ports");
        run(() -> window.filterBar().field().clear());
        robot.clickOn("#filterField").write("process == i");
        await("the completions", () -> window.filterBar().completer().isShowing());
        assertEquals(List.of("ip"), fx(() -> List.copyOf(window.filterBar().completer().list().getItems())),
                "the capture's command names are offered");
    }

    static final Path PROCESSES = Path.of("src/test/resources/captures/processes.pcapng");

    private static String treeText(javafx.scene.control.TreeItem<?> item) {
        StringBuilder sb = new StringBuilder(String.valueOf(item.getValue())).append('\n');
        item.getChildren().forEach(c -> sb.append(treeText(c)));
        return sb.toString();
    }
}
