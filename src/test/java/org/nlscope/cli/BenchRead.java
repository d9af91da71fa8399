package org.nlscope.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.pcap.CaptureWriter;

/**
 * The read benchmark (run it with scripts/bench-read): messages per second of
 * {@code nlscope read -V} and {@code nlscope read --json} on a 100k-frame capture, beside
 * {@code tshark -r FILE -V} in the same run, each a fresh process writing to /dev/null, best
 * of three; then the share of attributes the decode names on the real captures.
 *
 * <p>Usage: {@code BenchRead [BIG_CAPTURE]}. Without a file, one is built by repeating the
 * frames of the real captures under src/test/resources/captures until there are 100,000.
 */
public final class BenchRead {

    private static final int FRAMES = 100_000;
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        List<Path> real = GoldenTest.captures();
        Path big = args.length > 0 ? Path.of(args[0]) : buildBigCapture(real);
        long[] counts = count(big);
        System.out.printf("capture: %s, %d frames, %d messages, %d bytes%n", big, counts[0], counts[1], Files.size(big));

        String classpath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"nlscope read -V", java, "-cp", classpath, Main.class.getName(), "read", "-V", big.toString()});
        commands.add(new String[] {"nlscope read --json", java, "-cp", classpath, Main.class.getName(), "read", "--json", big.toString()});
        commands.add(new String[] {"nlscope read", java, "-cp", classpath, Main.class.getName(), "read", big.toString()});
        commands.add(new String[] {"tshark -r FILE -V", "tshark", "-r", big.toString(), "-V"});
        System.out.printf("%-22s %9s %9s %15s %19s%n", "command", "wall s", "cpu s", "messages/s", "messages/cpu-s");
        for (String[] c : commands) {
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int i = 0; i < RUNS; i++) {
                double[] t = time(Arrays.copyOfRange(c, 1, c.length));
                best[0] = Math.min(best[0], t[0]);
                best[1] = Math.min(best[1], t[1]);
            }
            System.out.printf("%-22s %9.2f %9.2f %,15.0f %,19.0f%n", c[0], best[0], best[1], counts[1] / best[0],
                    counts[1] / best[1]);
        }
        System.out.printf("(best of %d runs each; wall time includes start-up; cpu = user + sys of the process,"
                + " the fairer figure on a shared machine; load average now: %.1f)%n", RUNS,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        System.out.println("attributes named by the decode (name != null), nested ones included:");
        long named = 0;
        long all = 0;
        for (Path p : real) {
            long[] n = naming(p);
            named += n[0];
            all += n[1];
            System.out.printf("  %-40s %6d of %6d  %6.2f%%%n", p.getFileName(), n[0], n[1], 100.0 * n[0] / Math.max(1, n[1]));
        }
        System.out.printf("  %-40s %6d of %6d  %6.2f%%%n", "all real captures", named, all, 100.0 * named / Math.max(1, all));
    }

    /** {wall, cpu} seconds of one run of a command, its output thrown away (bash's time keyword measures both). */
    private static double[] time(String... command) throws IOException, InterruptedException {
        List<String> bash = new ArrayList<>(List.of("bash", "-c",
                "TIMEFORMAT='%R %U %S'; { time \"$@\" >/dev/null 2>/dev/null; } 2>&1", "bench"));
        bash.addAll(List.of(command));
        Process p = new ProcessBuilder(bash).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        String[] last = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        if (code != 0 || last.length != 3) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "): " + out);
        }
        return new double[] {Double.parseDouble(last[0]), Double.parseDouble(last[1]) + Double.parseDouble(last[2])};
    }

    /** The real captures' frames over and over, timestamps moved on so time only goes forward. */
    private static Path buildBigCapture(List<Path> real) throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (Path p : real) {
            try (CaptureReader r = CaptureReader.open(p)) {
                for (Frame f; (f = r.next()) != null; ) {
                    frames.add(f);
                }
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames in the real captures to build a big capture from");
        }
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "nlscope-bench-" + FRAMES + ".pcapng");
        long t = frames.get(0).timestampNanos();
        try (CaptureWriter w = CaptureWriter.create(out, CaptureFormat.PCAPNG)) {
            for (int i = 0; i < FRAMES; i++) {
                Frame f = frames.get(i % frames.size());
                t += 10_000;
                w.write(new Frame(t, f.linkType(), f.data(), f.originalLength(), f.packetType(), null));
            }
        }
        return out;
    }

    private static long[] count(Path file) throws Exception {
        long frames = 0;
        long messages = 0;
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        try (CaptureReader r = CaptureReader.open(file)) {
            DecodeContext ctx = DecodeContext.empty();
            for (Frame f; (f = r.next()) != null; ) {
                DecodedFrame d = decoder.decode(f, (int) ++frames, ctx);
                ctx = ContextLearner.learn(ctx, d);
                messages += d.messages().size();
            }
        }
        return new long[] {frames, messages};
    }

    /** {named, all} attributes of a capture, nests and echoed requests included. */
    private static long[] naming(Path file) throws Exception {
        long[] n = new long[2];
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        try (CaptureReader r = CaptureReader.open(file)) {
            DecodeContext ctx = DecodeContext.of(r.metadata());
            int number = 0;
            for (Frame f; (f = r.next()) != null; ) {
                DecodedFrame d = decoder.decode(f, ++number, ctx);
                ctx = ContextLearner.learn(ctx, d);
                for (DecodedMessage m : d.messages()) {
                    tally(m, n);
                }
            }
        }
        return n;
    }

    private static void tally(DecodedMessage m, long[] n) {
        tally(m.attributes(), n);
        if (m.error() != null) {
            tally(m.error().extAck(), n);
            if (m.error().request() != null) {
                tally(m.error().request(), n);
            }
        }
    }

    private static void tally(List<Field> fields, long[] n) {
        for (Field f : fields) {
            if (f.isAttribute()) {
                n[1]++;
                if (f.name() != null) {
                    n[0]++;
                }
            }
            tally(f.children(), n);
        }
    }

    private BenchRead() {
    }
}
