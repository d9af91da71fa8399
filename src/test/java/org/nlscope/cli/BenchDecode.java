package org.nlscope.cli;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The per-message cost of {@code read}, {@code read -V} and {@code read --json}, start-up left
 * out: each runs in this one JVM again and again (the dissectors load once), writing to a
 * counting sink; prints the best round's milliseconds (wall, and cpu of the reading thread, which a busy machine disturbs less) and the bytes written, so a change to
 * the decode or the writers can be timed in seconds rather than by whole processes
 * (scripts/bench-read measures those, beside tshark).
 *
 * <p>Usage: {@code BenchDecode FILE [ROUNDS [MODE...]]}, MODE one of {@code read}, {@code -V},
 * {@code --json} (all three without).
 */
public final class BenchDecode {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] modes = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"read", "-V", "--json"};
        for (String mode : modes) {
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            long bytes = 0;
            for (int r = 0; r < rounds; r++) {
                Counting sink = new Counting();
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                int code = "read".equals(mode) ? Main.run(sink, System.err, "read", file.toString())
                        : Main.run(sink, System.err, "read", mode, file.toString());
                long ns = System.nanoTime() - t0;
                bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - c0);
                if (code != 0) {
                    throw new IllegalStateException("read " + mode + " exited " + code);
                }
                best = Math.min(best, ns);
                bytes = sink.count;
            }
            System.out.printf("%-8s best of %d: %7.0f ms wall, %7.0f ms cpu of this thread, %,d bytes written%n",
                    mode, rounds, best / 1e6, bestCpu / 1e6, bytes);
        }
    }

    /** Counts what is written, and drops it. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
