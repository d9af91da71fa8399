package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.Frame;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.replay.Replay;
import org.nlscope.session.MessageRow;
import org.nlscope.session.export.DetailNode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on a real capture recorded on nlmon: open, select, filter, save, replay. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    static final Path CAPTURE = Path.of("src/test/resources/captures/ui-ip-link-session.pcap");
    static final EngineDecoding DECODING = EngineDecoding.load(List.of());

    @TempDir
    Path tmp;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, DECODING,
                new RecentFiles(Files.createTempDirectory("nlscope-recent").resolve("recent-files")));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, c);
    }

    private static void run(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /** Opens the capture and waits until every row is loaded and shown. */
    private CaptureStore openAndWait(FxRobot robot, Path file) {
        run(() -> window.open(file));
        await("the file to load", () -> !window.isBusy()
                && window.model().displayed().size() == window.store().size() && window.store().size() > 0);
        return window.store();
    }

    @Test
    void openingARealCaptureShowsItsRowsAndTheStatusBarCountsThem(FxRobot robot) {
        CaptureStore store = openAndWait(robot, CAPTURE);
        assertEquals(51, store.frameCount());
        assertTrue(store.size() >= 51, "one row per message");
        String counts = fx(() -> window.status().countsText());
        assertTrue(counts.contains("Messages: " + store.size() + " in 51 frames"), counts);
        assertTrue(counts.contains("Displayed: " + store.size()), counts);
    }

    @Test
    void treeAndHexAgreeBothWays(FxRobot robot) {
        CaptureStore store = openAndWait(robot, CAPTURE);
        // the largest frame: a link message full of attributes
        int frame = 1;
        for (int n = 2; n <= store.frameCount(); n++) {
            if (store.frame(n).data().length > store.frame(frame).data().length) {
                frame = n;
            }
        }
        int bigFrame = frame;
        int row = store.rowOf(bigFrame, 0);
        robot.interact(() -> {
            window.table().getSelectionModel().clearAndSelect(row);
            window.table().scrollTo(row);
        });
        WaitForAsyncUtils.waitForFxEvents();
        DetailNode selected = fx(() -> window.detail().selected());
        assertNotNull(selected, "the message's node is selected");
        assertTrue(fx(() -> window.detail().root().label().startsWith("Frame " + bigFrame + ":")));
        assertEquals(selected.offset(), fx(() -> window.detail().hex().getHighlightStart()));
        assertEquals(selected.length(), fx(() -> window.detail().hex().getHighlightLength()));
        assertEquals(store.frame(bigFrame).data().length, fx(() -> window.detail().hex().getData().length));

        // click a byte inside the message's attributes: the deepest node covering it gets selected
        int offset = selected.offset() + 40;
        DetailNode expected = fx(() -> DetailPane.smallestCovering(window.detail().root(), offset, null));
        Point2D point = fx(() -> window.detail().hex().localToScreen(window.detail().hex().byteCenter(offset)));
        robot.clickOn(point);
        WaitForAsyncUtils.waitForFxEvents();
        DetailNode clicked = fx(() -> window.detail().selected());
        assertTrue(clicked == expected, "selected " + clicked.label() + ", expected " + expected.label());
        assertTrue(clicked.offset() <= offset && offset < clicked.offset() + clicked.length());
        assertEquals(clicked.offset(), fx(() -> window.detail().hex().getHighlightStart()));
        assertEquals(clicked.length(), fx(() -> window.detail().hex().getHighlightLength()));
    }

    @Test
    void filterNarrowsRowsAndABadExpressionSaysWhy(FxRobot robot) {
        CaptureStore store = openAndWait(robot, CAPTURE);
        long errors = store.rows(0, store.size()).stream().filter(r -> r.kind() == MessageRow.Kind.ERROR).count();
        assertTrue(errors >= 3, "the capture holds EEXIST, ENODEV and ERANGE errors");

        robot.clickOn("#filterField").write("error").type(javafx.scene.input.KeyCode.ENTER);
        await("the filter to apply", () -> window.model().displayed().size() == errors);
        assertTrue(fx(() -> window.model().displayed().stream().allMatch(r -> r.kind() == MessageRow.Kind.ERROR)));
        assertTrue(fx(() -> window.filterBar().field().getStyleClass().contains("filter-ok")));

        robot.interact(() -> window.filterBar().field().setText("type == "));
        String feedback = fx(() -> window.filterBar().feedback().getText());
        assertFalse(feedback.isBlank(), "a bad expression shows the parser's message");
        assertTrue(fx(() -> window.filterBar().field().getStyleClass().contains("filter-bad")));
        robot.clickOn("#filterField").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(errors, (long) fx(() -> window.model().displayed().size()), "a bad filter is not applied");

        robot.interact(() -> window.filterBar().field().setText(""));
        robot.clickOn("#filterField").type(javafx.scene.input.KeyCode.ENTER);
        await("all rows again", () -> window.model().displayed().size() == store.size());
    }

    @Test
    void saveAndReopenGivesTheSameFrames(FxRobot robot) throws Exception {
        CaptureStore original = openAndWait(robot, CAPTURE);
        for (String name : new String[] {"copy.pcapng", "copy.pcap"}) {
            Path target = tmp.resolve(name);
            run(() -> window.saveTo(target));
            await("the save of " + name, () -> window.status().activityText().startsWith("Saved"));
            CaptureStore reopened = openAndWait(robot, target);
            assertEquals(original.frameCount(), reopened.frameCount());
            for (int n = 1; n <= original.frameCount(); n++) {
                Frame a = original.frame(n);
                Frame b = reopened.frame(n);
                assertArrayEquals(a.data(), b.data(), "frame " + n);
                assertEquals(a.timestampNanos(), b.timestampNanos(), "time of frame " + n);
            }
            assertEquals(original.rows(0, original.size()).stream().map(MessageRow::info).toList(),
                    reopened.rows(0, reopened.size()).stream().map(MessageRow::info).toList());
        }
    }

    @Test
    void transactionsPairAndTheErrorLeadsToTheOffendingAttribute(FxRobot robot) {
        CaptureStore store = openAndWait(robot, CAPTURE);
        // `ip link add vx0 mtu 50 type vxlan ...`: the kernel refuses with EINVAL, a message and the offending attribute's offset
        MessageRow error = store.rows(0, store.size()).stream()
                .filter(r -> r.kind() == MessageRow.Kind.ERROR && store.message(r.index()).error().badAttrOffset() != null)
                .findFirst().orElseThrow();
        int request = window.transactionsForTest().requestRowOf(error.index());
        assertTrue(request >= 0 && request < error.index(), "the error is paired with an earlier request");

        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(request));
        assertTrue(fx(() -> window.transactionBar().text()).contains("error EINVAL"), fx(() -> window.transactionBar().text()));
        robot.clickOn("#goToResponse");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(error.index(), (int) fx(() -> window.table().getSelectionModel().getSelectedItem().index()));
        assertTrue(fx(() -> window.transactionBar().text()).startsWith("Answer to No. " + store.row(request).frameNumber()));

        robot.clickOn("#showOffendingAttribute");
        WaitForAsyncUtils.waitForFxEvents();
        org.nlscope.model.ErrorInfo info = store.message(error.index()).error();
        assertNotNull(info.request(), "the kernel echoed the whole request (no NLM_F_CAPPED)");
        int blamed = info.request().offset() + info.badAttrOffset();
        DetailNode node = fx(() -> window.detail().selected());
        assertNotNull(node);
        assertEquals(blamed, node.offset(), node.label() + " starts at the blamed offset");
        assertTrue(node.label().contains("IFLA_MTU") && node.length() == 8, node.label());
        assertEquals(node.offset(), fx(() -> window.detail().hex().getHighlightStart()));

        assertTrue(fx(() -> window.transactionBar().text()).contains("kernel says: \"MTU must be between 68 and 65535\""));
        robot.clickOn("#goToRequest");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(request, (int) fx(() -> window.table().getSelectionModel().getSelectedItem().index()));
    }

    @Test
    void withoutNlmonTheBannerSaysWhyAndOffersTheSample(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/sys/module/nlmon")),
                "this kernel has nlmon: a live capture would start");
        run(() -> window.setAutosaveDirectory(tmp.resolve("autosave")));
        robot.clickOn("#startButton");
        await("the banner", () -> window.banner().isShowing());
        String text = fx(() -> window.banner().text());
        if (org.nlscope.capture.child.LiveCaptures.hasCaptureCapabilities()) {
            assertTrue(text.contains("no nlmon support") && text.contains("modprobe nlmon"), text);
        } else {
            assertTrue(text.contains("CAP_NET_ADMIN"), text);
        }
        assertFalse(fx(() -> window.isBusy()));
        try (var left = Files.list(tmp.resolve("autosave"))) {
            assertEquals(0, left.count(), "a capture that never started leaves no autosave");
        }
        assertTrue(fx(() -> window.store().frameCount() == 0 && window.session().file() == null),
                "Start did not replace the (empty) capture");
        run(() -> window.table().getScene().getWindow().setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        for (String label : List.of("Open Sample Capture", "Open File…")) {
            javafx.scene.control.Button b = fx(() -> (javafx.scene.control.Button) window.banner().getChildren().stream()
                    .filter(n -> n instanceof javafx.scene.control.Button x && x.getText().equals(label))
                    .findFirst().orElseThrow());
            String shown = fx(() -> ((javafx.scene.text.Text) b.lookup(".text")).getText());
            assertEquals(label, shown, "the banner's button shows its whole label at 1000 px");
        }
        robot.clickOn("Open Sample Capture");
        await("the sample to load", () -> !window.isBusy() && window.store().frameCount() == 51
                && window.model().displayed().size() == window.store().size());
        assertFalse(fx(() -> window.banner().isShowing()));
    }

    @Test
    void anAutosaveLeftByADeadProcessIsOfferedBack(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("autosave");
        Files.createDirectories(dir);
        // pid 2^22+1 is above Linux's pid_max default range: no such process
        Path orphan = dir.resolve("capture-4194305-1795400000000.pcapng");
        Files.copy(CAPTURE, orphan);
        run(() -> {
            window.setAutosaveDirectory(dir);
            window.offerRecovery();
        });
        assertTrue(fx(() -> window.banner().text()).contains("was not saved"), fx(() -> window.banner().text()));
        robot.clickOn("Recover");
        await("the recovered capture", () -> !window.isBusy() && window.store().frameCount() == 51);
        Path target = tmp.resolve("rescued.pcapng");
        run(() -> window.saveTo(target));
        await("the save", () -> window.status().activityText().startsWith("Saved"));
        assertTrue(Files.exists(target));
        assertFalse(Files.exists(orphan), "the autosave goes once the capture is saved");
    }

    @Test
    void statisticsWindowCountsTheCapture(FxRobot robot) {
        CaptureStore store = openAndWait(robot, CAPTURE);
        StatisticsWindow stats = fx(() -> window.showStatistics());
        String summary = fx(stats::summaryText);
        assertTrue(summary.startsWith("51 frames, " + store.size() + " messages"), summary);
        long errors = store.rows(0, store.size()).stream().filter(r -> r.kind() == MessageRow.Kind.ERROR).count();
        assertTrue(summary.contains(errors + " errors"), summary);
        run(() -> stats.stage().close());
    }

    @Test
    void replayAtFullSpeedDeliversEveryMessage(FxRobot robot) {
        run(() -> window.replay(CAPTURE, Replay.Speed.FULL));
        await("the replay to finish", () -> !window.isBusy());
        CaptureStore store = window.store();
        assertEquals(51, store.frameCount());
        await("every row shown", () -> window.model().displayed().size() == store.size());
        assertTrue(fx(() -> window.status().activityText()).contains("Replay finished"));
    }

    @Test
    void aFailedOpenKeepsTheCaptureTitleAndStatus(FxRobot robot) throws Exception {
        CaptureStore before = openAndWait(robot, CAPTURE);
        Path bad = tmp.resolve("broken.pcapng");
        Files.write(bad, java.util.Arrays.copyOf(Files.readAllBytes(Path.of("src/test/resources/captures/links.pcapng")), 20));
        run(() -> window.open(bad));
        await("the error", () -> !window.isBusy() && window.banner().isShowing());
        assertTrue(fx(() -> window.banner().text()).contains("broken.pcapng"), fx(() -> window.banner().text()));
        assertTrue(window.store() == before, "the capture shown stays");
        assertEquals("ui-ip-link-session.pcap — nlscope", fx(() -> window.table().getScene().getWindow() instanceof Stage st
                ? st.getTitle() : ""));
        assertEquals(before.size(), (int) fx(() -> window.model().displayed().size()));
        assertFalse(fx(() -> window.status().activityText()).startsWith("Loaded"));
    }
}
