package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.MessageRow;
import org.nlscope.session.io.FileLoader;

/** The list model without a screen: rows arrive once each, in order, and a new filter rescans without duplicates. */
class MessageListModelTest {

    private static void awaitOn(ExecutorService ui, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!ui.submit(condition::getAsBoolean).get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void rowsArriveOnceInOrderAndAFilterChangeRescans() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        MessageListModel model = new MessageListModel(ui);
        CaptureStore store = new CaptureStore(EngineDecoding.load(List.of()));
        ui.submit(() -> model.setStore(store)).get();
        // a filter set while the rows stream in: it must cover the rows before and after it
        FileLoader.Loading loading = FileLoader.start(MainWindowTest.CAPTURE, store, r -> { });
        ui.submit(() -> model.setFilter((s, row) -> row.kind() == MessageRow.Kind.ERROR)).get();
        loading.result().get(20, TimeUnit.SECONDS);
        long errors = store.rows(0, store.size()).stream().filter(r -> r.kind() == MessageRow.Kind.ERROR).count();
        awaitOn(ui, () -> model.displayed().size() == errors);

        ui.submit(() -> model.setFilter(null)).get();
        awaitOn(ui, () -> model.displayed().size() == store.size());
        List<Integer> indexes = ui.submit(() -> model.displayed().stream().map(MessageRow::index).toList()).get();
        for (int i = 0; i < indexes.size(); i++) {
            assertEquals(i, indexes.get(i), "each row once, in store order");
        }
        assertTrue(errors > 0);
        model.close();
        ui.shutdown();
    }
}
