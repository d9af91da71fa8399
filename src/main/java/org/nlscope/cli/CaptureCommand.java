package org.nlscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;
import org.nlscope.capture.CaptureSource;
import org.nlscope.capture.FrameSink;
import org.nlscope.capture.linux.NlmonCapture;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.CaptureStats;
import org.nlscope.model.DecodedFrame;
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
                "Stops on Ctrl-C, SIGTERM, -c or -a; then prints 'N frames, M messages, D dropped by the kernel'.",
                "-Y filters what is printed; -w writes every frame.",
                "Needs CAP_NET_ADMIN and CAP_NET_RAW (root)."})
final class CaptureCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    /** Netlink family names --family takes (linux/netlink.h), lower case without NETLINK_. */
    static final Map<String, Integer> FAMILIES = Map.ofEntries(
            Map.entry("route", 0), Map.entry("usersock", 2), Map.entry("firewall", 3), Map.entry("sock_diag", 4),
            Map.entry("inet_diag", 4), Map.entry("nflog", 5), Map.entry("xfrm", 6), Map.entry("selinux", 7),
            Map.entry("iscsi", 8), Map.entry("audit", 9), Map.entry("fib_lookup", 10), Map.entry("connector", 11),
            Map.entry("netfilter", 12), Map.entry("ip6_fw", 13), Map.entry("dnrtmsg", 14),
            Map.entry("kobject_uevent", 15), Map.entry("generic", 16), Map.entry("scsitransport", 18),
            Map.entry("ecryptfs", 19), Map.entry("rdma", 20), Map.entry("crypto", 21), Map.entry("smc", 22));

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "-i", paramLabel = "IFACE", description = "An nlmon device to capture on (default: find or create one).")
    private String iface;

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
            + "takes no -w, --dissectors, -V, --json, -Y or --redact."})
    private boolean helper;

    private DissectorRegistry registry;

    @Override
    public Integer call() throws CliException, IOException, InterruptedException {
        if (helper) {
            CaptureHelperMode.refuseUserInput(writeTo, main.dissectorDirs, format, displayFilter.text, redact);
        }
        long durationNanos = parseDuration(autostop);
        DisplayFilter filter = displayFilter.filter();
        Set<Integer> familySet = parseFamilies(families);
        if (count < 0) {
            throw new CliException("-c needs a positive count, not " + count, Main.EXIT_USAGE);
        }
        boolean pcapOnStdout = helper || "-".equals(writeTo);
        boolean decode = !pcapOnStdout && !quiet;
        registry = decode || redact ? CaptureDecoding.registry(main.userDissectorDirs()) : null;
        FrameDecoder decoder = decode ? new FrameDecoder(registry) : null;
        FileRedaction redaction = redact && writeTo != null ? new FileRedaction(registry) : null;
        CaptureOptions options;
        try {
            options = CaptureOptions.defaults().withInterface(iface).withFamilies(familySet).withRingMegabytes(ringMb);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), Main.EXIT_USAGE);
        }

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
        err.println("nlscope: capturing on " + capture.interfaceName() + (capture.createdDevice()
                ? " (made by nlscope, removed on exit)" : " (an existing device, left in place)"));
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C or SIGTERM: let the main thread finish the file, then make sure the device goes
            capture.stop();
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            capture.close();
        }, "nlscope-capture-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(capture, decoder, filter, redaction, pcapOnStdout, durationNanos, err);
        } finally {
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
        BlockingQueue<Frame> toDecode = new LinkedBlockingQueue<>(1 << 16);
        AtomicLong frames = new AtomicLong();
        AtomicLong messages = new AtomicLong();
        // the port owners for packet comments, as known at the last ring block
        AtomicReference<Map<Long, ProcessInfo>> owners = new AtomicReference<>(capture.metadata().processes());
        if (writer != null) {
            writer.writeMetadata(capture.metadata());
            writer.flush();
        }
        capture.start(new FrameSink() {
            @Override
            public void accept(Frame frame) {
                if (count > 0 && frames.get() >= count) {
                    return;
                }
                frames.incrementAndGet();
                messages.addAndGet(countMessages(frame.data()));
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
        });

        long deadline = durationNanos > 0 ? System.nanoTime() + durationNanos : Long.MAX_VALUE;
        Printer printer = decoder == null ? null
                : new Printer(decoder, filter, showSecrets ? null : Redactor.masking(registry), capture, out);
        CaptureException failure = null;
        int sinceCheck = 0;
        while (true) {
            Frame f = printer == null ? null : toDecode.poll(50, TimeUnit.MILLISECONDS);
            if (f != null) {
                printer.print(f);
                if (++sinceCheck < 1000) {
                    continue;
                }
            } else if (printer != null) {
                out.flush();
            }
            sinceCheck = 0;
            if (System.nanoTime() >= deadline) {
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
                while (printer != null && (f = toDecode.poll()) != null) {
                    printer.print(f);
                }
                out.flush();
                break;
            }
        }
        CaptureStats stats = capture.stats();
        if (writer != null) {
            try (writer) {
                if (writer.failure() == null) {
                    writer.writeMetadata(capture.metadata().withStats(stats));
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
        if (pcapOnStdout) {
            err.println(summary);
        } else {
            out.write(summary + "\n");
            out.flush();
        }
        if (failure != null) {
            throw new CliException(Errors.oneLine(failure.getMessage()), Main.EXIT_FILE);
        }
        return Main.EXIT_OK;
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
        String genl = CaptureComments.genlFamilies(capture.metadata().genlFamilies());
        if (genl != null) {
            comments.add(genl);
        }
        if (redacted) {
            comments.add(RedactionReport.streamedComment(false));
        }
        try {
            if (pcapOnStdout) {
                return CaptureWriter.create(main.rawOut(), CaptureFormat.PCAPNG, capture.interfaceName(), comments);
            }
            return CaptureWriter.create(Path.of(writeTo), CaptureFormat.PCAPNG, capture.interfaceName(), comments);
        } catch (IOException e) {
            throw new CliException((pcapOnStdout ? "standard output" : writeTo) + ": cannot write: "
                    + Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
        }
    }

    /** Decodes frames in order, learning the capture's context, and prints them as 'read' does. */
    private final class Printer {
        private final FrameDecoder decoder;
        private final DisplayFilter filter;
        private final CaptureSource capture;
        private final Writer out;
        private final Redactor masking;
        private DecodeContext context;
        private int number;

        Printer(FrameDecoder decoder, DisplayFilter filter, Redactor masking, CaptureSource capture, Writer out) {
            this.decoder = decoder;
            this.filter = filter;
            this.masking = masking;
            this.capture = capture;
            this.out = out;
            this.context = DecodeContext.empty().withMetadata(capture.metadata());
        }

        void print(Frame f) {
            DecodedFrame df = decoder.decode(f, ++number, context);
            if (masking != null) {
                Frame masked = masking.apply(df);
                if (masked != f) {
                    df = decoder.decode(masked, number, context);
                }
            }
            if (df.messages().stream().anyMatch(m -> m.header().pid() != 0 && context.process(m.header().pid()) == null)) {
                context = context.withMetadata(capture.metadata());   // the port map may know it by now
            }
            format.write(df, context, out, filter);
            context = ContextLearner.learn(context, df);
        }
    }

    /** nlmsghdrs in a LINKTYPE_NETLINK frame, walked by nlmsg_len. */
    static int countMessages(byte[] data) {
        int n = 0;
        int pos = 16;
        while (pos + 16 <= data.length) {
            int len = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | (data[pos + 3] & 0xff) << 24;
            n++;
            if (len < 16) {
                break;
            }
            pos += (len + 3) & ~3;
        }
        return n;
    }

    static long parseDuration(String spec) throws CliException {
        if (spec == null) {
            return 0;
        }
        String s = spec.startsWith("duration:") ? spec.substring("duration:".length()) : null;
        try {
            double seconds = Double.parseDouble(s == null ? "x" : s);
            if (seconds > 0 && seconds < 1e9) {
                return (long) (seconds * 1e9);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CliException("-a wants duration:SEC with SEC a positive number of seconds, not '" + spec + "'", Main.EXIT_USAGE);
    }

    static Set<Integer> parseFamilies(List<String> names) throws CliException {
        Set<Integer> out = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT).replaceFirst("^netlink_", "");
            Integer f = FAMILIES.get(name);
            if (f == null && name.matches("\\d{1,2}")) {
                f = Integer.parseInt(name);
            }
            if (f == null || f > 31) {
                throw new CliException("unknown netlink family '" + raw + "'; known: route, generic, sock_diag, netfilter, "
                        + "xfrm, nflog, usersock, fib_lookup, ... or a number 0-31", Main.EXIT_USAGE);
            }
            out.add(f);
        }
        return out;
    }
}
