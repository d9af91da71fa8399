package org.nlscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.linux.CapturePriority;
import org.nlscope.capture.linux.NlmonCapture;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.CaptureStats;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.redact.Redactor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nlscope capture}: every netlink message on this machine, live, from an nlmon
 * device nlscope brings up (and removes again) itself.
 */
@Command(name = "capture",
        description = {"Captures netlink traffic live on an nlmon device and prints it as 'read' does.",
                "Without -i, uses an existing nlmon device or creates nlmon0 and removes it on exit.",
                "Stops on Ctrl-C, SIGTERM, -c or -a; then prints 'N frames, M messages, D dropped by the kernel' on stderr and exits 0.",
                "-Y filters what is printed; -w writes every frame.",
                "With -- COMMAND [ARGS...], runs the command once the capture is ready, keeps only its traffic",
                "(requests, the kernel's answers, the notifications its changes caused), stops when it exits",
                "and exits with its exit code; --pid and --process keep only the traffic of running processes.",
                "The command runs as nlscope does (as root under sudo), as strace and perf run theirs;",
                "'sudo nlscope capture -- sudo -u USER COMMAND' runs it as USER, still counted as the command.",
                "--netns captures in another network namespace (nlmon sees only its own).",
                "Needs CAP_NET_ADMIN and CAP_NET_RAW (root)."})
