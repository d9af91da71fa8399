package org.nlscope.session.redact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.io.CaptureSaver;

/**
 * Saves a store's frames redacted, for a bug report: a first pass counts what will be
 * redacted so the file's section header can say it, the second writes. Written beside
 * the target and moved into place, as a normal save is.
 */
public final class RedactedSave {
    private RedactedSave() {
    }

    /**
     * @param anonymize also replace MAC and IP addresses with pseudonyms
     * @return what was redacted
     */
    public static RedactionReport save(CaptureStore store, Path file, boolean anonymize) throws IOException {
        int n = store.frameCount();
        Redactor counting = new Redactor(store.decoding().registry(), anonymize, false);
        for (int i = 1; i <= n; i++) {
            counting.apply(store.decoded(i));
        }
        RedactionReport report = counting.report();
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            CaptureFormat format = CaptureFormat.forFileName(target.getFileName().toString());
            try (CaptureWriter w = CaptureWriter.create(tmp, format, CaptureWriter.DEFAULT_INTERFACE_NAME,
                    List.of(report.comment()))) {
                if (!store.metadata().isEmpty()) {
                    w.writeMetadata(store.metadata());
                }
                Redactor redactor = new Redactor(store.decoding().registry(), anonymize, true);
                for (int i = 1; i <= n; i++) {
                    w.write(redactor.apply(store.decoded(i)));
                }
            }
            CaptureSaver.replace(tmp, target);
            return report;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
