package org.nlscope.ui;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.FrameDecoding;

/** The desktop app: one main window, optionally opening a file given on the command line. */
public final class NlscopeApp extends Application {

    private static volatile FrameDecoding decoding;
    private static volatile InputStream stdin;

    /**
     * Starts the app and blocks until its window closes.
     *
     * @param file     a capture to open, or null
     * @param decoding the decode engine with the dissectors to use (loaded before, so a bad file fails early)
     */
    public static void launch(Path file, FrameDecoding decoding) {
        NlscopeApp.decoding = decoding;
        Application.launch(NlscopeApp.class, file == null ? new String[0] : new String[] {file.toString()});
    }

    /**
     * Starts the app on a capture streamed into {@code in} ({@code nlscope gui -}), shown live as it
     * arrives; blocks until the window closes.
     */
    public static void launchLive(InputStream in, FrameDecoding decoding) {
        NlscopeApp.decoding = decoding;
        NlscopeApp.stdin = in;
        Application.launch(NlscopeApp.class);
    }

    @Override
    public void start(Stage stage) {
        FrameDecoding d = decoding != null ? decoding : EngineDecoding.load(List.of());
        RecentFiles recent = RecentFiles.standard();
        InputStream in = stdin;
        MainWindow window = in == null ? new MainWindow(stage, d, recent)
                : new MainWindow(stage, new MainViewModel(d, recent, TaskRunner.fx(), new StdinCapture(in)), recent);
        stage.show();
        window.offerRecovery();
        List<String> args = getParameters().getRaw();
        if (in != null) {
            window.viewModel().live().start();
        } else if (!args.isEmpty()) {
            window.open(Path.of(args.get(0)));
        } else {
            window.viewModel().live().check();
        }
    }

}