final class CaptureCommand implements Callable<Integer> {
    /**
     * Frames waiting for the live printer; beyond this the capture waits and the ring's copies
     * wait in its backlog, outside the heap. Small on purpose: frames that wait long on the heap
     * are promoted and end in full collections, whose pauses stop the ring's reader too.
     */
    static final long DECODE_QUEUE_BYTES = 1L << 20;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "-i", paramLabel = "IFACE", description = "An nlmon device to capture on (default: find or create one).")
    private String iface;

    @Option(names = "--netns", paramLabel = "NAME|PATH|PID",
            description = "Capture in another network namespace: a name under /run/netns (ip netns add), a path, "
                    + "or a process id (its /proc/PID/ns/net). The nlmon device is made and removed there.")
    private String netns;

    @Option(names = "--pid", paramLabel = "PID",
            description = "Keep only the netlink traffic of this process and its children (repeatable).")
    private List<Integer> pids = new ArrayList<>();

    @Option(names = "--process", paramLabel = "NAME",
            description = "Keep only the netlink traffic of processes of this command name, running or started later, "
                    + "and their children (repeatable), e.g. --process NetworkManager.")
    private List<String> processNames = new ArrayList<>();

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "After --: a command to run and capture alone; the capture stops when it exits.")
    private List<String> command = new ArrayList<>();

    @Option(names = "-w", paramLabel = "FILE|-", description = "Write pcapng as it arrives, flushed per ring block; '-' streams it to stdout (then nothing else is printed there).")
    private String writeTo;

    @Option(names = "-c", paramLabel = "COUNT", description = "Stop after COUNT frames.")
    private long count;

    @Option(names = "-a", paramLabel = "duration:SEC", description = "Stop after SEC seconds.")
    private String autostop;

    @Option(names = "--family", paramLabel = "FAMILY", split = ",",
            description = "Keep only these netlink families (route, generic, sock_diag, netfilter, xfrm, ... or numbers); filtered in the kernel.")
    private List<String> families = new ArrayList<>();

    @Option(names = "--ring-mb", paramLabel = "N", description = "Kernel ring size in MiB (default ${DEFAULT-VALUE}).")
    private int ringMb = CaptureOptions.DEFAULT_RING_MB;

    @Option(names = {"-q", "--quiet"}, description = "Print no live decode, only the summary.")
    private boolean quiet;

    @Option(names = "--redact", description = "Write secret attribute payloads (keys, passwords) to -w as zeros of the same length.")
    private boolean redact;

    @Option(names = "--show-secrets", description = "Print keys and passwords as captured (by default they read as zeros).")
    private boolean showSecrets;

    @ArgGroup(exclusive = true)
    private OutputFormat format = new OutputFormat();

    @Mixin
    private DisplayFilterOption displayFilter;

    @Option(names = "--helper", description = {"Run as the desktop app's privileged helper (started through sudo or pkexec): "
            + "keep only CAP_NET_ADMIN and CAP_NET_RAW, set no_new_privs, stream pcapng to stdout, "
            + "stop when stdin, if a pipe, ends; "
            + "takes no -w, --dissectors, --ynl, -V, --json, -Y, --redact or --netns (it is started inside the namespace)."})
    private boolean helper;

    private DissectorRegistry registry;
    private CaptureScope scope;
    private String netnsLabel;

    @Override
    public Integer call() throws CliException, IOException, InterruptedException {
        if (helper) {
            CaptureHelperMode.refuseUserInput(writeTo, main.dissectorDirs, main.ynlDirs, format, displayFilter.text, redact, command,
                    netns);
        }
        long durationNanos = CaptureArguments.parseDuration(autostop);
        DisplayFilter filter = displayFilter.filter();
        Set<Integer> familySet = CaptureArguments.parseFamilies(families);
        if (count < 0) {
            throw new CliException("-c needs a positive count, not " + count, Main.EXIT_USAGE);
        }
        scope = CaptureScope.of(command, pids, processNames);
        boolean pcapOnStdout = helper || "-".equals(writeTo);
        boolean decode = !pcapOnStdout && !quiet;
        registry = decode || redact ? CaptureDecoding.registry(main.dissectorSources()) : null;
        FrameDecoder decoder = decode ? new FrameDecoder(registry) : null;
        FileRedaction redaction = redact && writeTo != null ? new FileRedaction(registry) : null;
        CaptureOptions options;
        try {
            options = CaptureOptions.defaults().withInterface(iface).withFamilies(familySet).withRingMegabytes(ringMb)
                    .withNetns(netns);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), Main.EXIT_USAGE);
        }

        // the capture's threads and the live printer (this thread) inherit it; the helper may raise it only before it drops
        CapturePriority.raiseCurrentThread();
        if (helper) {
            // before the capture opens anything or starts a thread, which inherit what this thread keeps
            long kept = CaptureHelperMode.dropPrivileges();
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                    "nlscope: capture helper: keeping only CAP_NET_ADMIN and CAP_NET_RAW (CapEff %016x), no_new_privs", kept));
        }
        NlmonCapture capture;
        try {
            capture = NlmonCapture.open(options);
        } catch (CaptureException e) {
            throw new CliException(Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String stale : capture.removedStaleDevices()) {
            err.println("nlscope: removed " + stale + ", which is gone");
        }
        // the helper's namespace was entered by its script, before this JVM started
        netnsLabel = helper ? CaptureHelperMode.enteredNetnsLabel(System.getenv()) : capture.netnsLabel();
        err.println("nlscope: capturing on " + capture.interfaceName()
                + (netnsLabel == null ? "" : " in the " + netnsLabel) + (capture.createdDevice()
                ? " (made by nlscope, removed on exit)" : " (an existing device, left in place)"));
        if (scope != null) {
            err.println("nlscope: " + scope.description());
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // a signal the JVM handles (SIGHUP, a second Ctrl-C): let the main thread finish the file, then make sure the device goes
            capture.stop();
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            capture.close();
        }, "nlscope-capture-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (helper) {
            CaptureHelperMode.stopWhenStdinEnds(capture::stop);
        }
        try (StopSignals signals = StopSignals.install(capture::stop)) {
            return run(capture, decoder, filter, redaction, pcapOnStdout, durationNanos, err);
        } finally {
            if (scope != null) {
                scope.destroy();
            }
            capture.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; it finds everything done
            }
        }
    }

    private int run(NlmonCapture capture, FrameDecoder decoder, DisplayFilter filter, FileRedaction redaction,
                    boolean pcapOnStdout, long durationNanos, PrintWriter err)
            throws CliException, IOException, InterruptedException {
        CaptureWriter writer = CaptureOutput.open(writeTo, pcapOnStdout, main.rawOut(), capture, netnsLabel, scope,
                redaction != null);
        FrameQueue toDecode = decoder == null ? null : new FrameQueue(DECODE_QUEUE_BYTES);
        if (writer != null) {
            writer.writeMetadata(capture.metadata());
            writer.flush();
        }
        LiveSink all = new LiveSink(capture, writer, redaction, toDecode, count);
        capture.start(scope == null ? all : scope.wrap(capture, all));
        if (scope != null) {
            scope.startCommand();
        }
        if (decoder != null) {
            CapturePriority.lowerCurrentThread();   // this thread decodes from here on; the capture's threads keep theirs
        }
        Writer out = main.out();
        CapturePrinter printer = decoder == null ? null
                : new CapturePrinter(decoder, format, filter, showSecrets ? null : Redactor.masking(registry), capture, out);
        CaptureException failure = LivePrinting.run(capture, toDecode, printer, scope, durationNanos, out);
        CaptureStats stats = capture.stats();
        if (writer != null) {
            CaptureOutput.finish(writer, capture, stats, writeTo, pcapOnStdout);
        }
        String summary = String.format(Locale.ROOT, "%d frames, %d messages, %d dropped by the kernel",
                all.frames(), all.messages(), stats.drops());
        // on stderr, as tcpdump's: `capture -V > file` keeps the decode alone and still shows the drops
        err.println(summary);
        if (scope != null) {
            scope.summary().forEach(err::println);
        }
        if (failure != null) {
            throw new CliException(Errors.oneLine(failure.getMessage()), Main.EXIT_FILE);
        }
        return scope != null && scope.runsCommand() ? scope.exitCode() : Main.EXIT_OK;
    }
}
