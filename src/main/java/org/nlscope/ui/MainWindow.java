package org.nlscope.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
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
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.CaptureStore;
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
import org.nlscope.model.Frame;

/**
 * The main window: menu, tool bar, banner, filter bar, message table, detail tree with
 * hex view, status bar. It owns one capture at a time (a {@link CaptureStore}) and the
 * background job feeding it: a file being loaded, a replay, or a live capture.
 */
public final class MainWindow {

    private final Stage stage;
    private final Supplier<CaptureStore> newStore;
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

    private CaptureStore store;
    private Transactions transactions;
    private Statistics statistics;
    private Path file;
    private boolean dirty;
    private Jobs.Job job;
    private Replay replay;
    private boolean follow = true;
    private Path autosaveDirectory = Autosave.standardDirectory();
    private Autosave autosave;

    public MainWindow(Stage stage, Supplier<CaptureStore> newStore, RecentFiles recent) {
        this.stage = stage;
        this.newStore = newStore;
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
        setStore(newStore.get(), null);
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
        MenuItem quit = item("_Quit", "Shortcut+Q", () -> {
            if (confirmDiscard("quit")) {
                shutDown();
                stage.close();
            }
        });
        Menu fileMenu = new Menu("_File", null, open, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), exportText, exportJson, new SeparatorMenuItem(), quit);

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

        MenuItem replay1 = item("Replay File at _1x…", null, () -> chooseAndReplay(Replay.Speed.REAL_TIME));
        MenuItem replay10 = item("Replay File at 1_0x…", null, () -> chooseAndReplay(Replay.Speed.TEN_TIMES));
        MenuItem replayFull = item("Replay File at _Full Speed…", null, () -> chooseAndReplay(Replay.Speed.FULL));
        MenuItem start = item("_Start Live Capture", "Shortcut+E", this::startCapture);
        MenuItem stop = item("S_top", "Shortcut+Shift+E", this::stopJob);
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
        stopButton.setOnAction(e -> stopJob());
        speedChoice.getItems().setAll(Replay.Speed.values());
        speedChoice.setValue(Replay.Speed.REAL_TIME);
        speedChoice.setTooltip(new Tooltip("Replay speed"));
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
                replay.setPaused(paused);
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

    private void setStore(CaptureStore s, Path path) {
        store = s;
        transactions = Transactions.attach(s);
        statistics = Statistics.attach(s);
        file = path;
        dirty = false;
        table.setTimeOrigin(0);
        model.setStore(s);
        applyFilter(filterBar.field().getText());
        detail.show(null, new byte[0], null);
        status.setFile(path == null ? "" : path.toString());
        stage.setTitle(path == null ? "nlscope" : path.getFileName() + " — nlscope");
        afterRowsChanged();
    }

