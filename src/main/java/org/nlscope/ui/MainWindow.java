package org.nlscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.nlscope.session.CaptureSession;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.FrameDecoding;
import org.nlscope.session.replay.Replay;
import org.nlscope.session.transactions.Transactions;

/**
 * The main window: menu, tool bar, banner, filter bar, message table, detail tree with
 * hex view, status bar. What it shows about the capture and what fills it comes from
 * its {@link MainViewModel}; the window lays out, forwards the user's actions and keeps
 * the table, the detail and the transaction bar on the session shown.
 */
public final class MainWindow {

    private final Stage stage;
    private final MainViewModel vm;
    private final Dialogs dialogs;
    private final MessageListModel model = new MessageListModel();
    private final MessageTable table = new MessageTable(model.displayed());
    private final DetailPane detail = new DetailPane();
    private final TransactionBar transactionBar = new TransactionBar();
    private final FilterBar filterBar = new FilterBar();
    private final Banner banner = new Banner();
    private final StatusBar status = new StatusBar();
    private final MainToolBar toolBar;
    private final Navigator navigator;
    private final FileActions files;
    private final Follow follow;
    private final Filters filters;
    private final SessionView view;
    private StatisticsWindow statisticsWindow;
    private final ViewOptions options;
    private final Marks marks = new Marks();
    private final FindBar findBar;

    public MainWindow(Stage stage, FrameDecoding decoding, RecentFiles recent) {
        this(stage, new MainViewModel(decoding, recent, TaskRunner.fx(), LiveLauncher.INSTANCE), recent);
    }

    public MainWindow(Stage stage, MainViewModel vm, RecentFiles recent) {
        this.stage = stage;
        this.vm = vm;
        this.dialogs = new Dialogs(stage);
        this.filters = Filters.of(vm.decoding().registry());
        this.options = new ViewOptions(stage, Settings.besides(recent), table, filters, detail.hex());
        this.files = new FileActions(vm, dialogs, new Export(table, vm, dialogs, status::setActivity),
                new BugReportExport(stage, vm, status::setActivity),
                new ExportSpecified(stage, table, model, marks, vm, status::setActivity));
        this.toolBar = new MainToolBar(this, vm);
        this.follow = new Follow(toolBar.follow, table, model.displayed(), vm.runner());
        this.navigator = new Navigator(table, model.displayed(), detail, vm::session, status::setActivity,
                () -> this.follow.set(false));
        this.view = new SessionView(vm, model, table, detail, transactionBar, status, follow, filters, navigator);
        this.findBar = new FindBar(table, navigator, detail, vm::session, filters, marks, vm.runner());
        table.setMarks(marks);
        marks.setOnChange(table::refresh);
        TableSorting.install(table, model, navigator);
        model.setOnProgress(status::setActivity);

        VBox lower = new VBox(transactionBar, detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        transactionBar.toRequest.setOnAction(e -> navigator.goToRequest());
        transactionBar.toResponse.setOnAction(e -> navigator.goToResponse());
        transactionBar.toAttribute.setOnAction(e -> navigator.showOffendingAttribute());
        table.setLatency(view::latency);
        SplitPane center = new SplitPane(table, lower);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        VBox top = new VBox(MainMenu.build(this, recent), toolBar.bar, banner, filterBar, findBar);
        BorderPane root = new BorderPane(center, top, null, status, null);
        root.setId("mainWindow");

        filterBar.setChecker(filters::problem);
        filterBar.setVocabulary(() -> filters.vocabulary().withProcesses(store().currentContext().processes().values()));
        filterBar.setOnApply(view::applyFilter);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (status.activityText().equals(navigator.lastNote())) {
                status.setActivity(""); // "the request is hidden..." was about the message selected before
            }
            view.showDetail(row);
        });
        table.setContextMenu(MainMenu.tableMenu(this));
        TreeActions.install(detail.tree(), filterBar::apply, filterBar::prepare, () -> filterBar.field().getText());
        filterBar.setMemory(new FilterMemory(options.settings()), dialogs::askFilterLabel);
        model.setOnChange(view::afterRowsChanged);
        FileDropHandler.install(root, this::open);

