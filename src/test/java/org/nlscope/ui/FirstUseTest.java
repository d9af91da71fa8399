package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.io.CaptureSaver;
import org.nlscope.session.replay.Replay;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a first-time user trips on (issue 10, items 1-8), on the real captures recorded on nlmon. */
@ExtendWith(ApplicationExtension.class)
class FirstUseTest {

    static final Path CAPTURE = MainWindowTest.CAPTURE;
    static final Path GENL = Path.of("src/test/resources/captures/genl.pcapng");

    @TempDir
    Path tmp;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = new MainWindow(stage, MainWindowTest.DECODING,
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

    private CaptureStore openAndWait(Path file) {
        run(() -> window.open(file));
        await("the file to load", () -> !window.isBusy() && window.session().file() != null
                && window.session().file().equals(file)
                && window.model().displayed().size() == window.store().size() && window.store().size() > 0);
        return window.store();
    }

    private void filter(String text) {
        run(() -> {
            window.filterBar().field().setText(text);
            window.filterBar().field().fireEvent(new javafx.event.ActionEvent());
        });
    }

    private void resize(double width, double height) {
        run(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text a labeled control really draws (ends in "…" when cut). */
    private static String drawn(javafx.scene.control.Labeled b) {
        return fx(() -> ((javafx.scene.text.Text) b.lookup(".text")).getText());
    }

    @Test
    void aTypoInATypeOrErrnoNameIsRedAndSaysTheRightName() {
        openAndWait(CAPTURE);
        run(() -> window.filterBar().field().setText("type == RTM_NEWLNK"));
        assertTrue(fx(() -> window.filterBar().field().getStyleClass().contains("filter-bad")));
        String feedback = fx(() -> window.filterBar().feedback().getText());
        assertTrue(feedback.contains("RTM_NEWLNK") && feedback.contains("did you mean RTM_NEWLINK"), feedback);
        run(() -> window.filterBar().field().setText("errno == EINVALL"));
        feedback = fx(() -> window.filterBar().feedback().getText());
        assertTrue(feedback.contains("unknown errno 'EINVALL'") && feedback.contains("EINVAL?"), feedback);
        run(() -> window.filterBar().field().setText("IFLA_OPERSTATE == UPP"));
        assertTrue(fx(() -> window.filterBar().field().getStyleClass().contains("filter-bad")), "an enum value typo is red");
        feedback = fx(() -> window.filterBar().feedback().getText());
        assertTrue(feedback.contains("no dissector knows a value 'UPP' of IFLA_OPERSTATE; did you mean UP?"), feedback);
        run(() -> window.filterBar().field().setText("IFLA_OPERSTATE == UP or IFLA_OPERSTATE == 6"));
        assertTrue(fx(() -> window.filterBar().field().getStyleClass().contains("filter-ok")), "names and numbers pass");
        run(() -> window.filterBar().field().setText("type == RTM_NEWLINK and errno != EINVAL and type ~ NEWLNK"));
        assertTrue(fx(() -> window.filterBar().field().getStyleClass().contains("filter-ok")), "real names and ~ pass");
    }

    @Test
    void aFilterThatHidesEverythingSaysSo() {
        CaptureStore store = openAndWait(CAPTURE);
        filter("seq == 1");
        await("the empty table", () -> window.model().displayed().isEmpty());
        String empty = fx(() -> window.table().emptyText());
        assertTrue(empty.startsWith("No message matches the filter") && empty.contains(Integer.toString(store.size())), empty);
    }

    @Test
    void malformedMatchesTheMessagesWithProblems() throws Exception {
        // a real capture with one attribute made to overrun its message, as a damaged capture would
        CaptureStore damaged = new CaptureStore(MainWindowTest.DECODING);
        try (CaptureReader r = CaptureReader.open(CAPTURE)) {
            Frame f;
            boolean broken = false;
            while ((f = r.next()) != null) {
                byte[] d = f.data().clone();
                // after nlmon's 16-byte pseudo-header: nlmsghdr, then RTM_NEWLINK's 16-byte ifinfomsg
                if (!broken && d.length > 100 && (d[20] & 0xff) == 16 && d[21] == 0) {
                    d[48] = (byte) 0xf0; // nla_len of its first attribute: far past the message's end
                    d[49] = (byte) 0x0f;
                    broken = true;
                }
                damaged.append(new Frame(f.timestampNanos(), f.linkType(), d, f.originalLength(), f.packetType(), f.comment()));
            }
            assertTrue(broken, "the capture holds an RTM_NEWLINK");
        }
        Path file = tmp.resolve("damaged.pcapng");
        CaptureSaver.save(damaged, file);
        CaptureStore store = openAndWait(file);
        long withProblems = store.rows(0, store.size()).stream().filter(MessageRow::hasProblems).count();
        assertTrue(withProblems >= 1);
        filter("malformed");
        await("the filter", () -> window.model().displayed().size() == withProblems);
        assertTrue(fx(() -> window.model().displayed().stream().allMatch(MessageRow::hasProblems)));
    }

    @Test
    void aFileOpensAtItsFirstRowAndClearingTheFilterKeepsTheSelection() {
        CaptureStore store = openAndWait(CAPTURE);
        ToggleButton follow = fx(() -> window.toolBar().follow);
        assertFalse(fx(follow::isSelected), "Follow is for live captures");
        assertTrue(fx(() -> window.table().lastVisibleIndex()) < store.size() - 1, "the last row is not in view");
        filter("error");
        await("the errors", () -> window.model().displayed().stream().allMatch(r -> r.kind() == MessageRow.Kind.ERROR));
        MessageRow picked = fx(() -> window.model().displayed().get(1));
        run(() -> window.table().getSelectionModel().clearAndSelect(1));
        filter("");
        await("all rows", () -> window.model().displayed().size() == store.size());
        await("the selection back", () -> picked.equals(window.table().getSelectionModel().getSelectedItem()));
        int at = fx(() -> window.table().getSelectionModel().getSelectedIndex());
        assertEquals(picked.index(), at);
        assertTrue(fx(() -> window.table().lastVisibleIndex()) >= at, "the selected row stays in view");
    }

    @Test
    void aPausedReplaySaysResume(FxRobot robot) {
        run(() -> window.replay(CAPTURE, Replay.Speed.ONE_X));
        await("the replay", () -> !fx(() -> window.toolBar().pause.isDisabled()));
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Resume", fx(() -> window.toolBar().pause.getText()));
        assertTrue(fx(() -> window.status().activityText()).startsWith("Replay paused at frame"));
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Pause", fx(() -> window.toolBar().pause.getText()));
        assertTrue(fx(() -> window.status().activityText()).startsWith("Replaying ui-ip-link-session.pcap"));
        run(window::stop);
    }

    @Test
    void transactionButtonsStayWholeAndAStaleNoteGoes() {
        resize(1000, 650);
        CaptureStore store = openAndWait(CAPTURE);
        // the EINVAL with the kernel's longest message ("MTU must be between 68 and 65535")
        MessageRow error = store.rows(0, store.size()).stream()
                .filter(r -> r.kind() == MessageRow.Kind.ERROR && store.message(r.index()).error().badAttrOffset() != null)
                .findFirst().orElseThrow();
        run(() -> window.table().getSelectionModel().clearAndSelect(error.index()));
        WaitForAsyncUtils.waitForFxEvents();
        for (Button b : fx(() -> List.of(window.transactionBar().toRequest, window.transactionBar().toResponse,
                window.transactionBar().toAttribute))) {
            assertEquals(fx(b::getText), drawn(b), "the button is drawn whole at 1000 px");
        }
        filter("error");
        await("the errors", () -> window.model().displayed().stream().allMatch(r -> r.kind() == MessageRow.Kind.ERROR));
        await("the error selected", () -> error.equals(window.table().getSelectionModel().getSelectedItem()));
        run(window.navigator()::goToRequest);
        assertEquals("The request is hidden by the display filter", fx(() -> window.status().activityText()));
        run(() -> window.table().getSelectionModel().clearAndSelect(0));
        assertEquals("", fx(() -> window.status().activityText()), "the note was about the message before");
    }

    @Test
    void infoTakesTheWidthTheOtherColumnsLeave() {
        for (double[] size : new double[][] {{1360, 860}, {1000, 650}}) {
            resize(size[0], size[1]);
            openAndWait(GENL);
            double tableWidth = fx(() -> window.table().getWidth());
            List<TableColumn<MessageRow, ?>> columns = fx(() -> List.copyOf(window.table().getColumns()));
            TableColumn<MessageRow, ?> info = columns.get(columns.size() - 1);
            assertEquals("Info", info.getText());
            double others = fx(() -> columns.stream().filter(c -> c != info).mapToDouble(TableColumn::getWidth).sum());
            double infoWidth = fx(info::getWidth);
            assertTrue(others + infoWidth <= tableWidth, "every column in view at " + size[0] + ": "
                    + others + " + " + infoWidth + " > " + tableWidth);
            assertTrue(infoWidth >= tableWidth - others - 24, "Info takes the rest at " + size[0] + ": " + infoWidth);
        }
        // genl dumps: short family and flag names, and Info without the type again
        CaptureStore store = window.store();
        MessageRow dump = store.row(0);
        assertEquals("REQUEST|DUMP", dump.flagsText());
        assertEquals("generic", org.nlscope.session.export.DisplayText.shortFamily("NETLINK_GENERIC", 16));
        for (MessageRow r : store.rows(0, store.size())) {
            String info = RowText.info(r);
            assertFalse(info.startsWith(r.typeName()) || info.startsWith(r.familyName() + " " + r.typeName()), r.info());
        }
        assertTrue(store.rows(0, store.size()).stream().anyMatch(r -> RowText.info(r).equals("wireguard id 32")),
                "the genl family list keeps what each reply says");
        assertEquals("", RowText.info(store.rows(0, store.size()).stream()
                .filter(r -> r.kind() == MessageRow.Kind.DONE).findFirst().orElseThrow()));
    }

    @Test
    void timeOfDayShowsTheMicroseconds() {
        openAndWait(CAPTURE);
        run(() -> window.table().setTimeFormat(TimeFormat.TIME_OF_DAY));
        String timeOfDay = "\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";
        // the cells are redrawn at the next layout pulse, not with the format's change
        await("a Time of day cell redrawn", () -> timeOfDayCell().filter(c -> c.getText().matches(timeOfDay)).isPresent());
        var cell = fx(() -> timeOfDayCell().orElseThrow());
        String text = fx(cell::getText);
        assertTrue(text.matches(timeOfDay), text);
        assertEquals(text, drawn(cell), "drawn whole");
    }

    private java.util.Optional<javafx.scene.control.TableCell<?, ?>> timeOfDayCell() {
        return window.table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && c.getTableColumn().getText().equals("Time of day") && c.getText() != null
                        && !c.getText().isEmpty())
                .<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n).findFirst();
    }

    @Test
    void statisticsCountWhatTheDisplayFilterShows() {
        CaptureStore store = openAndWait(CAPTURE);
        long errors = store.rows(0, store.size()).stream().filter(r -> r.kind() == MessageRow.Kind.ERROR).count();
        long errorFrames = store.rows(0, store.size()).stream().filter(r -> r.kind() == MessageRow.Kind.ERROR)
                .mapToInt(MessageRow::frameNumber).distinct().count();
        filter("error");
        await("the errors", () -> window.model().displayed().size() == errors);
        StatisticsWindow stats = fx(() -> window.showStatistics());
        // counted in the background: the window shows the counts once they are ready
        await("the filtered counts", () -> fx(stats::summaryText).startsWith("Display filter: error. "));
        String summary = fx(stats::summaryText);
        assertTrue(summary.startsWith("Display filter: error. " + errorFrames + " frames, " + errors + " messages"), summary);
        assertTrue(summary.contains(errors + " errors"), summary);
        filter("");
        await("all rows", () -> window.model().displayed().size() == store.size());
        run(stats::refresh);
        assertTrue(fx(stats::summaryText).startsWith("51 frames, " + store.size() + " messages"), fx(stats::summaryText));
        run(() -> stats.stage().close());
    }

    @Test
    void goToPacketAndTheErrorsOneByOne() {
        CaptureStore store = openAndWait(CAPTURE);
        assertTrue(fx(() -> window.navigator().goToFrame(43)));
        assertEquals(43, (int) fx(() -> window.table().getSelectionModel().getSelectedItem().frameNumber()));
        assertFalse(fx(() -> window.navigator().goToFrame(999)));
        assertEquals("There is no frame 999 (the capture has 51)", fx(() -> window.status().activityText()));

        List<Integer> errors = store.rows(0, store.size()).stream().filter(r -> r.kind() == MessageRow.Kind.ERROR)
                .map(MessageRow::index).toList();
        run(() -> window.navigator().goToError(0));
        assertEquals(errors.get(0), fx(() -> window.table().getSelectionModel().getSelectedItem().index()));
        run(() -> window.navigator().goToError(1));
        assertEquals(errors.get(1), fx(() -> window.table().getSelectionModel().getSelectedItem().index()));
        run(() -> window.navigator().goToError(-1));
        assertEquals(errors.get(0), fx(() -> window.table().getSelectionModel().getSelectedItem().index()));
        run(() -> window.navigator().goToError(-1));
        assertEquals("No error before this message", fx(() -> window.status().activityText()));

        filter("error");
        await("the errors", () -> window.model().displayed().size() == errors.size());
        assertFalse(fx(() -> window.navigator().goToFrame(1)));
        assertEquals("Frame 1 is hidden by the display filter", fx(() -> window.status().activityText()));
    }

    @Test
    void aFieldOfTheTreeBecomesTheFilter() {
        CaptureStore store = openAndWait(CAPTURE);
        MessageRow error = store.rows(0, store.size()).stream()
                .filter(r -> r.kind() == MessageRow.Kind.ERROR && store.message(r.index()).error().badAttrOffset() != null)
                .findFirst().orElseThrow();
        run(() -> window.table().getSelectionModel().clearAndSelect(error.index()));
        run(window.navigator()::showOffendingAttribute);
        org.nlscope.session.export.DetailNode mtu = fx(() -> window.detail().selected());
        assertEquals(new TreeActions.Term("IFLA_MTU", "50"), TreeActions.field(mtu), mtu.label());
        javafx.scene.control.ContextMenu menu = fx(() -> window.detail().tree().getContextMenu());
        List<String> items = fx(() -> menu.getItems().stream()
                .map(i -> i instanceof javafx.scene.control.SeparatorMenuItem ? "-" : i.getText()).toList());
        assertEquals(List.of("_Apply as Filter", "_Prepare as Filter", "Copy as _Filter", "Copy _Value", "Copy _Name", "-",
                "_Expand All", "_Collapse All"), items);
        run(() -> menu.getItems().get(0).fire());
        assertEquals("IFLA_MTU == 50", fx(() -> window.filterBar().field().getText()));
        await("the filter", () -> window.model().displayed().size() < store.size() && !window.model().displayed().isEmpty());
        assertTrue(fx(() -> window.model().displayed().stream().allMatch(r -> r.frameNumber() == error.frameNumber()
                || r.frameNumber() == store.row(window.transactionsForTest().requestRowOf(error.index())).frameNumber())),
                "the request with mtu 50 and the error echoing it");

        run(() -> window.table().getSelectionModel().clearAndSelect(0)); // the request with mtu 50
        run(() -> menu.getItems().get(7).fire()); // Collapse All
        assertTrue(fx(() -> window.detail().tree().getRoot().getChildren().stream().noneMatch(javafx.scene.control.TreeItem::isExpanded)));
        run(() -> menu.getItems().get(6).fire()); // Expand All
        assertTrue(fx(() -> window.detail().tree().getExpandedItemCount()) > 20);
        assertEquals(null, TreeActions.field(org.nlscope.session.export.DetailNode.note("error: -22 (EINVAL)")),
                "words of the tree are no filter fields");
    }

    @Test
    void helpShowsTheFilterLanguage() {
        String text = HelpWindow.read(HelpWindow.FILTER_REFERENCE);
        assertTrue(text.contains("type == RTM_NEWLINK") && text.contains("did you mean RTM_NEWLINK?")
                && text.contains("malformed"), text);
        Stage help = fx(() -> {
            Stage s = HelpWindow.filterReference(stage);
            s.show();
            return s;
        });
        assertTrue(fx(() -> ((javafx.scene.control.TextArea) help.getScene().lookup("#filterReference")).getText()).equals(text));
        run(help::close);
    }
}
