package org.nlscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.FrameDecoding;

/** The desktop app: one main window, optionally opening a file given on the command line. */
public final class NlscopeApp extends Application {

    private static volatile FrameDecoding decoding;

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

    @Override
    public void start(Stage stage) {
        FrameDecoding d = decoding != null ? decoding : EngineDecoding.load(List.of());
        MainWindow window = new MainWindow(stage, d, RecentFiles.standard());
        stage.show();
        window.offerRecovery();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            window.open(Path.of(args.get(0)));
        } else {
            window.viewModel().live().check();
        }
    }

}
