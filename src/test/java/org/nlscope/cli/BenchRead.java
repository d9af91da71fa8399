package org.nlscope.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The read benchmark (run it with scripts/bench-read): wall and cpu time, peak RSS and
 * messages per second of {@code nlscope read}, {@code read -V} and {@code read --json} (through
 * the launcher, with its JVM options) on a 100k-frame capture, each beside the tshark command
 * it is measured against ({@code -r FILE}, {@code -V}, {@code -T json}) in the same run and the
 * ratio of their wall times; each a fresh process writing to /dev/null, best of three. Then
 * the share of attributes the decode names on the real captures.
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
        if (!Files.isRegularFile(big)) {
            System.err.println("bench-read: " + big + ": no such file (scripts/make-big-capture builds one)");
            System.exit(2);
        }
        long[] counts = count(big);
        System.out.printf("capture: %s, %d frames, %d messages, %d bytes%n", big, counts[0], counts[1], Files.size(big));

        // the launcher users run, with the JVM options it sets (the jar is fresh: bench-read built it)
        List<String> jvm = List.of(Path.of("scripts", "nlscope").toAbsolutePath().toString(), "read");
        String f = big.toString();
        // each nlscope command beside the tshark command it is measured against
        String[][] pairs = {
            {"read", "", "tshark -r FILE", ""},
            {"read -V", "-V", "tshark -r FILE -V", "-V"},
            {"read --json", "--json", "tshark -r FILE -T json", "-T json"},
        };
        System.out.printf("%-24s %8s %8s %8s %13s   %-24s %8s %8s %8s   %s%n", "command", "wall s", "cpu s",
                "RSS MB", "messages/s", "tshark", "wall s", "cpu s", "RSS MB", "tshark/nlscope wall");
        for (String[] pair : pairs) {
            List<String> ours = new ArrayList<>(jvm);
            if (!pair[1].isEmpty()) {
                ours.add(pair[1]);
            }
            ours.add(f);
            List<String> theirs = new ArrayList<>(List.of("tshark", "-r", f));
            if (!pair[3].isEmpty()) {
                theirs.addAll(List.of(pair[3].split(" ")));
            }
            double[] a = best(ours);
            double[] b = best(theirs);
            System.out.printf("%-24s %8.2f %8.2f %8.0f %,13.0f   %-24s %8.2f %8.2f %8.0f   %.2fx%n",
                    "nlscope " + pair[0], a[0], a[1], a[2], counts[1] / a[0], pair[2], b[0], b[1], b[2], b[0] / a[0]);
        }
        System.out.printf("(best of %d runs each; wall time includes start-up; cpu = user + sys;"
                + " RSS = peak resident set; load average now: %.1f)%n", RUNS,
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

    /** The best {wall, cpu, peak RSS MB} of RUNS runs of a command. */
    private static double[] best(List<String> command) throws IOException, InterruptedException {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < RUNS; i++) {
            double[] t = time(command);
            for (int k = 0; k < best.length; k++) {
                best[k] = Math.min(best[k], t[k]);
            }
        }
        return best;
    }

    /** {wall, cpu, peak RSS MB} of one run of a command, its output thrown away (GNU time measures all three). */
    private static double[] time(List<String> command) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", "/dev/stderr"));
        timed.addAll(command);
        Process p = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        String[] last = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        if (code != 0 || last.length != 4) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "): " + out);
        }
        return new double[] {Double.parseDouble(last[0]), Double.parseDouble(last[1]) + Double.parseDouble(last[2]),
                Double.parseDouble(last[3]) / 1024};
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
