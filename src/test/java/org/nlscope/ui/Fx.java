package org.nlscope.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableCell;
import org.nlscope.session.CaptureStore;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: run on the FX thread, wait for a condition, open a capture, read a cell. */
final class Fx {

    private Fx() {
    }

    static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, c);
    }

    static void run(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /** Opens a capture and waits until every row is loaded and shown. */
    static CaptureStore openAndWait(MainWindow window, Path file) {
        run(() -> window.open(file));
        await("the file to load", () -> !window.isBusy() && window.session().file() != null
                && window.session().file().equals(file)
                && window.model().displayed().size() == window.store().size() && window.store().size() > 0);
        return window.store();
    }

    /** Applies a display filter as Enter in the filter field does. */
    static void filter(MainWindow window, String text) {
        run(() -> {
            window.filterBar().field().setText(text);
            window.filterBar().field().fireEvent(new javafx.event.ActionEvent());
        });
    }

    /** The text drawn in a column's cell of a displayed row (scrolled into view), or null when none is laid out. */
    static String cellText(MainWindow window, String columnId, int row) {
        run(() -> window.table().scrollTo(Math.max(0, row - 2)));
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> window.table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && columnId.equals(c.getTableColumn().getId()) && c.getIndex() == row && c.isVisible())
                .map(n -> ((TableCell<?, ?>) n).getText()).findFirst().orElse(null));
    }
}
