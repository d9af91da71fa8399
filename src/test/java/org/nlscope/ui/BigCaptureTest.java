package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A big capture (the real captures repeated to a few hundred thousand messages, written to the
 * test's temporary directory) in the real window: its first rows show while it still loads,
 * a filter typed while it loads covers every row, and the selection survives.
 */
@ExtendWith(ApplicationExtension.class)
class BigCaptureTest {

    private static final int MESSAGES = 300_000;

    @TempDir
    static Path dir;
    private static Path big;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, MainWindowTest.DECODING,
                new RecentFiles(Files.createTempDirectory("nlscope-recent").resolve("recent-files")));
        stage.show();
    }

    /** The NETLINK-linktype frames of every real capture, over and over, each round later than the last. */
    private static synchronized Path big() throws Exception {
        if (big != null) {
            return big;
        }
        List<Frame> round = new ArrayList<>();
        try (var files = Files.list(Path.of("src/test/resources/captures"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".pcapng") || p.toString().endsWith(".pcap")).sorted().toList()) {
                try (CaptureReader r = CaptureReader.open(p)) {
                    for (Frame f; (f = r.next()) != null; ) {
                        if (f.linkType() == LinkType.NETLINK) {
                            round.add(f);
                        }
                    }
                }
            }
        }
        int perRound = 0;
        for (Frame f : round) {
            perRound += Math.max(1, MainWindowTest.DECODING.decode(1, f, org.nlscope.decode.DecodeContext.empty())
                    .messages().size());
        }
        Path out = dir.resolve("big.pcapng");
        int messages = 0;
        long shift = 0;
        try (CaptureWriter w = CaptureWriter.create(out, CaptureFormat.PCAPNG)) {
            while (messages < MESSAGES) {
                for (Frame f : round) {
                    w.write(new Frame(f.timestampNanos() + shift, f.linkType(), f.data(), f.originalLength(),
                            f.packetType(), null));
                }
                messages += perRound;
                shift += 1_000_000_000_000L;
            }
        }
        big = out;
        return out;
    }

    @Test
    void firstRowsShowWhileTheRestLoadsAndAFilterTypedMeanwhileCoversAll(FxRobot robot) throws Exception {
        Path file = big();
        robot.interact(() -> window.open(file));
        TableSortingTest.await("the first rows", () -> window.table().lastVisibleIndex() >= 0);
        assertTrue(TableSortingTest.fx(() -> window.isBusy()), "the first rows are shown before the file is loaded");
        int shownEarly = TableSortingTest.fx(() -> window.model().displayed().size());
        assertTrue(shownEarly > 0);

        // select a row while it loads, then filter for errors, while it loads (as Enter in the filter field does)
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(0));
        boolean filteredWhileLoading = TableSortingTest.fx(() -> {
            window.filterBar().apply("error");
            return window.isBusy();
        });
        assertTrue(filteredWhileLoading, "the filter was applied while the file loads");
        TableSortingTest.await("the whole file", () -> !window.isBusy());
        CaptureStore store = window.store();
        assertTrue(store.size() >= MESSAGES, "rows: " + store.size());
        int errors = 0;
        for (int row = 0; row < store.size(); row++) {
            if (store.index().kind(row) == MessageRow.Kind.ERROR) {
                errors++;
            }
        }
        int expected = errors;
        assertTrue(expected > 0);
        TableSortingTest.await("every error", () -> window.model().displayed().size() == expected);
        List<MessageRow> some = TableSortingTest.fx(() -> List.copyOf(window.model().displayed()));
        assertTrue(some.stream().allMatch(r -> r.kind() == MessageRow.Kind.ERROR));

        // an error is selected; clearing the filter keeps it selected among all rows
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(expected / 2));
        int selected = TableSortingTest.fx(() -> window.table().getSelectionModel().getSelectedItem().index());
        robot.interact(() -> window.filterBar().field().setText(""));
        robot.clickOn("#filterField").type(KeyCode.ENTER);
        TableSortingTest.await("all rows again", () -> window.model().displayed().size() == store.size());
        TableSortingTest.await("the error still selected", () -> window.table().getSelectionModel().getSelectedItem() != null
                && window.table().getSelectionModel().getSelectedItem().index() == selected);
        assertEquals(selected, (int) TableSortingTest.fx(() -> window.table().getSelectionModel().getSelectedIndex()));
    }
}
