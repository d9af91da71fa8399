package org.nlscope.session.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.CaptureStore;

/**
 * Saves a store's frames to pcapng or pcap. The file is written beside its target and moved
 * into place at the end, so a failed save never destroys an older file of the same name.
 */
public final class CaptureSaver {
    private CaptureSaver() {
    }

    /** Saves every frame; the format follows the file name (.pcap, else pcapng). */
    public static int save(CaptureStore store, Path file) throws IOException {
        return save(store, file, CaptureFormat.forFileName(file.getFileName().toString()), null);
    }

    /**
     * Saves frames of a store, metadata first (pcapng only) so the file decodes the same way when reopened.
     *
     * @param frameNumbers the 1-based frames to save in this order, or null for all
     * @return the number of frames written
     */
    public static int save(CaptureStore store, Path file, CaptureFormat format, int[] frameNumbers) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        int written = 0;
        try {
            try (CaptureWriter w = CaptureWriter.create(tmp, format)) {
                if (!store.metadata().isEmpty()) {
                    w.writeMetadata(store.metadata());
                }
                if (frameNumbers == null) {
                    int n = store.frameCount();
                    for (int i = 1; i <= n; i++) {
                        w.write(store.frame(i));
                        written++;
                    }
                } else {
                    for (int number : frameNumbers) {
                        w.write(store.frame(number));
                        written++;
                    }
                }
            }
            replace(tmp, target);
            return written;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The distinct frames of some rows, in order: what "save selected" writes. */
    public static int[] framesOfRows(CaptureStore store, int[] rows) {
        return java.util.Arrays.stream(rows).map(store::frameOfRow).sorted().distinct().toArray();
    }

    /** Puts a complete temporary file in place of the target: atomically where the file system can. */
    public static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
