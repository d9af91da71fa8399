package org.nlscope.decode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/**
 * Not a test: prints how fast the engine decodes the real frames of real-frames.txt
 * (repeated), with every dissector on the classpath, beside tshark -V on the same
 * frames written as a pcap. The engine builds the tree only; tshark also prints it.
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.nlscope.decode.DecodeBenchmark [frames]
 * </pre>
 * (the classpath of dependencies is only needed when data-driven dissectors are loaded).
 */
public final class DecodeBenchmark {

    private DecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Frame> frames = realFrames();
        DissectorRegistry registry = DissectorRegistry.load(List.of());
        FrameDecoder decoder = new FrameDecoder(registry);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.printf("%d distinct real frames, %d dissectors loaded, %d frames per round%n",
                frames.size(), registry.all().size(), total);
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        long messages = 0;
        for (int round = 0; round < 6; round++) {
            long wall0 = System.nanoTime();
            long cpu0 = cpu.getCurrentThreadCpuTime();
            messages = 0;
            DecodeContext ctx = DecodeContext.empty();
            for (int i = 0; i < total; i++) {
                DecodedFrame f = decoder.decode(frames.get(i % frames.size()), i + 1, ctx);
                ctx = ContextLearner.learn(ctx, f);
                messages += f.messages().size();
            }
            if (round >= 2) { // the first rounds warm the JIT up
                bestWall = Math.min(bestWall, (System.nanoTime() - wall0) / 1e9);
                bestCpu = Math.min(bestCpu, (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9);
            }
        }
        System.out.printf("engine decode: %d frames, %d messages: %.3f s wall (%.0f messages/s), %.3f s cpu (%.0f messages/s)%n",
                total, messages, bestWall, messages / bestWall, bestCpu, messages / bestCpu);
        tshark(frames, total, messages);
    }

    private static void tshark(List<Frame> frames, int total, long messages) throws IOException, InterruptedException {
        Path pcap = Files.createTempFile("nlscope-bench", ".pcap");
        try {
            writePcap(pcap, frames, total);
            long t0 = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-V")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                System.out.println("tshark not found: no peer figure");
                return;
            }
            int rc = p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("tshark -r FILE -V > /dev/null: exit %d, %d frames (%d messages) in %.3f s wall (%.0f messages/s)%n",
                    rc, total, messages, s, messages / s);
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    private static void writePcap(Path file, List<Frame> frames, int total) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144)
                    .putInt(LinkType.NETLINK);
            out.write(h.array());
            for (int i = 0; i < total; i++) {
                byte[] d = frames.get(i % frames.size()).data();
                ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                r.putInt(i / 1000).putInt(i % 1000).putInt(d.length).putInt(d.length);
                out.write(r.array());
                out.write(d);
            }
        }
    }

    static List<Frame> realFrames() throws IOException {
        String text;
        try (InputStream in = DecodeBenchmark.class.getResourceAsStream("/decode/real-frames.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        List<Frame> frames = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                frames.add(Frame.of(0, LinkType.NETLINK, HexFormat.of().parseHex(line.split(": ", 2)[1].trim())));
            }
        }
        return frames;
    }
}
