package org.nlscope.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/** Generates big captures for the streaming test and the benchmark, and runs readers in child JVMs. */
final class LargeCapture {

    static final long FIRST_TIMESTAMP = 1_795_340_295_000_000_000L;

    private LargeCapture() {
    }

    /** The i-th generated frame: an RTM_NEWLINK-shaped message of {@code size} bytes whose seq is i. */
    static Frame frame(int i, int size) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(CookedHeader.netlinkHeader(CookedHeader.PACKET_OUTGOING, 0));
        b.putInt(size - 16).putShort((short) 16).putShort((short) 2).putInt(i).putInt(0);
        while (b.hasRemaining()) {
            b.put((byte) (b.position() * 31 + i));
        }
        return Frame.of(FIRST_TIMESTAMP + i * 1_001_001L, LinkType.NETLINK, b.array());
    }

    static void generate(Path file, CaptureFormat format, int frames, int frameSize) throws IOException {
        try (CaptureWriter w = CaptureWriter.create(file, format)) {
            for (int i = 0; i < frames; i++) {
                w.write(frame(i, frameSize));
            }
        }
    }

    /** A command line that runs {@code mainClass} of the test classes in a new JVM with the given heap. */
    static ProcessBuilder childJvm(String maxHeap, Class<?> mainClass, String... args) {
        String classes = codeLocation(CaptureReader.class);
        String testClasses = codeLocation(LargeCapture.class);
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", classes + java.io.File.pathSeparator + testClasses, mainClass.getName()));
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command);
    }

    private static String codeLocation(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
