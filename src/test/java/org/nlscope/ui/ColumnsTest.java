package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.ui.Fx.await;
import static org.nlscope.ui.Fx.cellText;
import static org.nlscope.ui.Fx.fx;
import static org.nlscope.ui.Fx.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableColumn;
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

/** View > Columns… and View > Time Display Format on the recorded ip link session, saved across windows. */
@ExtendWith(ApplicationExtension.class)
class ColumnsTest {

    private MainWindow window;
    private RecentFiles recent;

    @Start
    void start(Stage stage) throws Exception {
        recent = new RecentFiles(Files.createTempDirectory("nlscope-columns").resolve("recent-files"));
        window = new MainWindow(stage, MainWindowTest.DECODING, recent);
        stage.show();
    }

    private List<String> shownIds(MainWindow w) {
        return fx(() -> w.table().getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getId).toList());
    }

    @Test
    void theChooserHidesMovesAndSizesColumnsAndANewWindowKeepsThat(FxRobot robot) {
        Fx.openAndWait(window, MainWindowTest.CAPTURE);
        ColumnChooser chooser = fx(() -> window.options().showColumnChooser());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#show-seq");
        assertFalse(fx(() -> window.table().column("seq").isVisible()), "unticking Seq hides it");
        assertFalse(shownIds(window).contains("seq"));

        run(() -> ((javafx.scene.control.ListView<?>) chooser.stage().getScene().lookup("#columnList"))
                .getSelectionModel().select(window.table().getColumns().indexOf(window.table().column("port"))));
        robot.clickOn("#columnUp");
        List<String> ids = fx(() -> window.table().getColumns().stream().map(TableColumn::getId).toList());
        assertEquals(ids.indexOf("seq"), ids.indexOf("port") + 1, "Port moved before Seq: " + ids);

        robot.doubleClickOn("#width-flags").write("123").type(KeyCode.ENTER);
        await("Flags to be 123 px", () -> Math.round(window.table().column("flags").getWidth()) == 123);
        double infoBefore = fx(() -> window.table().infoColumn().getWidth());
        run(() -> window.table().fitColumns());
        assertEquals(123, Math.round(fx(() -> window.table().column("flags").getWidth())), "fitting keeps a width the user set");
        assertTrue(infoBefore > 160, "Info still takes the rest");
        run(() -> chooser.stage().close());
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS); // the widths are saved once a drag pauses

        // a second window (the next start) reads the same settings
        MainWindow next = fx(() -> new MainWindow(new Stage(), MainWindowTest.DECODING, recent));
        List<String> order = fx(() -> next.table().getColumns().stream().map(TableColumn::getId).toList());
        assertEquals(ids, order, "the order is kept");
        assertFalse(shownIds(next).contains("seq"), "Seq stays hidden");
        assertEquals(123, Math.round(fx(() -> next.table().column("flags").getPrefWidth())));

        // Reset brings every column back, in the first order, and forgets the sizes
        run(() -> next.options().columns().reset());
        assertEquals(List.of("no", "time", "direction", "family", "type", "flags", "seq", "port", "length", "latency", "info"),
                shownIds(next));
        assertTrue(fx(() -> next.table().sizedByUser().isEmpty()));
        assertTrue(new Settings(recent.file().resolveSibling("settings.properties")).getList(ColumnLayout.HIDDEN).isEmpty());
    }

    @Test
    void theHeaderMenuHidesAColumnAndThatIsSavedToo() {
        run(() -> window.table().column("latency").setVisible(false));
        Settings saved = new Settings(recent.file().resolveSibling("settings.properties"));
        assertEquals(List.of("latency"), saved.getList(ColumnLayout.HIDDEN));
        assertTrue(fx(() -> window.table().isTableMenuButtonVisible()), "the header's + menu lists the columns");
    }

    @Test
    void everyTimeFormatShowsWhatItSaysAndIsSaved(FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        List<MessageRow> rows = store.rows(0, store.size());
        long first = rows.get(0).timeNanos();
        // a row that starts a frame, after a frame some time earlier
        int r = 1;
        while (rows.get(r).messageIndex() > 0 || rows.get(r).timeNanos() == rows.get(r - 1).timeNanos()) {
            r++;
        }
        MessageRow row = rows.get(r);
        long previousFrame = store.frame(row.frameNumber() - 1).timestampNanos();

        assertEquals("0.000000", cellText(window, "time", 0));
        assertEquals(seconds(row.timeNanos() - first), cellText(window, "time", r));

        pick(robot, TimeFormat.DELTA);
        assertEquals("Delta", fx(() -> window.table().column("time").getText()));
        assertEquals(seconds(row.timeNanos() - previousFrame), cellText(window, "time", r));

        pick(robot, TimeFormat.EPOCH);
        assertEquals(seconds(row.timeNanos()), cellText(window, "time", r));

        pick(robot, TimeFormat.DATE_AND_TIME);
        String date = cellText(window, "time", r);
        assertTrue(date.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), date);

        // since the previous displayed message: between two errors with others in between
        List<MessageRow> errors = rows.stream().filter(m -> m.kind() == MessageRow.Kind.ERROR).toList();
        Fx.filter(window, "error");
        await("the errors", () -> window.model().displayed().size() == errors.size());
        pick(robot, TimeFormat.DELTA_DISPLAYED);
        assertEquals("0.000000", cellText(window, "time", 0));
        assertEquals(seconds(errors.get(1).timeNanos() - errors.get(0).timeNanos()), cellText(window, "time", 1));

        Settings saved = new Settings(recent.file().resolveSibling("settings.properties"));
        assertEquals("DELTA_DISPLAYED", saved.get(ViewOptions.TIME_FORMAT, null));
        MainWindow next = fx(() -> new MainWindow(new Stage(), MainWindowTest.DECODING, recent));
        assertEquals(TimeFormat.DELTA_DISPLAYED, fx(() -> next.table().timeFormat()));
    }

    /** Chooses a format as the user does: the View menu's item, by its accelerator. */
    private void pick(FxRobot robot, TimeFormat format) {
        robot.clickOn("#messageTable");
        robot.press(KeyCode.CONTROL, KeyCode.ALT).type(KeyCode.valueOf("DIGIT" + (format.ordinal() + 1)))
                .release(KeyCode.ALT, KeyCode.CONTROL);
        await(format + " to be chosen", () -> window.table().timeFormat() == format);
        assertNotNull(format.title);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%d.%06d", nanos / 1_000_000_000L, nanos % 1_000_000_000L / 1000);
    }
}
