package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.ui.Fx.await;
import static org.nlscope.ui.Fx.fx;
import static org.nlscope.ui.Fx.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.pcap.TsharkInteropTest;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export Specified Messages: displayed, selected, marked; pcapng and pcap that tshark reads, text, JSON. */
@ExtendWith(ApplicationExtension.class)
class ExportSpecifiedTest {

    @TempDir
    Path tmp;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, MainWindowTest.DECODING,
                new RecentFiles(Files.createTempDirectory("nlscope-export").resolve("recent-files")));
        stage.show();
    }

    /** The frame numbers tshark reads from a file (it fails on a file it cannot read). */
    private static List<String> tsharkFrames(Path file) throws Exception {
        TsharkInteropTest.Run r = TsharkInteropTest.run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.number");
        assertEquals(0, r.exit(), "tshark reads " + file.getFileName() + ": " + r.err());
        return r.out().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void theDisplayedMessagesAsPcapngAndPcapThatTsharkReads() throws Exception {
        Assumptions.assumeTrue(TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        List<MessageRow> links = store.rows(0, store.size()).stream()
                .filter(r -> r.typeName().equals("RTM_NEWLINK") || r.kind() == MessageRow.Kind.ERROR).toList();
        long frames = links.stream().mapToInt(MessageRow::frameNumber).distinct().count();
        assertTrue(frames > 3 && frames < store.frameCount(), "a real subset: " + frames);
        Fx.filter(window, "type == RTM_NEWLINK or error");
        await("the filter", () -> window.model().displayed().size() == links.size());

        Path pcapng = tmp.resolve("links.pcapng");
        String said = fx(() -> window.files().specified().export(ExportSpecified.Scope.DISPLAYED,
                ExportSpecified.Format.PCAPNG, pcapng));
        assertEquals("Exported " + links.size() + " messages in " + frames + " frames to links.pcapng", said);
        assertEquals(frames, tsharkFrames(pcapng).size(), "tshark counts the frames exported");

        Path pcap = tmp.resolve("links.pcap");
        fx(() -> window.files().specified().export(ExportSpecified.Scope.DISPLAYED, ExportSpecified.Format.PCAP, pcap));
        assertEquals(frames, tsharkFrames(pcap).size());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pcap), 4);
        String magic = java.util.HexFormat.of().formatHex(head);
        assertTrue(magic.equals("d4c3b2a1") || magic.equals("4d3cb2a1"), "a classic pcap file (µs or ns): " + magic);

        // nlscope reads its own export back: the same messages, nothing else
        Fx.filter(window, "");
        CaptureStore back = Fx.openAndWait(window, pcapng);
        assertEquals(frames, back.frameCount());
        assertEquals(links.stream().map(MessageRow::info).toList(),
                back.rows(0, back.size()).stream().filter(r -> r.typeName().equals("RTM_NEWLINK")
                        || r.kind() == MessageRow.Kind.ERROR).map(MessageRow::info).toList());
    }

    @Test
    void markedAndSelectedAsPcapTextAndJsonLeavingOutTheIgnored() throws Exception {
        Assumptions.assumeTrue(TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        // three rows of three different frames: mark two, ignore one of them... and the third
        int a = store.firstRowOf(5);
        int b = store.firstRowOf(12);
        int c = store.firstRowOf(20);
        run(() -> {
            window.marks().toggleMarked(List.of(store.row(a), store.row(b), store.row(c)));
            window.marks().toggleIgnored(List.of(store.row(c)));
        });
        Path marked = tmp.resolve("marked.pcap");
        String said = fx(() -> window.files().specified().export(ExportSpecified.Scope.MARKED,
                ExportSpecified.Format.PCAP, marked));
        assertEquals("Exported 2 messages in 2 frames to marked.pcap", said);
        assertEquals(List.of("1", "2"), tsharkFrames(marked));

        run(() -> {
            window.table().getSelectionModel().clearSelection();
            window.table().getSelectionModel().select(a);
            window.table().getSelectionModel().select(b);
        });
        Path text = tmp.resolve("selected.txt");
        fx(() -> window.files().specified().export(ExportSpecified.Scope.SELECTED, ExportSpecified.Format.TEXT, text));
        String t = Files.readString(text);
        assertTrue(t.startsWith("Frame 5:"), t.substring(0, Math.min(80, t.length())));
        assertTrue(t.contains("\nFrame 12:"));
        assertEquals(Export.render(store, List.of(store.row(a), store.row(b)), false), t, "as read -V prints them");
        Path json = tmp.resolve("selected.json");
        fx(() -> window.files().specified().export(ExportSpecified.Scope.SELECTED, ExportSpecified.Format.JSON, json));
        List<String> lines = Files.readAllLines(json);
        assertEquals(2, lines.size(), "one JSON object a frame");
        assertTrue(lines.get(0).startsWith("{") && lines.get(0).contains("\"frame\""), lines.get(0));
    }

    @Test
    void theDialogCountsEachChoice(FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        run(() -> window.table().getSelectionModel().clearSelection());
        javafx.application.Platform.runLater(() -> window.files().specified().show());
        WaitForAsyncUtils.waitForFxEvents();
        await("the dialog", () -> robot.lookup("#export-displayed").tryQuery().isPresent());
        RadioButton displayed = robot.lookup("#export-displayed").queryAs(RadioButton.class);
        RadioButton selected = robot.lookup("#export-selected").queryAs(RadioButton.class);
        assertTrue(fx(displayed::isSelected), "all displayed is the default");
        assertTrue(fx(selected::isDisabled), "nothing is selected");
        assertTrue(robot.lookup(store.size() + " messages").tryQuery().isPresent());
        robot.clickOn("Cancel");
    }
}
