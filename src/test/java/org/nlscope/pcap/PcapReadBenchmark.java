package org.nlscope.pcap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.nlscope.model.Frame;

/**
 * Reads a generated 100k-frame capture (240 MB) with CaptureReader and, in the same
 * run, with {@code tshark -r FILE -T fields -e frame.number | wc -l}; prints frames
 * per second for both. Not a test: run
 *
 * <pre>java -cp target/classes:target/test-classes org.nlscope.pcap.PcapReadBenchmark [frames] [frameSize]</pre>
 */
public final class PcapReadBenchmark {

    private static final int RUNS = 5;

    private PcapReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int frameSize = args.length > 1 ? Integer.parseInt(args[1]) : 2_400;
        Path dir = Files.createTempDirectory("nlscope-bench");
        try {
            for (CaptureFormat format : CaptureFormat.values()) {
                Path file = dir.resolve("bench." + format.name().toLowerCase());
                LargeCapture.generate(file, format, frames, frameSize);
                System.out.printf("%s: %d frames of %d bytes, %.1f MB%n", file.getFileName(), frames, frameSize, Files.size(file) / 1e6);
                report("nlscope CaptureReader", frames, () -> countWithReader(file));
                report("tshark -T fields -e frame.number", frames,
                        () -> shell("tshark -r '" + file + "' -T fields -e frame.number 2>/dev/null | wc -l"));
                Files.delete(file);
            }
        } finally {
            try (Stream<Path> left = Files.list(dir)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private interface Counter {
        long count() throws Exception;
    }

    /** Runs a reader RUNS times and prints its best and median rates; the counts must all agree. */
    private static void report(String name, int expected, Counter counter) throws Exception {
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long n = counter.count();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            if (n != expected) {
                System.out.printf("  %-34s counted %d frames, expected %d%n", name, n, expected);
                return;
            }
        }
        Arrays.sort(seconds);
        System.out.printf("  %-34s best %6.2f s = %,10.0f frames/s   median %6.2f s = %,10.0f frames/s%n",
                name, seconds[0], expected / seconds[0], seconds[RUNS / 2], expected / seconds[RUNS / 2]);
    }

    private static long countWithReader(Path file) throws CaptureFileException {
        long n = 0;
        long sum = 0;
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                n++;
                sum += f.data()[f.capturedLength() - 1] + f.packetType();
            }
        }
        if (sum == 42) {
            System.out.print(""); // keeps the frames' bytes alive to the JIT
        }
        return n;
    }

    private static long shell(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

}
