package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.ui.Fx.fx;
import static org.nlscope.ui.Fx.run;

import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.TableRow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View > Colouring Rules: the role colours as defaults, a rule the user adds, disables, and saved. */
@ExtendWith(ApplicationExtension.class)
class ColouringTest {

    private MainWindow window;
    private RecentFiles recent;

    @Start
    void start(Stage stage) throws Exception {
        recent = new RecentFiles(Files.createTempDirectory("nlscope-colours").resolve("recent-files"));
        window = new MainWindow(stage, MainWindowTest.DECODING, recent);
        stage.show();
    }

    /** The inline style the table paints a row with (scrolled into view, not selected). */
    private String styleOf(MainWindow w, int index) {
        run(() -> {
            w.table().getSelectionModel().clearSelection();
            w.table().scrollTo(Math.max(0, index - 2));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> w.table().lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index).findFirst().map(TableRow::getStyle).orElse("(no row)"));
    }

    @Test
    void theDefaultsColourByRoleAndAnAddedRuleWinsAndIsSaved(FxRobot robot) {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        List<MessageRow> rows = store.rows(0, store.size());
        int error = rows.stream().filter(r -> r.kind() == MessageRow.Kind.ERROR).findFirst().orElseThrow().index();
        int address = rows.stream().filter(r -> r.typeName().equals("RTM_NEWADDR") && r.kind() != MessageRow.Kind.REQUEST)
                .findFirst().orElseThrow().index();
        assertTrue(styleOf(window, error).contains("#ffd2ce"), "errors are red by default");
        String before = styleOf(window, address);

        ColouringDialog dialog = fx(() -> window.options().showColouring());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ColouringRules.DEFAULTS, fx(() -> List.copyOf(dialog.list().getItems())), "the legend lists the defaults");
        robot.clickOn("#ruleAdd");
        robot.doubleClickOn("#ruleName").eraseText(20).write("Addresses");
        robot.doubleClickOn("#ruleFilter").eraseText(20).write("type == RTM_NEWADDR");
        run(() -> robot.lookup("#ruleBackground").queryAs(javafx.scene.control.ColorPicker.class).setValue(Color.web("#aabbcc")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", fx(() -> robot.lookup("#ruleProblem").queryAs(javafx.scene.control.Label.class).getText()));
        assertTrue(styleOf(window, address).contains("#aabbcc"), "the new first rule paints addresses: " + before);
        assertTrue(styleOf(window, error).contains("#ffd2ce"), "the others keep theirs");

        // a typo is shown and colours nothing
        robot.doubleClickOn("#ruleFilter").eraseText(30).write("type == RTM_NEWADR");
        assertTrue(fx(() -> robot.lookup("#ruleProblem").queryAs(javafx.scene.control.Label.class).getText())
                .contains("RTM_NEWADDR"));
        assertTrue(!styleOf(window, address).contains("#aabbcc"));
        robot.doubleClickOn("#ruleFilter").eraseText(30).write("type == RTM_NEWADDR");

        // turn the Error rule off: errors are no longer red
        int errorRule = fx(() -> dialog.list().getItems().stream().map(ColouringRules.Rule::name).toList().indexOf("Error"));
        run(() -> dialog.list().scrollTo(errorRule));
        robot.clickOn("#rule-enabled-" + errorRule);
        String errorStyle = styleOf(window, error);
        assertTrue(errorStyle == null || !errorStyle.contains("#ffd2ce"), errorStyle);

        // the next start has the same rules
        MainWindow next = fx(() -> new MainWindow(new Stage(), MainWindowTest.DECODING, recent));
        List<ColouringRules.Rule> saved = fx(() -> next.options().colouring().rules());
        assertEquals("Addresses", saved.get(0).name());
        assertEquals("#aabbcc", saved.get(0).background());
        assertTrue(saved.stream().anyMatch(r -> r.name().equals("Error") && !r.enabled()));

        robot.clickOn("#ruleDefaults");
        assertEquals(ColouringRules.DEFAULTS, fx(() -> window.options().colouring().rules()));
        assertTrue(styleOf(window, error).contains("#ffd2ce"));
        run(() -> dialog.stage().close());
    }

    @Test
    void aSelectedRowIsDrawnAsSelected() {
        CaptureStore store = Fx.openAndWait(window, MainWindowTest.CAPTURE);
        int error = store.rows(0, store.size()).stream().filter(r -> r.kind() == MessageRow.Kind.ERROR)
                .findFirst().orElseThrow().index();
        styleOf(window, error);
        run(() -> window.table().getSelectionModel().clearAndSelect(error));
        WaitForAsyncUtils.waitForFxEvents();
        String style = fx(() -> window.table().lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == error).findFirst().map(TableRow::getStyle).orElse("(no row)"));
        assertTrue(style == null || style.isEmpty(), "selection, not the rule, paints it: " + style);
    }
}
