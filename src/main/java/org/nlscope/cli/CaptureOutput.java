package org.nlscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlscope.capture.CaptureSource;
import org.nlscope.model.CaptureStats;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.redact.RedactionReport;

/**
 * Where {@code nlscope capture} writes pcapng: a file (-w FILE) or standard output (-w -,
 * --helper). Its interface says where and what was captured; it ends with the kernel's counters.
 */
final class CaptureOutput {

    private CaptureOutput() {
    }

    /**
     * Opens the writer, or returns null when nothing is written.
     *
     * @param writeTo the -w file, or null (then only stdout, when pcapOnStdout)
     * @param netnsLabel the network namespace captured in ("netns blue"), or null for nlscope's own
     */
    static CaptureWriter open(String writeTo, boolean pcapOnStdout, OutputStream stdout, CaptureSource capture,
                              String netnsLabel, CaptureScope scope, boolean redacted) throws CliException {
        if (writeTo == null && !pcapOnStdout) {
            return null;
        }
        List<String> comments = new ArrayList<>();
        String description = CaptureScope.interfaceDescription(netnsLabel, scope);
        String genl = CaptureComments.genlFamilies(capture.metadata().genlFamilies());
        if (genl != null) {
            comments.add(genl);
        }
        if (redacted) {
            comments.add(RedactionReport.streamedComment(false));
        }
        try {
            if (pcapOnStdout) {
                return CaptureWriter.create(stdout, CaptureFormat.PCAPNG, capture.interfaceName(), description, comments);
            }
            return CaptureWriter.create(Path.of(writeTo), CaptureFormat.PCAPNG, capture.interfaceName(), description, comments);
        } catch (IOException e) {
            throw new CliException((pcapOnStdout ? "standard output" : writeTo) + ": cannot write: "
                    + Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
        }
    }

    /** Writes the final metadata (the kernel's counters) and closes; a failed write becomes one line, exit 2. */
    static void finish(CaptureWriter writer, CaptureSource capture, CaptureStats stats, String writeTo,
                       boolean pcapOnStdout) throws CliException {
        try (writer) {
            if (writer.failure() == null) {
                // the policies went out at the start and do not change: not twice
                writer.writeMetadata(capture.metadata().withStats(stats).withPolicies(Map.of()));
            }
        } catch (IOException e) {
            // the last block did not fit either: the writer has cut the file back, said below
        }
        if (writer.failure() != null) {
            throw failed(writer, writeTo, pcapOnStdout);
        }
    }

    /** A full disk (or a closed pipe) stops the capture; a file keeps every block written whole, and says how many frames. */
    private static CliException failed(CaptureWriter writer, String writeTo, boolean pcapOnStdout) {
        String why = Errors.oneLine(String.valueOf(writer.failure().getMessage()));
        if (pcapOnStdout) {
            return new CliException("standard output: " + why, Main.EXIT_FILE);
        }
        return new CliException(writeTo + ": " + why + "; the capture stopped, and the file keeps its first "
                + writer.framesKept() + " frames, readable to its last complete block", Main.EXIT_FILE);
    }
}
