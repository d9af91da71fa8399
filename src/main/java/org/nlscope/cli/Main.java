package org.nlscope.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlscope.decode.DissectorSources;
import org.nlscope.model.TerminalText;
import org.nlscope.session.export.Utf8Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code nlscope} command. Subcommands are listed in {@link #SUBCOMMANDS}: to add one,
 * write a class annotated with {@code @Command} and add it there.
 *
 * <p>Exit codes: 0 success, 1 bad usage, 2 a file (capture, dissector, output) that cannot be
 * used. Every error is one line on stderr starting with {@code nlscope: }; never a stack trace.
 */
@Command(name = "nlscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Decodes Linux netlink traffic captured on an nlmon device.",
        footer = {"", "Run 'nlscope COMMAND --help' or 'nlscope help COMMAND' for a command's options."})
public final class Main implements Runnable {

    /** The subcommands, in the order --help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ReadCommand.class, ConvertCommand.class, StatsCommand.class, DissectorsCommand.class,
            CaptureCommand.class, GuiCommand.class, CommandLine.HelpCommand.class);

    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_FILE = 2;

    @Option(names = "--dissectors", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "A directory of dissector files that add to or override the built-in ones (repeatable).")
    List<Path> dissectorDirs = new ArrayList<>();

    @Option(names = "--ynl", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "A directory of the kernel's YNL specs (a kernel tree, its Documentation/netlink, or specs/) "
                    + "that override the built-in families they describe (repeatable).")
    List<Path> ynlDirs = new ArrayList<>();

    private InputStream in;
    private Utf8Output out;
    private OutputStream rawOut;
    private CommandLine commandLine;

    public static void main(String[] args) {
        if (decodesWithBuiltInDissectors(args)) {
            DissectorPreload.start();
        }
        // stdout unwrapped from System.out, whose PrintStream would hide a closed pipe
        System.exit(run(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), System.err, args));
    }

    /** A command that decodes (read, stats, convert), with no dissector directory but the built-in one. */
    private static boolean decodesWithBuiltInDissectors(String[] args) {
        return args.length > 0 && List.of("read", "stats", "convert").contains(args[0])
                && Arrays.stream(args).noneMatch(a -> a.startsWith("--dissectors") || a.startsWith("--ynl")) && configDissectors() == null;
    }

    /** ~/.config/nlscope/dissectors when it exists, else null. */
    private static Path configDissectors() {
        String home = System.getProperty("user.home");
        Path config = home == null ? null : Path.of(home, ".config", "nlscope", "dissectors");
        return config != null && Files.isDirectory(config) ? config : null;
    }

    /** Runs nlscope with these output streams and no standard input; returns the exit code. */
    public static int run(OutputStream stdout, OutputStream stderr, String... args) {
        return run(InputStream.nullInputStream(), stdout, stderr, args);
    }

    /** Runs nlscope with these streams ({@code -} as a file reads {@code stdin}); returns the exit code. */
    public static int run(InputStream stdin, OutputStream stdout, OutputStream stderr, String... args) {
        Main main = new Main();
        main.in = stdin;
        Utf8Output out = new Utf8Output(StdoutException.marking(stdout));
        // every line on stderr is one line: file names and what they contained are escaped
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true) {
            @Override
            public void println(String line) {
                super.println(TerminalText.escape(line));
            }
        };
        main.out = out;
        main.rawOut = stdout;
        CommandLine cl = commandLine(main);
        main.commandLine = cl;
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(err);
        cl.setParameterExceptionHandler(Errors::usage);
        cl.setExecutionExceptionHandler(Errors::execution);
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable t) {
            // picocli passes Errors through: out of memory, a stack overflow, a linkage error
            code = Errors.fatal(t, err);
        }
        try {
            out.flush();
        } catch (java.io.IOException e) {
            code = Errors.stdoutFailed(e, err, code);
        }
        err.flush();
        return code;
    }

    /** The command with every subcommand, as run, as the man page and the shell completion describe it. */
    static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        // no @FILE argument files: the capture helper runs as root and would read any file named so
        cl.setExpandAtFiles(false);
        for (Class<?> sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        return cl;
    }

    /** With no subcommand: the help (the desktop app takes this place once it exists). */
    @Override
    public void run() {
        commandLine.usage(commandLine.getOut());
    }

    /** Standard output as bytes, for a capture file streamed there ({@code capture -w -}); nothing else may use it. */
    OutputStream rawOut() {
        return rawOut;
    }

    /** Standard input, for a capture file named {@code -}. */
    InputStream in() {
        return in;
    }

    /** Standard output, buffered; the only place nlscope prints results. */
    Utf8Output out() {
        return out;
    }

    /**
     * The directories of user dissector files, in increasing priority:
     * ~/.config/nlscope/dissectors when it exists, then each --dissectors in order.
     */
    /**
     * Every source of dissectors the options name: the user's dissector directories, the
     * --ynl directories, and the system's kernel specs unless NLSCOPE_SYSTEM_YNL=0 says not.
     */
    DissectorSources dissectorSources() {
        return new DissectorSources(userDissectorDirs(), ynlDirs, DissectorSources.systemSpecsEnabled());
    }

    List<Path> userDissectorDirs() {
        List<Path> dirs = new ArrayList<>();
        Path config = configDissectors();
        if (config != null) {
            dirs.add(config);
        }
        dirs.addAll(dissectorDirs);
        return dirs;
    }
}
