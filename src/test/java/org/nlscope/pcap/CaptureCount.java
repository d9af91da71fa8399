package org.nlscope.pcap;

import java.nio.file.Path;
import org.nlscope.model.Frame;

/**
 * Reads a capture and prints "frames bytes lastSeq" or "error: message"; run in a child
 * JVM with a small heap to show the reader streams.
 */
public final class CaptureCount {

    private CaptureCount() {
    }

    public static void main(String[] args) {
        long frames = 0;
        long bytes = 0;
        long lastSeq = -1;
        try (CaptureReader r = CaptureReader.open(Path.of(args[0]))) {
            Frame f;
            while ((f = r.next()) != null) {
                frames++;
                bytes += f.capturedLength();
                int seq = (f.data()[24] & 0xff) | (f.data()[25] & 0xff) << 8 | (f.data()[26] & 0xff) << 16 | (f.data()[27] & 0xff) << 24;
                if (seq != lastSeq + 1) {
                    System.out.println("error: frame " + frames + " has seq " + seq + " after " + lastSeq);
                    return;
                }
                lastSeq = seq;
            }
            System.out.println(frames + " " + bytes + " " + lastSeq);
        } catch (CaptureFileException e) {
            System.out.println(frames + " " + bytes + " " + lastSeq + " error: " + e.getMessage());
        }
    }
}
