package org.nlscope.hostile;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.nlscope.cli.Main;
import org.nlscope.pcap.CaptureFormat;

/**
 * The adversarial-input benchmark (scripts/bench-adversarial): for each kind of hostile
 * capture, `nlscope read` (or convert, for comments) on inputs of N, 2N and 4N units,
 * printing the time per unit beyond what a run costs on one unit. Linear work shows as a flat time per unit; the quadratic
 * paths issue 12 found showed as a time per unit that doubled with each size.
 */
public final class AdversarialBench {

    private interface Input {
        void write(Path file, int units) throws Exception;
    }

    private record Case(String name, String unit, int n, String command, Input input) {
    }

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<Case> cases = List.of(
                new Case("new genl ids (nlctrl replies)", "frame", 20_000 * scale, "read",
                        (f, n) -> HostileInputs.write(f, CaptureFormat.PCAPNG, n, HostileInputs::manyGenlIds)),
                new Case("genl ids renamed over and over", "frame", 20_000 * scale, "read",
                        (f, n) -> HostileInputs.write(f, CaptureFormat.PCAPNG, n, HostileInputs::flippingGenlIds)),
                new Case("metadata blocks", "block", 10_000 * scale, "read",
                        (f, n) -> HostileInputs.metadataBlocks(f, n)),
                new Case("RTA_MULTIPATH 1,000 deep", "frame", 500 * scale, "read",
                        (f, n) -> HostileInputs.write(f, CaptureFormat.PCAPNG, n, i -> HostileInputs.nestedMultipath(1000))),
                new Case("attributes in one message", "attribute", 50_000 * scale, "read",
                        (f, n) -> HostileInputs.write(f, CaptureFormat.PCAPNG, 1, i -> HostileInputs.manyAttributes(n))),
                new Case("NLMSG_NOOPs in one frame (read -V)", "message", 15_000 * scale, "read -V",
                        (f, n) -> HostileInputs.write(f, CaptureFormat.PCAPNG, 1, i -> HostileInputs.noops(n))),
                new Case("65,000-byte comments (convert)", "frame", 200 * scale, "convert",
                        (f, n) -> HostileInputs.write(f, CaptureFormat.PCAPNG, n, i -> HostileInputs.commented(i, 65_000))));
        Path dir = Files.createTempDirectory("nlscope-bench-adversarial");
        try {
            System.out.printf("%-38s %10s %12s %12s %12s  %s%n", "input", "N", "N", "2N", "4N", "4N/N");
            for (Case c : cases) {
                // what a run costs whatever the input (loading the dissectors): measured on 1 unit, subtracted
                long fixed = best(c, dir, 1);
                double[] perUnit = new double[3];
                for (int k = 0; k < 3; k++) {
                    int units = c.n() << k;
                    perUnit[k] = (double) Math.max(0, best(c, dir, units) - fixed) / units;
                }
                System.out.printf("%-38s %10d %9.0f ns %9.0f ns %9.0f ns  %.2f (per %s)%n", c.name(), c.n(),
                        perUnit[0], perUnit[1], perUnit[2], perUnit[2] / perUnit[0], c.unit());
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The best of three timed runs on an input of this many units, after a warm-up run (JIT, class loading). */
    private static long best(Case c, Path dir, int units) throws Exception {
        Path file = dir.resolve("in.pcapng");
        c.input().write(file, units);
        run(c, file, dir);
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            run(c, file, dir);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    private static void run(Case c, Path file, Path dir) {
        int code = switch (c.command()) {
            case "read" -> Main.run(OutputStream.nullOutputStream(), System.err, "read", file.toString());
            case "read -V" -> Main.run(OutputStream.nullOutputStream(), System.err, "read", "-V", file.toString());
            default -> Main.run(OutputStream.nullOutputStream(), System.err, "convert", file.toString(),
                    dir.resolve("out.pcapng").toString());
        };
        if (code != 0) {
            throw new IllegalStateException(c.name() + ": exit " + code);
        }
    }
}
