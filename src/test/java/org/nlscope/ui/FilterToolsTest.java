package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.ui.Fx.await;
import static org.nlscope.ui.Fx.fx;
import static org.nlscope.ui.Fx.run;

import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
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

/** Prepare as Filter, the filter history, saved filter buttons and completion, on the recorded ip link session. */
@ExtendWith(ApplicationExtension.class)
class FilterToolsTest {

    private MainWindow window;
    private RecentFiles recent;

    @Start
    void start(Stage stage) throws Exception {
        recent = new RecentFiles(Files.createTempDirectory("nlscope-filters").resolve("recent-files"));
        window = new MainWindow(stage, MainWindowTest.DECODING, recent);
        stage.show();
    }

    @Test
    void prepareAsFilterJoinsTheFieldWithoutApplying() {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        MessageRow error = store.rows(0, store.size()).stream()
                .filter(r -> r.kind() == MessageRow.Kind.ERROR && store.message(r.index()).error().badAttrOffset() != null)
                .findFirst().orElseThrow();
        Fx.filter(window, "error or ack");
        await("the filter", () -> window.model().displayed().size() < store.size());
        run(() -> window.table().getSelectionModel().clearAndSelect(window.navigator().displayedIndexOf(error.index())));
        run(() -> window.navigator().showOffendingAttribute()); // selects IFLA_MTU (4): 50 in the tree
        assertEquals(new TreeActions.Term("IFLA_MTU", "50"), TreeActions.field(fx(() -> window.detail().selected())));
        Menu prepare = fx(() -> (Menu) window.detail().tree().getContextMenu().getItems().stream()
                .filter(i -> "prepareAsFilter".equals(i.getId())).findFirst().orElseThrow());
        List<MenuItem> joins = fx(() -> List.copyOf(prepare.getItems()));
        assertEquals(6, joins.size());

        int shown = fx(() -> window.model().displayed().size());
        run(() -> joins.get(TreeActions.Join.AND.ordinal()).fire());
        assertEquals("(error or ack) and IFLA_MTU == 50", fx(() -> window.filterBar().field().getText()));
        assertTrue(fx(() -> window.filterBar().field().isFocused()), "the cursor waits in the field");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shown, fx(() -> window.model().displayed().size()), "prepared, not applied");
        run(() -> joins.get(TreeActions.Join.OR_NOT.ordinal()).fire());
        assertEquals("(error or ack) and IFLA_MTU == 50 or not (IFLA_MTU == 50)",
                fx(() -> window.filterBar().field().getText()));
        assertTrue(fx(() -> window.filterBar().field().getStyleClass().contains("filter-ok")), "what it prepares parses");
        run(() -> joins.get(TreeActions.Join.NOT.ordinal()).fire());
        assertEquals("not (IFLA_MTU == 50)", fx(() -> window.filterBar().field().getText()));
        assertEquals("error and IFLA_MTU == 50", TreeActions.join("error", TreeActions.Join.AND, "IFLA_MTU == 50"));
        assertEquals("IFLA_MTU == 50", TreeActions.join("  ", TreeActions.Join.OR, "IFLA_MTU == 50"));
    }

    @Test
    void theHistoryListsAppliedFiltersNewestFirstAndAnotherWindowToo(FxRobot robot) {
        Fx.openAndWait(window, MainWindowTest.CAPTURE);
        for (String f : List.of("error", "ack", "error", "type == RTM_NEWLNK", "done")) {
            Fx.filter(window, f); // the typo is not applied, so not remembered
        }
        assertEquals(List.of("done", "error", "ack"), new FilterMemory(Settings.besides(recent)).history());
        robot.clickOn("#filterHistory");
        robot.clickOn("ack");
        assertEquals("ack", fx(() -> window.filterBar().field().getText()));
        await("ack applied", () -> window.model().displayed().stream().allMatch(r -> r.kind() == MessageRow.Kind.ACK)
                && !window.model().displayed().isEmpty());
        MainWindow next = fx(() -> new MainWindow(new Stage(), MainWindowTest.DECODING, recent));
        assertEquals("ack", new FilterMemory(Settings.besides(recent)).history().get(0));
        assertTrue(next != null);
    }

    @Test
    void aSavedFilterIsAButtonThatAppliesIt(FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        long links = store.rows(0, store.size()).stream().filter(r -> r.typeName().equals("RTM_NEWLINK")).count();
        run(() -> window.filterBar().field().setText("type == RTM_NEWLINK"));
        robot.clickOn("#saveFilter");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField label = fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && "Save Filter".equals(st.getTitle()))
                .map(w -> (javafx.scene.control.TextField) w.getScene().lookup(".text-field")).findFirst().orElseThrow());
        assertEquals("type == RTM_NEWLINK", fx(label::getText), "the filter is the label proposed");
        run(() -> label.setText("Links"));
        robot.clickOn("OK");
        await("the button", () -> window.filterBar().savedButtons().getChildren().size() == 1);
        Fx.filter(window, "");
        await("all rows", () -> window.model().displayed().size() == store.size());
        robot.clickOn("Links");
        await("the saved filter", () -> window.model().displayed().size() == links);
        assertEquals("type == RTM_NEWLINK", fx(() -> window.filterBar().field().getText()));

        MainWindow next = fx(() -> new MainWindow(new Stage(), MainWindowTest.DECODING, recent));
        assertEquals(List.of("Links"), fx(() -> next.filterBar().savedButtons().getChildren().stream()
                .map(n -> ((Button) n).getText()).toList()), "saved for the next start");
        run(() -> ((Button) window.filterBar().savedButtons().getChildren().get(0)).getContextMenu().getItems().get(0).fire());
        assertTrue(fx(() -> window.filterBar().savedButtons().getChildren().isEmpty()), "removed from its menu");
        assertTrue(new FilterMemory(Settings.besides(recent)).saved().isEmpty());
    }

    @Test
    void theFieldCompletesNamesAndValuesFromTheDissectors(FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        robot.clickOn("#filterField").write("IFLA_OPERS");
        assertEquals("IFLA_OPERS", fx(() -> window.filterBar().field().getText()), "typing goes on in the field");
        await("the completions", () -> window.filterBar().completer().isShowing());
        assertEquals(List.of("IFLA_OPERSTATE"), fx(() -> List.copyOf(window.filterBar().completer().list().getItems())));
        robot.type(KeyCode.TAB);
        assertEquals("IFLA_OPERSTATE", fx(() -> window.filterBar().field().getText()));

        robot.write(" == U");
        await("the values", () -> window.filterBar().completer().isShowing());
        List<String> values = fx(() -> List.copyOf(window.filterBar().completer().list().getItems()));
        assertTrue(values.contains("UP") && values.contains("UNKNOWN"), "the enum of IFLA_OPERSTATE: " + values);
        for (int i = 0; i <= values.indexOf("UNKNOWN"); i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        assertEquals("IFLA_OPERSTATE == UNKNOWN", fx(() -> window.filterBar().field().getText()));
        assertFalse(fx(() -> window.filterBar().completer().isShowing()));
        robot.type(KeyCode.ENTER);
        await("the filter", () -> window.model().displayed().size() < store.size() && !window.model().displayed().isEmpty());

        // message types and errnos complete after their field
        FilterVocabulary v = fx(() -> window.filterBar().completer() != null ? Filters.of(MainWindowTest.DECODING.registry()).vocabulary() : null);
        assertTrue(FilterCompletion.at("type == RTM_NEWL", 16, v).words().contains("RTM_NEWLINK"));
        assertTrue(FilterCompletion.at("error and errno == EINV", 23, v).words().contains("EINVAL"));
        assertEquals(List.of(), FilterCompletion.at("seq == 1", 8, v).words(), "numbers have no names");
    }
}
