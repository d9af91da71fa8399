package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Sorting the message table by a click on a column's header, on a real capture; the selection stays. */
@ExtendWith(ApplicationExtension.class)
class TableSortingTest {

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, MainWindowTest.DECODING,
                new RecentFiles(Files.createTempDirectory("nlscope-recent").resolve("recent-files")));
        stage.show();
    }

    static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, c);
    }

    static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    private Node header(FxRobot robot, String title) {
        return robot.lookup(n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                && title.equals(h.getTableColumn().getText())).query();
    }

    private List<MessageRow> shown() {
        return fx(() -> List.copyOf(window.model().displayed()));
    }

    @Test
    void aClickSortsBySeqASecondReversesAThirdRestoresCaptureOrder(FxRobot robot) {
        robot.interact(() -> window.open(MainWindowTest.CAPTURE));
        await("the file to load", () -> !window.isBusy() && window.store().size() > 0
                && window.model().displayed().size() == window.store().size());
        CaptureStore store = window.store();
        // a message in the middle is selected: it stays selected through every sort
        int picked = store.size() / 2;
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(picked));
        MessageRow selected = fx(() -> window.table().getSelectionModel().getSelectedItem());

        robot.clickOn(header(robot, "Seq"));
        await("rows by seq", () -> sorted(window.model().displayed(), true));
        assertEquals(selected.index(), (int) fx(() -> window.table().getSelectionModel().getSelectedItem().index()));
        List<MessageRow> ascending = shown();
        assertEquals(store.size(), ascending.size());
        assertTrue(ascending.get(0).seq() < ascending.get(ascending.size() - 1).seq(), "the capture has several seqs");
        for (int i = 1; i < ascending.size(); i++) {
            if (ascending.get(i).seq() == ascending.get(i - 1).seq()) {
                assertTrue(ascending.get(i).index() > ascending.get(i - 1).index(), "ties keep capture order");
            }
        }

        robot.clickOn(header(robot, "Seq"));
        await("rows by seq, descending", () -> sorted(window.model().displayed(), false));
        assertEquals(selected.index(), (int) fx(() -> window.table().getSelectionModel().getSelectedItem().index()));

        robot.clickOn(header(robot, "Seq"));
        await("capture order again", () -> {
            List<MessageRow> rows = window.model().displayed();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).index() != i) {
                    return false;
                }
            }
            return rows.size() == store.size();
        });
        assertEquals(selected.index(), (int) fx(() -> window.table().getSelectionModel().getSelectedItem().index()));
    }

    @Test
    void everyColumnSortsByWhatItShows(FxRobot robot) {
        robot.interact(() -> window.open(MainWindowTest.CAPTURE));
        await("the file to load", () -> !window.isBusy() && window.store().size() > 0
                && window.model().displayed().size() == window.store().size());
        for (String title : List.of("Type", "Length", "Time", "Info", "Latency", "Family", "No.")) {
            robot.interact(() -> window.table().getSortOrder().clear());
            robot.clickOn(header(robot, title));
            java.util.function.Function<MessageRow, String> text = fx(() -> cellText(title));
            await("rows by " + title, () -> {
                List<MessageRow> rows = window.model().displayed();
                return rows.size() == window.store().size() && ordered(rows, text, title);
            });
        }
    }

    /** What a column shows of a row, as the table's cell value factory gives it. */
    @SuppressWarnings("unchecked")
    private java.util.function.Function<MessageRow, String> cellText(String title) {
        var column = window.table().getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
        return r -> {
            Object v = ((javafx.scene.control.TableColumn<MessageRow, Object>) column).getCellValueFactory()
                    .call(new javafx.scene.control.TableColumn.CellDataFeatures<>(window.table(),
                            (javafx.scene.control.TableColumn<MessageRow, Object>) column, r)).getValue();
            return v == null ? "" : v.toString();
        };
    }

    /** In the column's order: numbers by value (a number's text with units), names by text. */
    private static boolean ordered(List<MessageRow> rows, java.util.function.Function<MessageRow, String> text, String title) {
        for (int i = 1; i < rows.size(); i++) {
            MessageRow a = rows.get(i - 1);
            MessageRow b = rows.get(i);
            int c = switch (title) {
                case "No." -> Integer.compare(a.index(), b.index());
                case "Length" -> Integer.compare(a.length(), b.length());
                case "Time" -> Long.compare(a.timeNanos(), b.timeNanos());
                case "Latency" -> Double.compare(millis(text.apply(a)), millis(text.apply(b)));
                case "Family" -> a.familyName().compareTo(b.familyName());
                default -> text.apply(a).compareTo(text.apply(b));
            };
            if (c > 0) {
                return false;
            }
        }
        return true;
    }

    private static double millis(String latency) {
        if (latency.isEmpty()) {
            return -1;
        }
        double v = Double.parseDouble(latency.substring(0, latency.indexOf(' ')));
        return latency.endsWith(" s") ? v * 1000 : v;
    }

    private static boolean sorted(List<MessageRow> rows, boolean ascending) {
        for (int i = 1; i < rows.size(); i++) {
            int c = Long.compare(rows.get(i - 1).seq(), rows.get(i).seq());
            if (ascending ? c > 0 : c < 0) {
                return false;
            }
        }
        return !rows.isEmpty();
    }
}
