package org.nlscope.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nlscope.model.Frame;
import org.nlscope.session.filter.DisplayFilter;
import org.nlscope.session.io.CaptureSaver;
import org.nlscope.session.io.FileLoader;
import org.nlscope.session.stats.Statistics;
import org.nlscope.session.transactions.Transactions;

/**
 * Not a test: prints how the session layer handles a large capture, beside tshark on the same file.
 * The file is every recorded capture's frames, repeated with rising timestamps up to N frames.
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.nlscope.session.SessionLoadBenchmark [frames]
 * </pre>
 */
public final class SessionLoadBenchmark {
    private SessionLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        EngineDecoding engine = EngineDecoding.load(List.of());
        Path file = Files.createTempFile("nlscope-bench", ".pcapng");
        try {
            build(engine, total, file);
            System.out.printf("file: %d frames, %.1f MB%n", total, Files.size(file) / 1e6);

            long used0 = usedHeap();
            long t0 = System.nanoTime();
            long c0 = cpu();
            CaptureStore store = new CaptureStore(engine);
            Transactions tx = Transactions.attach(store);
            Statistics stats = Statistics.attach(store);
            FileLoader.Loading loading = FileLoader.start(file, store, null);
            // poll as the UI batcher does, about 30 times a second
            long firstRow = -1;
            while (store.size() < 1000 && !loading.isDone()) {
                if (firstRow < 0 && store.size() > 0 && !store.rows(0, 1).isEmpty()) {
                    firstRow = System.nanoTime() - t0;
                }
                Thread.sleep(33);
            }
            List<MessageRow> first = store.rows(0, 1000);
            long firstRows = System.nanoTime() - t0;
            System.out.printf("first row shown after %.0f ms (polling every 33 ms)%n", firstRow / 1e6);
            var result = loading.result().get();
            long loaded = System.nanoTime() - t0;
            double loadCpu = (cpu() - c0) / 1e9;
            long retained = usedHeap() - used0;
            System.out.printf("load (decode, context, transactions, statistics): first %d rows after %.0f ms, "
                            + "all %d frames / %d rows in %.2f s wall, %.2f s cpu = %.0f frames per cpu second; "
                            + "heap kept %.0f MB (%.0f bytes/frame)%n",
                    first.size(), firstRows / 1e6, result.frames(), store.size(), loaded / 1e9, loadCpu,
                    result.frames() / loadCpu, retained / 1e6, (double) retained / result.frames());
            System.out.printf("  %d transactions, %d errors%n", tx.size(), stats.snapshot().errors());

            long t1 = System.nanoTime();
            long c1 = cpu();
            long n = 0;
            for (int from = 0; from < store.size(); from += 1000) {
                n += store.rows(from, from + 1000).size();
            }
            double rowsSec = (System.nanoTime() - t1) / 1e9;
            double rowsCpu = (cpu() - c1) / 1e9;
            System.out.printf("rows(from, to) over the whole store, batches of 1000, cache cold: %d rows in %.2f s wall, "
                    + "%.2f s cpu = %.0f rows per cpu second%n", n, rowsSec, rowsCpu, n / rowsCpu);

            DisplayFilter f = DisplayFilter.parse("type ~ LINK and IFLA_MTU >= 1500 or error");
            long t2 = System.nanoTime();
            long c2 = cpu();
            int[] hits = f.matchingRows(store, 0, store.size());
            double filterSec = (System.nanoTime() - t2) / 1e9;
            double filterCpu = (cpu() - c2) / 1e9;
            System.out.printf("filter '%s': %d of %d rows in %.2f s wall, %.2f s cpu = %.0f rows per cpu second%n", f,
                    hits.length, store.size(), filterSec, filterCpu, store.size() / filterCpu);

            long t3 = System.nanoTime();
            // bash's times builtin reports the children's user and system cpu
            Process p = new ProcessBuilder("bash", "-c", "tshark -r '" + file + "' -Y netlink -T fields -e frame.number"
                    + " >/dev/null 2>&1; times").redirectErrorStream(true).start();
            String times = new String(p.getInputStream().readAllBytes()).trim().replace('\n', ' ');
            int rc = p.waitFor();
            System.out.printf("peer: tshark -r FILE -Y netlink -T fields -e frame.number: %.2f s wall (exit %d); "
                    + "bash times (shell, then children user/sys): %s%n", (System.nanoTime() - t3) / 1e9, rc, times);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void build(EngineDecoding engine, int total, Path file) throws Exception {
        List<Frame> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/captures"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".pcapng")).sorted().toList()) {
                CaptureStore s = new CaptureStore(engine);
                FileLoader.load(p, s);
                for (int i = 1; i <= s.frameCount(); i++) {
                    frames.add(s.frame(i));
                }
            }
        }
        CaptureStore big = new CaptureStore(new FrameDecoding() {
            // the saver needs only bytes: skip decoding while building the file
            public org.nlscope.model.DecodedFrame decode(int number, Frame frame, org.nlscope.decode.DecodeContext c) {
                return new org.nlscope.model.DecodedFrame(number, frame, 0, null, org.nlscope.model.Direction.UNKNOWN,
                        false, List.of(), List.of());
            }

            public org.nlscope.decode.DecodeContext learn(org.nlscope.decode.DecodeContext before,
                                                          org.nlscope.model.DecodedFrame decoded) {
                return before;
            }
        }, 1);
        long t = 1_700_000_000_000_000_000L;
        for (int i = 0; i < total; i++) {
            Frame f = frames.get(i % frames.size());
            t += 50_000; // 20k frames per second
            big.append(new Frame(t, f.linkType(), f.data(), f.originalLength(), f.packetType(), null));
        }
        CaptureSaver.save(big, file);
    }

    /** cpu time of this whole process (all threads, GC included), in ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
