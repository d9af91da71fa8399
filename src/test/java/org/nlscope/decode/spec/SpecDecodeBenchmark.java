package org.nlscope.decode.spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/**
 * Full decodes of real rtnetlink and nlctrl replies (spec-fixtures/*.hex, one message
 * per frame, repeated): nlscope's FrameDecoder with the built-in dissector files,
 * beside {@code tshark -V} on a pcap of the same frames, in the same run. Not a test:
 *
 * <pre>java -cp "target/classes:target/test-classes:target/lib/*" org.nlscope.decode.spec.SpecDecodeBenchmark [frames]</pre>
 */
public final class SpecDecodeBenchmark {
    private SpecDecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<byte[]> samples = new ArrayList<>();
        for (String file : new String[] {"link-dump.hex", "nlctrl-family.hex", "nlctrl-policy.hex"}) {
            int family = file.startsWith("link") ? 0 : 16;
            for (Recorded m : Recorded.load(file)) {
                byte[] frame = new byte[16 + m.bytes().length];
                System.arraycopy(CookedHeader.netlinkHeader(CookedHeader.PACKET_OUTGOING, family), 0, frame, 0, 16);
                System.arraycopy(m.bytes(), 0, frame, 16, m.bytes().length);
                samples.add(frame);
            }
        }
        List<Frame> frames = new ArrayList<>(count);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] data = samples.get(i % samples.size());
            frames.add(Frame.of(i * 1000L, LinkType.NETLINK, data));
            bytes += data.length;
        }
        System.out.printf("%d frames, %.1f MB, %d distinct real messages (RTM_NEWLINK, nlctrl family/policy)%n",
                count, bytes / 1e6, samples.size());

        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        for (int run = 0; run < 3; run++) {
            long fields = 0;
            long t0 = System.nanoTime();
            int n = 0;
            for (Frame f : frames) {
                DecodedFrame d = decoder.decode(f, ++n, DecodeContext.empty());
                fields += d.messages().get(0).attributes().size();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("nlscope FrameDecoder, run %d: %.2f s, %.0f frames/s (%d top-level attributes)%n",
                    run + 1, s, count / s, fields);
        }

        Path pcap = Files.createTempFile("nlscope-spec-bench", ".pcap");
        try {
            writePcap(pcap, frames);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c", "tshark -r '" + pcap + "' -V > /dev/null 2>&1")
                    .inheritIO().start();
            int rc = p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("tshark -V (exit %d): %.2f s, %.0f frames/s (process start included)%n", rc, s, count / s);
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    /** Classic pcap, microseconds, LINKTYPE_NETLINK. */
    private static void writePcap(Path file, List<Frame> frames) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144)
                    .putInt(LinkType.NETLINK);
            out.write(h.array());
            for (Frame f : frames) {
                ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                long us = f.timestampNanos() / 1000;
                r.putInt((int) (us / 1_000_000)).putInt((int) (us % 1_000_000))
                        .putInt(f.data().length).putInt(f.data().length);
                out.write(r.array());
                out.write(f.data());
            }
        }
    }
}
