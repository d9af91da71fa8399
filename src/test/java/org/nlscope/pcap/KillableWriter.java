package org.nlscope.pcap;

import java.nio.file.Path;

/**
 * Writes generated frames forever, flushing every 100 like a live capture flushes per
 * ring block, and says so on stdout; the test kills it with SIGKILL mid-write.
 */
public final class KillableWriter {

    private KillableWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (CaptureWriter w = CaptureWriter.create(Path.of(args[0]), CaptureFormat.forFileName(args[0]))) {
            for (int i = 0; ; i++) {
                w.write(LargeCapture.frame(i, 300 + i % 700));
                if (i % 100 == 99) {
                    w.flush();
                    System.out.println("flushed " + (i + 1));
                    System.out.flush();
                }
            }
        }
    }
}
