package org.nlscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nlscope.session.EngineDecoding;
import org.nlscope.ui.NlscopeApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nlscope gui [FILE]}: the desktop app, optionally opening a capture. */
@Command(name = "gui",
        description = "Opens the desktop app (also what 'nlscope' does without a command), optionally on a capture file.")
final class GuiCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A capture file (pcap or pcapng) to open; - shows a capture streamed into standard input live, "
                    + "as it arrives (ssh host sudo nlscope capture -w - | nlscope gui -).")
    private Path file;

    @Override
    public Integer call() throws CliException {
        boolean live = file != null && CaptureDecoding.isStdin(file);
        if (file != null && !live && !Files.isReadable(file)) {
            throw new CliException(file + ": " + (Files.exists(file) ? "cannot be read" : "no such file"), Main.EXIT_FILE);
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new CliException("the desktop app needs a graphical session (DISPLAY is not set); "
                    + "the command line works without one: nlscope --help", Main.EXIT_USAGE);
        }
        // dissectors load first: a bad user file is a one-line error here, not a dead window
        EngineDecoding decoding = new EngineDecoding(CaptureDecoding.registry(main.dissectorSources()));
        try {
            if (live) {
                NlscopeApp.launchLive(main.in(), decoding);
            } else {
                NlscopeApp.launch(file, decoding);
            }
        } catch (UnsupportedOperationException e) {
            throw new CliException(toolkitProblem(String.valueOf(e.getMessage())), Main.EXIT_USAGE);
        }
        return Main.EXIT_OK;
    }

    /** JavaFX's start-up failures, said the way a user can act on them. */
    static String toolkitProblem(String message) {
        if (message.contains("GTK")) {
            return "the desktop app needs GTK 3, which this system lacks: apt-get install libgtk-3-0";
        }
        if (message.contains("DISPLAY")) {
            return "the desktop app cannot open the display " + System.getenv("DISPLAY")
                    + "; the command line works without one: nlscope --help";
        }
        return "the desktop app cannot start: " + message;
    }
}
