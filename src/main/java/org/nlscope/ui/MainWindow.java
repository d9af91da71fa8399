package org.nlscope.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.FrameDecoding;
import org.nlscope.session.io.FileLoader;
import org.nlscope.session.io.LoadResult;
import org.nlscope.session.io.Recovery;
import org.nlscope.session.replay.Replay;
import org.nlscope.session.MessageRow;
import org.nlscope.session.export.DetailNode;
import org.nlscope.session.export.DetailTree;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.filter.FilterSyntaxException;
import org.nlscope.session.stats.Statistics;
import org.nlscope.session.transactions.Transaction;
import org.nlscope.session.transactions.Transactions;
import org.nlscope.model.ErrorInfo;
import org.nlscope.capture.CaptureException;

/**
 * The main window: menu, tool bar, banner, filter bar, message table, detail tree with
 * hex view, status bar. It owns one capture at a time (a {@link CaptureStore}) and the
 * background job feeding it: a file being loaded, a replay, or a live capture.
 */
public final class MainWindow {

    private final Stage stage;
    private final FrameDecoding decoding;
    private final RecentFiles recent;
    private final FxBatcher<Runnable> ui = FxBatcher.actions();

    private final MessageListModel model = new MessageListModel();
    private final MessageTable table = new MessageTable(model.displayed());
    private final DetailPane detail = new DetailPane();
    private final TransactionBar transactionBar = new TransactionBar();
    private final FilterBar filterBar = new FilterBar();
    private final Banner banner = new Banner();
    private final StatusBar status = new StatusBar();
    private final Menu recentMenu = new Menu("Open _Recent");
    private final ToggleButton followButton = new ToggleButton("Follow");
    private final ToggleButton pauseButton = new ToggleButton("Pause");
    private final ChoiceBox<Replay.Speed> speedChoice = new ChoiceBox<>();
    private final Button startButton = new Button("Start");
    private final Button stopButton = new Button("Stop");

    // the capture shown, and its parts (replaced together on the FX thread)
    private CaptureSession session;
    private CaptureStore store;
    private Transactions transactions;
    private Statistics statistics;
    /** Stops what fills the session (a load, a replay, a live capture); null when nothing does. */
    private Runnable stopActivity;
    private Replay replay;
    private boolean follow = true;
    private Path autosaveDirectory = Recovery.autosaveDirectory();
    private Recovery.Leftover recovered;
    private final BugReportExport bugReport;

    public MainWindow(Stage stage, FrameDecoding decoding, RecentFiles recent) {
        this.stage = stage;
        this.bugReport = new BugReportExport(stage, banner, status, ui);
        this.decoding = decoding;
        this.recent = recent;

        VBox lower = new VBox(transactionBar, detail);
        VBox.setVgrow(detail, javafx.scene.layout.Priority.ALWAYS);
        transactionBar.toRequest.setOnAction(e -> goToRequest());
        transactionBar.toResponse.setOnAction(e -> goToResponse());
        transactionBar.toAttribute.setOnAction(e -> showOffendingAttribute());
        table.setLatency(this::latency);
        SplitPane center = new SplitPane(table, lower);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);

        VBox top = new VBox(menuBar(), toolBar(), banner, filterBar);
        BorderPane root = new BorderPane(center, top, null, status, null);
        root.setId("mainWindow");

