package org.nlscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.nlscope.session.EngineDecoding;

/** The desktop app: one main window, optionally opening a file given on the command line. */
public final class NlscopeApp extends Application {

    private static volatile List<Path> dissectorDirs = List.of();

    /** Starts the app and blocks until its window closes. */
    public static void launch(Path file, List<Path> userDissectorDirs) {
        dissectorDirs = userDissectorDirs == null ? List.of() : List.copyOf(userDissectorDirs);
        Application.launch(NlscopeApp.class, file == null ? new String[0] : new String[] {file.toString()});
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(stage, EngineDecoding.load(dissectorDirs), RecentFiles.standard());
        stage.show();
        window.offerRecovery();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            window.open(Path.of(args.get(0)));
        }
    }

}
