package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.ui.Fx.await;
import static org.nlscope.ui.Fx.fx;
import static org.nlscope.ui.Fx.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Edit > Find (a filter, a string, hex bytes) and mark / ignore, on the recorded ip link session. */
@ExtendWith(ApplicationExtension.class)
class FindAndMarkTest {

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, MainWindowTest.DECODING,
                new RecentFiles(Files.createTempDirectory("nlscope-find").resolve("recent-files")));
        stage.show();
    }

    private MessageRow selected() {
        return fx(() -> window.table().getSelectionModel().getSelectedItem());
    }

    private void findWith(FxRobot robot, Finder.Mode mode, String text) {
        robot.clickOn("#messageTable");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertTrue(fx(() -> window.findBar().isVisible() && window.findBar().field().isFocused()),
                "Ctrl+F opens the find bar with the cursor in it");
        run(() -> {
            window.findBar().mode().setValue(mode);
            window.findBar().field().setText(text);
            window.table().getSelectionModel().clearSelection();
        });
    }

    /** Enter (or Shift+Enter) in the find field, then waits until the search is over. */
    private void enter(FxRobot robot, boolean shift) {
        if (shift) {
            robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        } else {
            robot.type(KeyCode.ENTER);
        }
        await("the search", () -> !window.findBar().result().getText().equals("Searching…"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void findAFilterNextPreviousAndWrap(FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        List<MessageRow> addresses = store.rows(0, store.size()).stream()
                .filter(r -> r.typeName().equals("RTM_NEWADDR")).toList();
        assertTrue(addresses.size() >= 2, "the capture adds an address and dumps them");

        findWith(robot, Finder.Mode.FILTER, "type == RTM_NEWADDR");
        enter(robot, false);
        assertEquals(addresses.get(0).index(), selected().index());
        assertEquals("Frame " + addresses.get(0).frameNumber(), fx(() -> window.findBar().result().getText()));
        enter(robot, false);
        assertEquals(addresses.get(1).index(), selected().index());
        enter(robot, true);
        assertEquals(addresses.get(0).index(), selected().index(), "Shift+Enter finds the previous");
        enter(robot, true);
        assertEquals(addresses.get(addresses.size() - 1).index(), selected().index(), "going back past the first wraps");
        assertTrue(fx(() -> window.findBar().result().getText()).endsWith("(search wrapped)"));

        run(() -> window.findBar().field().setText("type == RTM_NEWNEIGH"));
        enter(robot, false);
        assertEquals("Not found", fx(() -> window.findBar().result().getText()));

        run(() -> window.findBar().field().setText("type == RTM_NEWLNK"));
        assertTrue(fx(() -> window.findBar().field().getStyleClass().contains("filter-bad")));
        assertTrue(fx(() -> window.findBar().result().getText()).contains("RTM_NEWLINK"), "a typo names the right type");

        robot.type(KeyCode.ESCAPE);
        assertFalse(fx(() -> window.findBar().isVisible()), "Escape closes the bar");
    }

    @Test
    void findAStringInTheDetailTreeAndHexBytesInTheMessage(FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        // "vxlan" is only in the IFLA_INFO_KIND of the requests that add vx0 and vx1, not in any column
        MessageRow firstVxlan = store.rows(0, store.size()).stream()
                .filter(r -> Export.render(store, List.of(r), false).toLowerCase().contains("vxlan")).findFirst().orElseThrow();
        findWith(robot, Finder.Mode.TEXT, "VXLAN");
        enter(robot, false);
        assertEquals(firstVxlan.index(), selected().index(), "found in the tree, any case");

        // the bytes of the interface name "dum0" and its NUL, as the IFLA_IFNAME attribute holds it
        byte[] needle = "dum0\0".getBytes(StandardCharsets.US_ASCII);
        int expectedRow = -1;
        int expectedOffset = -1;
        for (MessageRow r : store.rows(0, store.size())) {
            byte[] data = store.frame(r.frameNumber()).data();
            int from = store.message(r.index()).offset();
            // an oracle of its own, not the Finder's loop: the message's bytes as Latin-1 text
            String bytes = new String(data, from, Math.min(data.length, from + r.length()) - from,
                    StandardCharsets.ISO_8859_1);
            int at = bytes.indexOf(new String(needle, StandardCharsets.ISO_8859_1));
            if (at >= 0) {
                expectedRow = r.index();
                expectedOffset = from + at;
                break;
            }
        }
        assertTrue(expectedRow >= 0);
        run(() -> window.findBar().mode().setValue(Finder.Mode.HEX));
        run(() -> window.findBar().field().setText("64 75 6d 30 00"));
        run(() -> window.table().getSelectionModel().clearSelection());
        robot.clickOn("#findField");
        enter(robot, false);
        assertEquals(expectedRow, selected().index());
        int offset = expectedOffset;
        int start = fx(() -> window.detail().hex().getHighlightStart());
        int length = fx(() -> window.detail().hex().getHighlightLength());
        assertTrue(start <= offset && offset < start + length, "the bytes found are highlighted");

        run(() -> window.findBar().field().setText("64 7"));
        assertTrue(fx(() -> window.findBar().result().getText()).contains("pairs"));
    }

    @Test
    void markIgnoreAndGoToTheMarks(FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(3));
        robot.clickOn("#messageTable");
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(3));
        robot.press(KeyCode.CONTROL).type(KeyCode.M).release(KeyCode.CONTROL);
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(9));
        robot.press(KeyCode.CONTROL).type(KeyCode.M).release(KeyCode.CONTROL);
        assertEquals(2, fx(() -> window.marks().markedCount()));
        assertTrue(styleOf(3).contains("marked"), "a marked row is drawn apart");
        assertEquals("2 marked, 0 ignored", fx(() -> window.status().activityText()));

        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(0));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(3, selected().index());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(9, selected().index());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("No marked message after this message", fx(() -> window.status().activityText()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.B).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(3, selected().index());
        robot.press(KeyCode.CONTROL).type(KeyCode.M).release(KeyCode.CONTROL);
        assertEquals(1, fx(() -> window.marks().markedCount()), "Ctrl+M again unmarks");

        // an ignored row is faint and Find passes over it
        MessageRow first = store.row(0);
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(0));
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertTrue(styleOf(0).contains("ignored"));
        String type = first.typeName();
        long sameType = store.rows(0, store.size()).stream().filter(r -> r.typeName().equals(type)).count();
        findWith(robot, Finder.Mode.FILTER, "type == " + type);
        enter(robot, false);
        if (sameType > 1) {
            assertTrue(selected().index() > 0, "the ignored first row is passed over");
        } else {
            assertEquals("Not found", fx(() -> window.findBar().result().getText()));
        }

        // a new capture forgets the marks
        Fx.openAndWait(window, FirstUseTest.GENL);
        assertEquals(0, fx(() -> window.marks().markedCount() + window.marks().ignoredCount()));
    }

    private List<String> styleOf(int index) {
        run(() -> window.table().scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> window.table().lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n).filter(r -> r.getIndex() == index)
                .findFirst().map(r -> List.copyOf(r.getStyleClass())).orElse(List.of()));
    }
}