        filterBar.setChecker(MainWindow::filterProblem);
        filterBar.setOnApply(this::applyFilter);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showDetail(row));
        table.setContextMenu(tableMenu());
        table.addEventFilter(ScrollEvent.SCROLL, e -> ui.add(this::updateFollowFromScroll));
        model.setOnChange(this::afterRowsChanged);

        // as large as a laptop screen allows, never larger than the screen
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/ui/main.css").toExternalForm());
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (files != null && !files.isEmpty()) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(true);
            e.consume();
        });
        stage.setScene(scene);
        stage.setTitle("nlscope");
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard("quit")) {
                e.consume();
            } else {
                shutDown();
            }
        });
        show(CaptureSession.empty(decoding));
        refreshRecent();
        updateControls();
    }

    // ---- layout ----

    private MenuBar menuBar() {
        MenuItem open = item("_Open…", "Shortcut+O", this::chooseAndOpen);
        MenuItem save = item("_Save", "Shortcut+S", this::save);
        MenuItem saveAs = item("Save _As…", "Shortcut+Shift+S", this::saveAs);
        MenuItem exportText = item("Export Selected as _Text…", null, () -> exportSelected(false));
        MenuItem exportJson = item("Export Selected as _JSON…", null, () -> exportSelected(true));
        MenuItem exportRedacted = item("Export for _Bug Report…", null, () -> bugReport.run(store));
        MenuItem quit = item("_Quit", "Shortcut+Q", () -> {
            if (confirmDiscard("quit")) {
                shutDown();
                stage.close();
            }
        });
        Menu fileMenu = new Menu("_File", null, open, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), exportText, exportJson, exportRedacted, new SeparatorMenuItem(), quit);

        MenuItem copyText = item("Copy as _Text", "Shortcut+C", () -> copySelected(false));
        MenuItem copyJson = item("Copy as _JSON", "Shortcut+Shift+C", () -> copySelected(true));
        MenuItem focusFilter = item("_Filter…", "Shortcut+F", () -> filterBar.field().requestFocus());
        MenuItem toRequest = item("Go to _Request", "Alt+Up", this::goToRequest);
        MenuItem toResponse = item("Go to Res_ponse", "Alt+Down", this::goToResponse);
        Menu editMenu = new Menu("_Edit", null, copyText, copyJson, new SeparatorMenuItem(), toRequest, toResponse,
                new SeparatorMenuItem(), focusFilter);

        CheckMenuItem absolute = new CheckMenuItem("_Absolute Time");
        absolute.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        absolute.selectedProperty().addListener((o, a, on) -> table.setAbsoluteTime(on));
        MenuItem stats = item("_Statistics…", "Shortcut+I", this::showStatistics);
        Menu viewMenu = new Menu("_View", null, absolute, new SeparatorMenuItem(), stats);

        MenuItem replay1 = item("Replay File at _1x…", null, () -> chooseAndReplay(Replay.Speed.ONE_X));
        MenuItem replay10 = item("Replay File at 1_0x…", null, () -> chooseAndReplay(Replay.Speed.TEN_X));
        MenuItem replayFull = item("Replay File at _Full Speed…", null, () -> chooseAndReplay(Replay.Speed.FULL));
        MenuItem start = item("_Start Live Capture", "Shortcut+E", this::startCapture);
        MenuItem stop = item("S_top", "Shortcut+Shift+E", this::stopActivity);
        MenuItem sample = item("Open S_ample Capture", null, this::openSample);
        Menu captureMenu = new Menu("_Capture", null, start, stop, new SeparatorMenuItem(), replay1, replay10, replayFull,
                new SeparatorMenuItem(), sample);
        return new MenuBar(fileMenu, editMenu, viewMenu, captureMenu);
    }

    private ToolBar toolBar() {
        Button open = new Button("Open");
        open.setTooltip(new Tooltip("Open a pcap or pcapng file (Ctrl+O)"));
        open.setOnAction(e -> chooseAndOpen());
        Button save = new Button("Save");
        save.setTooltip(new Tooltip("Save the capture as pcapng or pcap (Ctrl+S)"));
        save.setOnAction(e -> save());
        startButton.setId("startButton");
        startButton.setTooltip(new Tooltip("Capture every netlink message on this machine (Ctrl+E)"));
        startButton.setOnAction(e -> startCapture());
        stopButton.setId("stopButton");
        stopButton.setTooltip(new Tooltip("Stop the capture, replay or loading"));
        stopButton.setOnAction(e -> stopActivity());
        speedChoice.getItems().setAll(Replay.Speed.values());
        speedChoice.setValue(Replay.Speed.ONE_X);
        speedChoice.setTooltip(new Tooltip("Replay speed"));
        speedChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Replay.Speed speed) {
                return speed == null ? "" : speedLabel(speed);
            }

            @Override
            public Replay.Speed fromString(String text) {
                return null;
            }
        });
        speedChoice.valueProperty().addListener((o, a, speed) -> {
            if (replay != null) {
                replay.setSpeed(speed);
            }
        });
        Button statsButton = new Button("Statistics");
        statsButton.setId("statsButton");
        statsButton.setOnAction(e -> showStatistics());
        Button replayButton = new Button("Replay…");
        replayButton.setId("replayButton");
        replayButton.setTooltip(new Tooltip("Replay a saved capture into the live view"));
        replayButton.setOnAction(e -> chooseAndReplay(speedChoice.getValue()));
        pauseButton.setId("pauseButton");
        pauseButton.selectedProperty().addListener((o, a, paused) -> {
            if (replay != null) {
                if (paused) {
                    replay.pause();
                } else {
                    replay.resume();
                }
            }
        });
        followButton.setId("followButton");
        followButton.setSelected(true);
        followButton.setTooltip(new Tooltip("Keep the newest message in view"));
        followButton.selectedProperty().addListener((o, a, on) -> {
            follow = on;
            if (on) {
                scrollToEnd();
            }
        });
        return new ToolBar(startButton, stopButton, new javafx.scene.control.Separator(), open, save,
                new javafx.scene.control.Separator(), replayButton, speedChoice, pauseButton,
                new javafx.scene.control.Separator(), followButton, statsButton);
    }

    private ContextMenu tableMenu() {
        return new ContextMenu(
                item("Go to Request", null, this::goToRequest),
                item("Go to Response", null, this::goToResponse),
                new SeparatorMenuItem(),
                item("Copy as Text", null, () -> copySelected(false)),
                item("Copy as JSON", null, () -> copySelected(true)));
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    // ---- the capture shown ----

    /** Shows a session: the table, filter, transactions and statistics follow it. */
    private void show(CaptureSession next) {
        CaptureSession old = session;
        session = next;
        store = next.store();
        transactions = next.transactions();
        statistics = next.statistics();
        if (old != null) {
            closeQuietly(old);
        }
        table.setTimeOrigin(0);
        model.setStore(store);
        applyFilter(filterBar.field().getText());
        detail.show(null, new byte[0], null);
        transactionBar.show("", false, false, false);
        Path path = next.file();
        status.setFile(path == null ? "" : path.toString());
        stage.setTitle(path == null ? "nlscope" : path.getFileName() + " — nlscope");
        afterRowsChanged();
    }

    /** Ends a session: its autosave is kept only when it holds unsaved frames. */
    private static void closeQuietly(CaptureSession s) {
        try {
            s.close();
        } catch (java.io.IOException ignored) {
            // an autosave that cannot be closed is found by Recovery next time
        }
    }

    private void afterRowsChanged() {
        CaptureStore s = store;
        if (s == null) {
            return;
        }
        if (s.frameCount() > 0 && !model.displayed().isEmpty()) {
            table.setTimeOriginIfUnset(s.frame(1).timestampNanos());
        }
        long drops = s.metadata().stats() != null && s.metadata().stats().packets() > 0
                ? s.metadata().stats().drops() : -1;
        status.update(s.size(), s.frameCount(), model.displayed().size(), drops);
        if (follow) {
            scrollToEnd();
        }
    }

    private void scrollToEnd() {
        int n = model.displayed().size();
        if (n > 0) {
            table.scrollTo(n - 1);
        }
    }

    /** Follow stops when the user scrolls up and resumes when the last row is in view again. */
    private void updateFollowFromScroll() {
        int last = table.lastVisibleIndex();
        boolean atEnd = last < 0 || last >= model.displayed().size() - 1;
        if (followButton.isSelected() != atEnd) {
            followButton.setSelected(atEnd);
        }
    }

    private void showDetail(MessageRow row) {
        if (row == null || store == null) {
            detail.show(null, new byte[0], null);
            transactionBar.show("", false, false, false);
            return;
        }
        describeTransaction(row);
        DecodedFrame df = store.decoded(row.frameNumber());
        DetailTree trees = new DetailTree(port -> store.context(row.frameNumber()).process(port));
        DetailNode root = trees.build(df);
        DetailNode focus = messageNode(root, df, row.messageIndex());
        detail.show(root, df.frame().data(), focus);
    }

    /** The message's node in the frame tree: the child covering its nlmsghdr offset. */
    private static DetailNode messageNode(DetailNode root, DecodedFrame df, int messageIndex) {
        if (messageIndex < 0 || messageIndex >= df.messages().size()) {
            return null;
        }
        int offset = df.messages().get(messageIndex).offset();
        for (DetailNode child : root.children()) {
            if (child.coversBytes() && child.offset() == offset) {
                return child;
            }
        }
        return null;
    }

    // ---- statistics ----

    private StatisticsWindow statisticsWindow;

    /** Opens (or raises) the statistics window of the capture shown. */
    public StatisticsWindow showStatistics() {
        if (statisticsWindow == null) {
            statisticsWindow = new StatisticsWindow(stage, () -> statistics);
        }
        statisticsWindow.show();
        return statisticsWindow;
    }

    // ---- transactions ----

    private MessageRow selectedRow() {
        return table.getSelectionModel().getSelectedItem();
    }

    private String latency(MessageRow row) {
        Transactions t = transactions;
        Transaction tx = t == null ? null : t.ofRow(row.index());
        if (tx == null) {
            return "";
        }
        if (row.index() == tx.requestRow()) {
            return tx.isComplete() ? millis(tx.completionNanos()) : "";
        }
        return millis(row.timeNanos() - tx.requestNanos());
    }

    /** "0.178 ms" below a second, "15.195 s" above. */
    static String millis(long nanos) {
        return nanos < 1_000_000_000L ? String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6)
                : String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    private void describeTransaction(MessageRow row) {
        Transaction tx = transactions.ofRow(row.index());
        if (tx == null) {
            transactionBar.show(row.kind() == MessageRow.Kind.NOTIFICATION
                    ? "Notification: answers no request" : "Not part of a request/response pair", false, false, false);
            return;
        }
        StringBuilder text = new StringBuilder();
        if (row.index() == tx.requestRow()) {
            text.append("Request: ");
            if (tx.firstResponseRow() < 0) {
                text.append("no answer in the capture");
            } else {
                if (!tx.replyRows().isEmpty()) {
                    text.append(tx.replyRows().size()).append(tx.replyRows().size() == 1 ? " reply" : " replies");
                }
                if (tx.doneRow() >= 0) {
                    text.append(text.length() > 9 ? ", " : "").append("DONE");
                }
                if (tx.ackRow() >= 0) {
                    text.append(text.length() > 9 ? ", " : "").append(tx.failed() ? errorName(tx) : "ACK");
                }
                if (tx.isComplete()) {
                    text.append(" — completed in ").append(millis(tx.completionNanos()));
                }
            }
        } else {
            MessageRow request = store.row(tx.requestRow());
            text.append("Answer to No. ").append(request.frameNumber()).append(' ').append(request.typeName())
                    .append(" after ").append(millis(row.timeNanos() - tx.requestNanos()));
        }
        ErrorInfo error = errorOf(row);
        boolean attribute = error != null && error.badAttrOffset() != null;
        if (error != null && error.message() != null) {
            text.append(" — kernel says: \"").append(error.message()).append('"');
        }
        if (attribute && error.badAttr() != null) {
            text.append(" (").append(error.badAttr()).append(')');
        }
        transactionBar.show(text.toString(), row.index() != tx.requestRow(),
                transactions.responseRowOf(row.index()) >= 0, attribute);
    }

    /** "error EEXIST" for a failed transaction, from its NLMSG_ERROR. */
    private String errorName(Transaction tx) {
        DecodedMessage ack = store.message(tx.ackRow());
        String name = ack != null && ack.error() != null ? ack.error().name() : null;
        return "error " + (name != null ? name : Integer.toString(tx.errorCode()));
    }

    private ErrorInfo errorOf(MessageRow row) {
        if (row.kind() != MessageRow.Kind.ERROR || row.messageIndex() < 0) {
            return null;
        }
        DecodedMessage m = store.message(row.index());
        return m == null ? null : m.error();
    }

    /** Selects the request of the selected message's transaction. */
    public void goToRequest() {
        MessageRow row = selectedRow();
        if (row != null && transactions != null) {
            selectStoreRow(transactions.requestRowOf(row.index()), "request");
        }
    }

    /** Selects the answer of the selected request (or the ACK/DONE completing an answer). */
    public void goToResponse() {
        MessageRow row = selectedRow();
        if (row != null && transactions != null) {
            selectStoreRow(transactions.responseRowOf(row.index()), "response");
        }
    }

    /**
     * Selects the attribute an error's extended ACK blames: in the echoed request when the
     * error carries it whole, else in the original request.
     */
    public void showOffendingAttribute() {
        MessageRow row = selectedRow();
        ErrorInfo error = row == null ? null : errorOf(row);
        if (error == null || error.badAttrOffset() == null) {
            return;
        }
        DecodedMessage echoed = error.request();
        if (echoed != null && echoed.header().length() > error.badAttrOffset()
                && detail.root() != null && detail.root().length() > echoed.offset() + error.badAttrOffset()) {
            detail.selectByte(echoed.offset() + error.badAttrOffset());
            return;
        }
        int requestRow = transactions.requestRowOf(row.index());
        if (requestRow >= 0 && selectStoreRow(requestRow, "request")) {
            DecodedMessage request = store.message(requestRow);
            detail.selectByte(request.offset() + error.badAttrOffset());
        }
    }

    /** Selects a store row in the table; false (with a note) when it is not displayed. */
    private boolean selectStoreRow(int storeRow, String what) {
        if (storeRow < 0) {
            status.setActivity("No " + what + " in the capture for this message");
            return false;
        }
        int at = displayedIndexOf(storeRow);
        if (at < 0) {
            status.setActivity("The " + what + " is hidden by the display filter");
            return false;
        }
        follow(false);
        table.getSelectionModel().clearAndSelect(at);
        table.scrollTo(Math.max(0, at - 3));
        return true;
    }

    /** Where a store row sits in the displayed list (kept in row order), or -1. */
    private int displayedIndexOf(int storeRow) {
        List<MessageRow> rows = model.displayed();
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int idx = rows.get(mid).index();
            if (idx < storeRow) {
                lo = mid + 1;
            } else if (idx > storeRow) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void follow(boolean on) {
        followButton.setSelected(on);
    }

    // ---- filter ----

    static String filterProblem(String text) {
        try {
            DisplayFilter.parse(text);
            return null;
        } catch (FilterSyntaxException e) {
            return e.getMessage();
        }
    }

    private void applyFilter(String text) {
        DisplayFilter f;
        try {
            f = DisplayFilter.parse(text);
        } catch (FilterSyntaxException e) {
            return; // the bar already shows the problem
        }
        if (f.isAll()) {
            model.setFilter(null);
            return;
        }
        model.setFilter((s, row) -> {
            DecodedFrame df = s.decoded(row.frameNumber());
            DecodedMessage m = row.messageIndex() < 0 ? null : df.messages().get(row.messageIndex());
            return f.matches(df, m, s.context(row.frameNumber()));
        });
    }

    // ---- files ----

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures (*.pcapng, *.pcap)", "*.pcapng", "*.pcap", "*.cap"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path file = session == null ? null : session.file();
        if (file != null && file.getParent() != null && Files.isDirectory(file.getParent())) {
            fc.setInitialDirectory(file.getParent().toFile());
        }
        return fc;
    }

    private void chooseAndOpen() {
        File f = chooser("Open a capture").showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens a capture file: rows appear while it loads in the background. */
    public void open(Path path) {
        if (!confirmDiscard("open another capture")) {
            return;
        }
        stopActivity();
        banner.hide();
        recent.add(path);
        refreshRecent();
        status.setActivity("Loading…");
        CaptureSession[] self = new CaptureSession[1];
        CaptureSession s = CaptureSession.open(path, decoding, result -> ui.add(() -> {
            finished(self[0], result.cancelled() ? "Loading stopped" : "Loaded");
            if (result.error() != null && self[0] == session) {
                banner.show("error", result.error());
            }
        }));
        self[0] = s;
        show(s);
        FileLoader.Loading loading = s.loading();
        stopActivity = loading::cancel;
        updateControls();
    }

    private void finished(CaptureSession s, String activity) {
        if (s == session) {
            status.setActivity(activity);
            stopActivity = null;
            replay = null;
            pauseButton.setSelected(false);
            updateControls();
            afterRowsChanged();
        }
    }

    private void save() {
        if (session.file() != null && !session.hasUnsavedData()) {
            return;
        }
        if (session.file() == null) {
            saveAs();
        } else {
            saveTo(session.file());
        }
    }

    private void saveAs() {
        FileChooser fc = chooser("Save the capture");
        fc.setInitialFileName(session.file() == null ? "capture.pcapng" : session.file().getFileName().toString());
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            saveTo(f.toPath());
        }
    }

    /** Writes every frame of the capture (not only the displayed ones); the format follows the name. */
    public void saveTo(Path target) {
        CaptureSession s = session;
        Recovery.Leftover leftover = recovered;
        status.setActivity("Saving…");
        Jobs.run("save", () -> {
            try {
                int frames = s.save(target);
                if (leftover != null) {
                    Recovery.discard(leftover);
                }
                ui.add(() -> {
                    if (s == session) {
                        if (leftover == recovered) {
                            recovered = null;
                        }
                        status.setFile(target.toString());
                        stage.setTitle(target.getFileName() + " — nlscope");
                        recent.add(target);
                        refreshRecent();
                    }
                    status.setActivity("Saved " + frames + " frames to " + target.getFileName());
                });
            } catch (java.io.IOException | RuntimeException e) {
                ui.add(() -> banner.show("error", "Could not save " + target + ": " + e.getMessage()));
            }
        });
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            recentMenu.getItems().add(item(p.toString(), null, () -> open(p)));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ---- replay ----

    private void chooseAndReplay(Replay.Speed speed) {
        File f = chooser("Replay a capture").showOpenDialog(stage);
        if (f != null) {
            replay(f.toPath(), speed);
        }
    }

    /** Plays a saved capture into a new live view, frame by frame at its recorded pace (scaled). */
    public void replay(Path path, Replay.Speed speed) {
        if (!confirmDiscard("start a replay")) {
            return;
        }
        stopActivity();
        banner.hide();
        CaptureSession view = CaptureSession.empty(decoding);
        show(view);
        speedChoice.setValue(speed);
        pauseButton.setSelected(false);
        status.setActivity("Reading " + path.getFileName() + "…");
        boolean[] stopped = new boolean[1];
        stopActivity = () -> stopped[0] = true;
        Jobs.run("replay-load", () -> {
            CaptureStore source = new CaptureStore(decoding);
            LoadResult loaded = FileLoader.load(path, source);
            ui.add(() -> {
                if (view != session || stopped[0]) {
                    return;
                }
                if (loaded.error() != null && source.frameCount() == 0) {
                    finished(view, "");
                    banner.show("error", loaded.error());
                    return;
                }
                Replay r = Replay.start(source, view.store(), speedChoice.getValue());
                replay = r;
                stopActivity = r::stop;
                status.setActivity("Replaying " + path.getFileName() + " at " + speedLabel(speedChoice.getValue()));
                r.done().thenAccept(state -> ui.add(() -> finished(view,
                        state == Replay.State.FINISHED ? "Replay finished" : "Replay stopped")));
                updateControls();
            });
        });
        updateControls();
    }

    static String speedLabel(Replay.Speed speed) {
        return switch (speed) {
            case ONE_X -> "1x";
            case TEN_X -> "10x";
            case FULL -> "full speed";
        };
    }

    // ---- live capture ----

    /** Where live captures are autosaved (tests point it at a temporary directory). */
    public void setAutosaveDirectory(Path dir) {
        autosaveDirectory = dir;
    }

    /** Starts a live capture, or shows in the banner why it cannot run here and what to do. */
    public void startCapture() {
        if (!confirmDiscard("start a live capture")) {
            return;
        }
        stopActivity();
        banner.hide();
        CaptureSession live;
        try {
            live = CaptureSession.live(decoding, autosaveDirectory);
        } catch (java.io.IOException e) {
            banner.show("warning", "The capture is not autosaved (" + e.getMessage() + "); live capture needs "
                    + "a writable " + autosaveDirectory);
            return;
        }
        show(live);
        status.setActivity("Starting the capture…");
        boolean[] stopped = new boolean[1];
        stopActivity = () -> stopped[0] = true;
        Jobs.run("capture-start", () -> {
            LiveCapture.Running running;
            try {
                running = LiveCapture.start(live, reason -> ui.add(() -> captureEnded(live, reason)));
            } catch (CaptureException e) {
                ui.add(() -> captureImpossible(live, e));
                return;
            }
            ui.add(() -> {
                if (live != session || stopped[0]) {
                    running.stop();
                    return;
                }
                stopActivity = () -> Jobs.run("capture-stop", () -> {
                    running.stop();
                    ui.add(() -> finished(live, "Capture stopped: " + live.store().frameCount() + " frames"));
                });
                status.setActivity("Capturing " + running.how());
            });
        });
        updateControls();
    }

    private void captureEnded(CaptureSession live, String reason) {
        if (live == session && stopActivity != null) {
            stopActivity();
            banner.show("error", "The capture ended: " + reason);
        }
    }

    private void captureImpossible(CaptureSession live, CaptureException e) {
        if (live != session) {
            return;
        }
        finished(live, "");
        show(CaptureSession.empty(decoding)); // ends the live session; its empty autosave goes with it
        String why = e.getMessage();
        String text;
        if (e.reason() == CaptureException.Reason.NO_NLMON) {
            text = "Live capture is not possible here: " + why + ". nlscope reads netlink traffic from the kernel's "
                    + "nlmon device (CONFIG_NLMON). Load it with 'sudo modprobe nlmon', or use a kernel built with it. "
                    + "Meanwhile, open a capture file or the sample capture.";
        } else {
            text = "Live capture is not possible here: " + why;
        }
        banner.show("warning", text, banner.action("Open Sample Capture", this::openSample),
                banner.action("Open File…", this::chooseAndOpen));
    }

    /** Opens the capture that ships with nlscope (recorded with ip and genl on a kernel with nlmon). */
    public void openSample() {
        try (java.io.InputStream in = MainWindow.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                banner.show("error", "The sample capture is missing from this build (" + SAMPLE + ").");
                return;
            }
            Path dir = Files.createTempDirectory("nlscope-sample");
            Path copy = dir.resolve(Path.of(SAMPLE).getFileName().toString());
            Files.copy(in, copy);
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            open(copy);
        } catch (java.io.IOException e) {
            banner.show("error", "Could not open the sample capture: " + e.getMessage());
        }
    }

    static final String SAMPLE = "/samples/ip-link-session.pcap";

    /** After a crash: offers back the live captures that were autosaved but never saved. */
    public void offerRecovery() {
        List<Recovery.Leftover> leftovers;
        try {
            leftovers = Recovery.find(autosaveDirectory);
        } catch (java.io.IOException e) {
            return;
        }
        if (leftovers.isEmpty()) {
            return;
        }
        Recovery.Leftover newest = leftovers.get(0);
        String when = newest.modified().atZone(java.time.ZoneId.systemDefault()).toLocalDateTime().withNano(0)
                .toString().replace('T', ' ');
        banner.show("info", "A live capture last written " + when + " was not saved when nlscope closed ("
                        + (newest.bytes() / 1024) + " KiB"
                        + (leftovers.size() > 1 ? ", and " + (leftovers.size() - 1) + " older" : "") + "). Recover it?",
                banner.action("Recover", () -> recover(newest)),
                banner.action("Delete", () -> leftovers.forEach(MainWindow::discardQuietly)));
    }

    /** Opens a leftover; it is deleted once the capture is saved somewhere. */
    private void recover(Recovery.Leftover leftover) {
        open(leftover.file());
        recovered = leftover;
        status.setFile("recovered: " + leftover.file());
        stage.setTitle("recovered capture — nlscope");
    }

    private static void discardQuietly(Recovery.Leftover leftover) {
        try {
            Recovery.discard(leftover);
        } catch (java.io.IOException ignored) {
            // offered again next time
        }
    }

    // ---- copy and export ----

    private List<MessageRow> selectedRows() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private void copySelected(boolean json) {
        List<MessageRow> rows = selectedRows();
        if (rows.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(Export.render(store, rows, json));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        status.setActivity("Copied " + rows.size() + (rows.size() == 1 ? " message" : " messages")
                + (json ? " as JSON" : " as text"));
    }

    private void exportSelected(boolean json) {
        List<MessageRow> rows = selectedRows();
        if (rows.isEmpty()) {
            banner.show("info", "Select the messages to export first (Shift/Ctrl+click for several).");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export selected messages");
        fc.setInitialFileName(json ? "messages.json" : "messages.txt");
        File f = fc.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        String text = Export.render(store, rows, json);
        try {
            Files.writeString(f.toPath(), text);
            status.setActivity("Exported " + rows.size() + " messages to " + f.getName());
        } catch (java.io.IOException e) {
            banner.show("error", "Could not write " + f + ": " + e.getMessage());
        }
    }

    // ---- jobs ----

    private void stopActivity() {
        Runnable stop = stopActivity;
        stopActivity = null;
        replay = null;
        if (stop != null) {
            stop.run();
        }
        updateControls();
    }

    /** Before the window closes: stop what runs, and end the session (its autosave stays if unsaved). */
    private void shutDown() {
        stopActivity();
        closeQuietly(session);
        model.close();
    }

    private void updateControls() {
        boolean running = stopActivity != null;
        stopButton.setDisable(!running);
        startButton.setDisable(running);
        pauseButton.setDisable(replay == null);
    }

    /** Asks before unsaved frames would be dropped; true when it is fine to go on. */
    private boolean confirmDiscard(String what) {
        if (session == null || !session.hasUnsavedData()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "The current capture has " + store.frameCount() + " frames that are not saved.",
                ButtonType.YES, ButtonType.CANCEL);
        alert.setHeaderText("Discard the unsaved capture and " + what + "?");
        alert.initOwner(stage);
        boolean discard = alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.YES;
        if (discard) {
            stopActivity();
            try {
                session.discard();
            } catch (java.io.IOException ignored) {
                // the autosave is offered again next time, which is harmless
            }
        }
        return discard;
    }

    // ---- for tests and the app ----

    /** File > Export for Bug Report, for tests that cannot click through its dialogs. */
    BugReportExport bugReport() {
        return bugReport;
    }

    public CaptureStore store() {
        return store;
    }

    public MessageTable table() {
        return table;
    }

    public DetailPane detail() {
        return detail;
    }

    public FilterBar filterBar() {
        return filterBar;
    }

    public Banner banner() {
        return banner;
    }

    public StatusBar status() {
        return status;
    }

    public TransactionBar transactionBar() {
        return transactionBar;
    }

    Transactions transactionsForTest() {
        return transactions;
    }

    public Statistics statistics() {
        return statistics;
    }

    public MessageListModel model() {
        return model;
    }

    public CaptureSession session() {
        return session;
    }

    /** True while a load, replay or capture runs. */
    public boolean isBusy() {
        return stopActivity != null;
    }
}
