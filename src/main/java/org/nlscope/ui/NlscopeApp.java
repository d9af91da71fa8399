package org.nlscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.decode.ContextLearner;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.FrameDecoding;

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
        FrameDecoding decoding = decoding(dissectorDirs);
        MainWindow window = new MainWindow(stage, () -> new CaptureStore(decoding), RecentFiles.standard());
        stage.show();
        window.offerRecovery();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            window.open(Path.of(args.get(0)));
        }
    }

    /** The decode engine with the built-in and the user's dissectors. */
    static FrameDecoding decoding(List<Path> userDirs) {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(userDirs));
        return new FrameDecoding() {
            @Override
            public org.nlscope.model.DecodedFrame decode(int number, org.nlscope.model.Frame frame,
                                                         org.nlscope.decode.DecodeContext context) {
                return decoder.decode(frame, number, context);
            }

            @Override
            public org.nlscope.decode.DecodeContext learn(org.nlscope.decode.DecodeContext before,
                                                          org.nlscope.model.DecodedFrame decoded) {
                return ContextLearner.learn(before, decoded);
            }
        };
    }
}