    private void afterRowsChanged() {
        CaptureStore s = store;
        if (s == null) {
            return;
        }
        if (s.frameCount() > 0 && !model.displayed().isEmpty()) {
            table.setTimeOriginIfUnset(s.frame(1).timestampNanos());
        }
        long drops = job != null && s.metadata().stats() != null && s.metadata().stats().packets() > 0
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

    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
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
        if (file != null && file.getParent() != null) {
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
        stopJob();
        banner.hide();
        CaptureStore s = newStore.get();
        setStore(s, path);
        recent.add(path);
        refreshRecent();
        status.setActivity("Loading…");
        job = Jobs.start("load", stop -> {
            try (CaptureReader reader = CaptureReader.open(path)) {
                Frame frame;
                while (!stop.get() && (frame = reader.next()) != null) {
                    s.append(frame);
                }
                s.addMetadata(reader.metadata());
                ui.add(() -> finished(s, "Loaded"));
            } catch (CaptureFileException e) {
                ui.add(() -> {
                    finished(s, "");
                    banner.show("error", e.getMessage());
                });
            }
        });
        updateControls();
    }

    private void finished(CaptureStore s, String activity) {
        if (s == store) {
            status.setActivity(activity);
            job = null;
            replay = null;
            pauseButton.setSelected(false);
            updateControls();
            afterRowsChanged();
        }
    }

    private void save() {
        if (file != null && !dirty) {
            return;
        }
        if (file == null) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    private void saveAs() {
        FileChooser fc = chooser("Save the capture");
        fc.setInitialFileName(file == null ? "capture.pcapng" : file.getFileName().toString());
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            saveTo(f.toPath());
        }
    }

    /** Writes every frame of the capture (not only the displayed ones); format from the name. */
    public void saveTo(Path target) {
        CaptureStore s = store;
        int frames = s.frameCount();
        status.setActivity("Saving…");
        Jobs.start("save", stop -> {
            try {
                Path tmp = target.resolveSibling(target.getFileName() + ".part");
                CaptureFormat format = CaptureFormat.forFileName(target.getFileName().toString());
                try (CaptureWriter w = CaptureWriter.create(tmp, format)) {
                    if (format == CaptureFormat.PCAPNG && !s.metadata().isEmpty()) {
                        w.writeMetadata(s.metadata());
                    }
                    for (int n = 1; n <= frames; n++) {
                        w.write(s.frame(n));
                    }
                }
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                ui.add(() -> {
                    if (s == store) {
                        file = target;
                        dirty = s.frameCount() != frames;
                        if (!dirty) {
                            dropAutosave();
                        }
                        status.setFile(target.toString());
                        stage.setTitle(target.getFileName() + " — nlscope");
                        recent.add(target);
                        refreshRecent();
                    }
                    status.setActivity("Saved " + frames + " frames to " + target.getFileName());
                });
            } catch (Exception e) {
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
        stopJob();
        banner.hide();
        CaptureStore s = newStore.get();
        setStore(s, null);
        dirty = true;
        speedChoice.setValue(speed);
        pauseButton.setSelected(false);
        Replay r = new Replay(path, speed);
        replay = r;
        status.setActivity("Replaying " + path.getFileName() + " at " + speed);
        job = Jobs.start("replay", stop -> {
            try {
                r.run(s::append, stop);
                ui.add(() -> finished(s, stop.get() ? "Replay stopped" : "Replay finished"));
            } catch (CaptureFileException e) {
                ui.add(() -> {
                    finished(s, "");
                    banner.show("error", e.getMessage());
                });
            }
        });
        job.onStop(r::wake);
        updateControls();
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
        stopJob();
        banner.hide();
        CaptureStore s = newStore.get();
        setStore(s, null);
        Autosave save;
        try {
            save = Autosave.create(autosaveDirectory);
        } catch (java.io.IOException e) {
            save = null;
            banner.show("warning", "The capture is not autosaved (" + e.getMessage() + "): save it before closing.");
        }
        Autosave saveTo = save;
        autosave = save;
        dirty = true;
        status.setActivity("Starting the capture…");
        job = Jobs.start("capture", stop -> {
            LiveCapture.Running running;
            try {
                running = LiveCapture.start(frame -> {
                    s.append(frame);
                    if (saveTo != null) {
                        try {
                            saveTo.write(frame);
                        } catch (java.io.IOException e) {
                            ui.add(() -> banner.show("warning", "Autosave failed: " + e.getMessage()));
                        }
                    }
                }, reason -> ui.add(() -> captureEnded(s, reason)));
            } catch (CaptureException e) {
                if (saveTo != null) {
                    saveTo.discard();
                }
                ui.add(() -> captureImpossible(s, e));
                return;
            }
            ui.add(() -> status.setActivity("Capturing " + running.how()));
            while (!stop.get()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    break;
                }
                s.addMetadata(running.metadata());
                ui.add(this::afterRowsChanged);
            }
            running.stop();
            s.addMetadata(running.metadata());
            if (saveTo != null) {
                try {
                    saveTo.finish(running.metadata());
                } catch (java.io.IOException ignored) {
                    // the frames are flushed already; only the trailing metadata is lost
                }
            }
            ui.add(() -> finished(s, "Capture stopped: " + s.frameCount() + " frames"));
        });
        updateControls();
    }

    private void captureEnded(CaptureStore s, String reason) {
        if (s == store && job != null) {
            stopJob();
            banner.show("error", "The capture ended: " + reason);
        }
    }

    private void captureImpossible(CaptureStore s, CaptureException e) {
        if (s != store) {
            return;
        }
        finished(s, "");
        dirty = false;
        autosave = null;
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
        List<Path> orphans = Autosave.orphans(autosaveDirectory);
        if (orphans.isEmpty()) {
            return;
        }
        Path newest = orphans.get(0);
        long size;
        try {
            size = Files.size(newest);
        } catch (java.io.IOException e) {
            size = -1;
        }
        String when = java.time.Instant.ofEpochMilli(Long.parseLong(newest.getFileName().toString()
                .replaceAll("live-\\d+-(\\d+)\\.pcapng", "$1"))).atZone(java.time.ZoneId.systemDefault())
                .toLocalDateTime().withNano(0).toString().replace('T', ' ');
        banner.show("info", "A live capture started " + when + " was not saved when nlscope last closed ("
                        + (size / 1024) + " KiB" + (orphans.size() > 1 ? ", and " + (orphans.size() - 1) + " older" : "")
                        + "). Recover it?",
                banner.action("Recover", () -> recover(newest)),
                banner.action("Delete", () -> orphans.forEach(MainWindow::deleteQuietly)));
    }

    private void recover(Path autosaved) {
        open(autosaved);
        dirty = true;
        autosave = null;
        file = null;
        status.setFile("recovered: " + autosaved);
        stage.setTitle("recovered capture — nlscope");
        // the autosave stays until the user saves the capture somewhere
        recoveredFrom = autosaved;
    }

    private Path recoveredFrom;

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // offered again next time
        }
    }

    /** The capture was saved elsewhere or discarded: its autosave is not needed any more. */
    private void dropAutosave() {
        if (autosave != null && job == null) {
            autosave.discard();
            autosave = null;
        }
        if (recoveredFrom != null) {
            deleteQuietly(recoveredFrom);
            recoveredFrom = null;
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

    private void stopJob() {
        Jobs.Job j = job;
        job = null;
        replay = null;
        if (j != null) {
            j.stop();
        }
        updateControls();
    }

    /** Before the window closes: stop the job and give a capture time to remove its nlmon device. */
    private void shutDown() {
        Jobs.Job j = job;
        stopJob();
        if (j != null) {
            try {
                j.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (store == null || store.frameCount() == 0) {
            dropAutosave();
        }
        model.close();
    }

    private void updateControls() {
        boolean running = job != null;
        stopButton.setDisable(!running);
        startButton.setDisable(running);
        pauseButton.setDisable(replay == null);
    }

    /** Asks before unsaved frames would be dropped; true when it is fine to go on. */
    private boolean confirmDiscard(String what) {
        if (!dirty || store == null || store.frameCount() == 0) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "The current capture has " + store.frameCount() + " frames that are not saved.",
                ButtonType.YES, ButtonType.CANCEL);
        alert.setHeaderText("Discard the unsaved capture and " + what + "?");
        alert.initOwner(stage);
        boolean discard = alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.YES;
        if (discard) {
            stopJob();
            dropAutosave();
        }
        return discard;
    }

    // ---- for tests and the app ----

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

    /** True while a load, replay or capture runs. */
    public boolean isBusy() {
        return job != null;
    }
}
