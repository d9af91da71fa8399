package org.nlscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.capture.linux.CapturePriority;
import org.nlscope.capture.linux.NlmonCapture;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.Frame;
import org.nlscope.model.ProcessInfo;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.redact.RedactionReport;
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
    /** Frames waiting for the live printer; beyond this the capture waits (and its own backlog fills). */
    static final long DECODE_QUEUE_BYTES = 16L << 20;

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
            + "keep only CAP_NET_ADMIN and CAP_NET_RAW, set no_new_privs, stream pcapng to stdout; "
            + "takes no -w, --dissectors, --ynl, -V, --json, -Y or --redact."})
    private boolean helper;

    private DissectorRegistry registry;
    private CaptureScope scope;

    @Override
    public Integer call() throws CliException, IOException, InterruptedException {
        if (helper) {
            CaptureHelperMode.refuseUserInput(writeTo, main.dissectorDirs, main.ynlDirs, format, displayFilter.text, redact, command);
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
        err.println("nlscope: capturing on " + capture.interfaceName()
                + (capture.netnsLabel() == null ? "" : " in the " + capture.netnsLabel()) + (capture.createdDevice()
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
        Writer out = main.out();
        CaptureWriter writer = openWriter(capture, pcapOnStdout, redaction != null);
        FrameQueue toDecode = new FrameQueue(DECODE_QUEUE_BYTES);
        AtomicLong frames = new AtomicLong();
        AtomicLong messages = new AtomicLong();
        // the port owners for packet comments, as known at the last ring block
        AtomicReference<Map<Long, ProcessInfo>> owners = new AtomicReference<>(capture.metadata().processes());
        if (writer != null) {
            writer.writeMetadata(capture.metadata());
            writer.flush();
        }
        FrameSink all = new FrameSink() {
            @Override
            public void accept(Frame frame) {
                if (count > 0 && frames.get() >= count) {
                    return;
                }
                frames.incrementAndGet();
                messages.addAndGet(CaptureArguments.countMessages(frame.data()));
                try {
                    if (writer != null) {
                        Frame out = CaptureComments.withProcesses(frame, owners.get());
                        writer.write(redaction == null ? out : redaction.apply(out, capture));
                    }
                } catch (IOException e) {
                    capture.stop(); // the writer keeps the failure; it is reported at the end
                }
                if (decoder != null) {
                    try {
                        toDecode.put(frame);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (count > 0 && frames.get() >= count) {
                    capture.stop();
                }
            }

            @Override
            public void endOfBatch() {
                try {
                    if (writer != null) {
                        writer.flush();
                        owners.set(capture.metadata().processes());
                    }
                } catch (IOException e) {
                    capture.stop(); // the writer keeps the failure; it is reported at the end
                }
            }
        };
        capture.start(scope == null ? all : scope.wrap(capture, all));
        if (scope != null) {
            scope.startCommand();
        }

        long deadline = durationNanos > 0 ? System.nanoTime() + durationNanos : Long.MAX_VALUE;
        CapturePrinter printer = decoder == null ? null
                : new CapturePrinter(decoder, format, filter, showSecrets ? null : Redactor.masking(registry), capture, out);
        CaptureException failure = null;
        int sinceCheck = 0;
        while (true) {
            Frame f = printer == null ? null : toDecode.poll(50);
            if (f != null) {
                printer.print(f);
                if (++sinceCheck < 1000) {
                    continue;
                }
            } else if (printer != null) {
                out.flush();
            }
            sinceCheck = 0;
            if (System.nanoTime() >= deadline || scope != null && scope.commandDone()) {
                capture.stop();
            }
            boolean ended;
            try {
                ended = capture.awaitStop(Duration.ofMillis(printer == null ? 100 : 1));
            } catch (CaptureException e) {
                failure = e;
                ended = true;
            }
            if (ended) {
                while (printer != null && (f = toDecode.poll(0)) != null) {
                    printer.print(f);
                }
                if (scope != null) {
                    // the capture thread has ended: what the scope still held goes through the
                    // bounded queue, so it is passed on by another thread while this one drains
                    Thread finishing = new Thread(scope::finish, "nlscope-scope-finish");
                    finishing.start();
                    while (finishing.isAlive()) {
                        if (printer == null) {
                            finishing.join(100);
                        } else if ((f = toDecode.poll(10)) != null) {
                            printer.print(f);
                        }
                    }
                    while (printer != null && (f = toDecode.poll(0)) != null) {
                        printer.print(f);
                    }
                }
                out.flush();
                break;
            }
        }
        CaptureStats stats = capture.stats();
        if (writer != null) {
            try (writer) {
                if (writer.failure() == null) {
                    // the policies went out at the start and do not change: not twice
                    writer.writeMetadata(capture.metadata().withStats(stats).withPolicies(Map.of()));
                }
            } catch (IOException e) {
                // the last block did not fit either: the writer has cut the file back, said below
            }
            if (writer.failure() != null) {
                throw writeFailed(writer, pcapOnStdout);
            }
        }
        String summary = String.format(Locale.ROOT, "%d frames, %d messages, %d dropped by the kernel",
                frames.get(), messages.get(), stats.drops());
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

    /** A full disk (or a closed pipe) stops the capture; a file keeps every block written whole, and says how many frames. */
    private CliException writeFailed(CaptureWriter writer, boolean pcapOnStdout) {
        String why = Errors.oneLine(String.valueOf(writer.failure().getMessage()));
        if (pcapOnStdout) {
            return new CliException("standard output: " + why, Main.EXIT_FILE);
        }
        return new CliException(writeTo + ": " + why + "; the capture stopped, and the file keeps its first "
                + writer.framesKept() + " frames, readable to its last complete block", Main.EXIT_FILE);
    }

    private CaptureWriter openWriter(CaptureSource capture, boolean pcapOnStdout, boolean redacted) throws CliException {
        if (writeTo == null && !pcapOnStdout) {
            return null;
        }
        List<String> comments = new ArrayList<>();
        String description = CaptureScope.interfaceDescription(capture, scope);
        String genl = CaptureComments.genlFamilies(capture.metadata().genlFamilies());
        if (genl != null) {
            comments.add(genl);
        }
        if (redacted) {
            comments.add(RedactionReport.streamedComment(false));
        }
        try {
            if (pcapOnStdout) {
                return CaptureWriter.create(main.rawOut(), CaptureFormat.PCAPNG, capture.interfaceName(), description, comments);
            }
            return CaptureWriter.create(Path.of(writeTo), CaptureFormat.PCAPNG, capture.interfaceName(), description, comments);
        } catch (IOException e) {
            throw new CliException((pcapOnStdout ? "standard output" : writeTo) + ": cannot write: "
                    + Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
        }
    }
}