        // as large as a laptop screen allows, never larger than the screen
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        options.theme().setDark(options.theme().isDark());
        options.theme().style(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!closeSession()) {
                e.consume();
            }
        });
        bind();
    }

    private void bind() {
        vm.setMayDiscard(what -> dialogs.confirmDiscard(vm.session().store().frameCount(), what));
        vm.live().setChooseFile(files::chooseAndOpen);
        banner.setOnHide(vm::hideBanner);
        stage.titleProperty().bind(vm.titleProperty());
        vm.activityProperty().addListener((o, was, now) -> status.setActivity(now));
        vm.fileTextProperty().addListener((o, was, now) -> status.setFile(now));
        vm.bannerProperty().addListener((o, was, now) -> banner.show(now));
        vm.sessionProperty().addListener((o, was, now) -> {
            marks.clear();
            options.colouring().setStore(now.store());
            view.show(now, filterBar.field().getText());
        });
        vm.busyProperty().addListener((o, was, now) -> view.afterRowsChanged());
        options.colouring().setStore(vm.session().store());
        options.setOnFold(view::setFold);
        view.show(vm.session(), filterBar.field().getText());
        banner.show(vm.bannerProperty().get());
    }

    // ---- actions (the menu, the tool bar and tests call these) ----

    /** Opens a capture file: rows appear while it loads; a file that cannot be read changes nothing. */
    public void open(Path path) {
        vm.open(path);
    }

    public void openSample() {
        vm.openSample();
    }

    /** Writes every frame of the capture (not only the displayed ones); the format follows the name. */
    public void saveTo(Path target) {
        vm.saving().saveTo(target);
    }

    public void replay(Path path, Replay.Speed speed) {
        vm.replays().replay(path, speed);
    }

    public void startCapture() {
        vm.live().start();
    }

    void stop() {
        vm.stop();
    }

    void quit() {
        if (closeSession()) {
            stage.close();
        }
    }

    /** Asks about unsaved frames; true when the window may close (and the session then ended). */
    private boolean closeSession() {
        if (!vm.close()) {
            return false;
        }
        model.close();
        return true;
    }

    void focusFilter() {
        filterBar.field().requestFocus();
    }

    void goToPacket() {
        Integer n = dialogs.askFrameNumber(vm.session().store().frameCount());
        if (n != null) {
            navigator.goToFrame(n);
        }
    }

    /** Marks (or unmarks) the selected messages; with {@code ignore}, ignores them instead. */
    void toggleMark(boolean ignore) {
        status.setActivity(marks.toggle(List.copyOf(table.getSelectionModel().getSelectedItems()), ignore));
    }

    /** Opens (or raises) the statistics window of the capture shown. */
    public StatisticsWindow showStatistics() {
        if (statisticsWindow == null) {
            DisplayedStatistics counts = new DisplayedStatistics(vm::session, model, view::appliedFilter, vm.runner());
            statisticsWindow = new StatisticsWindow(stage, counts::get, counts::scope);
            counts.setOnCounted(statisticsWindow::refresh);
        }
        statisticsWindow.show();
        return statisticsWindow;
    }

    // ---- for tests and the app ----

    Stage stage() {
        return stage;
    }

    public MainViewModel viewModel() {
        return vm;
    }

    /** Where live captures are autosaved (tests point it at a temporary directory). */
    public void setAutosaveDirectory(Path dir) {
        vm.setAutosaveDirectory(dir);
    }

    /** After a crash: offers back the live captures that were autosaved but never saved. */
    public void offerRecovery() {
        vm.saving().offerRecovery();
    }

    public CaptureStore store() {
        return vm.session().store();
    }

    public CaptureSession session() {
        return vm.session();
    }

    Transactions transactionsForTest() {
        return vm.session().transactions();
    }

    /** True while a load, replay or capture runs. */
    public boolean isBusy() {
        return vm.isBusy();
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

    public MessageListModel model() {
        return model;
    }

    FileActions files() {
        return files;
    }

    BugReportExport bugReport() {
        return files.bugReport();
    }

    FindBar findBar() {
        return findBar;
    }

    Marks marks() {
        return marks;
    }

    Navigator navigator() {
        return navigator;
    }

    ViewOptions options() {
        return options;
    }

    MainToolBar toolBar() {
        return toolBar;
    }
}
