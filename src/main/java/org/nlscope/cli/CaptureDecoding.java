package org.nlscope.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.DissectorSources;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.FrameStream;
import org.nlscope.session.redact.Redactor;

/**
 * A capture file decoded frame by frame as its reader yields them, the capture's context
 * (generic netlink ids, processes) learned on the way; nothing is held but the current frame.
 */
final class CaptureDecoding implements AutoCloseable {

    private final CaptureReader reader;
    private final FrameStream stream;
    private CaptureMetadata newMetadata = CaptureMetadata.EMPTY;
    private Redactor masking;

    private CaptureDecoding(CaptureReader reader, EngineDecoding decoding) {
        this.reader = reader;
        this.stream = new FrameStream(decoding);
    }

    /** The file name that means standard input, as in tcpdump -r - and tshark -r -. */
    static final String STDIN = "-";

    /** How errors name standard input. */
    static final String STDIN_NAME = "standard input";

    /** Loads the dissectors (a bad file fails here), then opens the capture ({@code -}: {@code stdin}). */
    static CaptureDecoding open(Path file, InputStream stdin, DissectorSources sources) throws CliException {
        return open(file, stdin, registry(sources));
    }

    static CaptureDecoding open(Path file, InputStream stdin, DissectorRegistry registry) throws CliException {
        return new CaptureDecoding(openReader(file, stdin), new EngineDecoding(registry));
    }

    /**
     * For output that shows each message's one-line summary and problems only: the frames'
     * fields that no summary names come without values ({@link FrameDecoder#forSummaries}).
     */
    static CaptureDecoding openForSummaries(Path file, InputStream stdin, DissectorRegistry registry)
            throws CliException {
        return new CaptureDecoding(openReader(file, stdin), EngineDecoding.forSummaries(registry));
    }

    /**
     * Frames come out with their secrets zeroed (decoded again after the masking), as
     * {@code read} prints them unless asked for the secrets.
     */
    CaptureDecoding maskingSecrets(Redactor redactor) {
        this.masking = redactor;
        return this;
    }

    static DissectorRegistry registry(DissectorSources sources) throws CliException {
        checkDirectories(sources);
        // no directory of the user's: the built-in ones, which Main may have started loading early
        return sources.equals(DissectorSources.of(List.of())) ? DissectorPreload.builtIn() : DissectorRegistry.load(sources);
    }

    /** Each --dissectors and --ynl directory exists: else one line naming it, exit 2. */
    static void checkDirectories(DissectorSources sources) throws CliException {
        List<Path> dirs = new java.util.ArrayList<>(sources.dissectorDirs());
        dirs.addAll(sources.ynlDirs());
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new CliException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"),
                        Main.EXIT_FILE);
            }
        }
    }

    static boolean isStdin(Path file) {
        return STDIN.equals(file.toString());
    }

    /** Opens a capture file, or {@code stdin} when the file is {@code -}. */
    static CaptureReader openReader(Path file, InputStream stdin) throws CliException {
        try {
            return isStdin(file) ? CaptureReader.open(stdin, STDIN_NAME) : CaptureReader.open(file);
        } catch (CaptureFileException e) {
            throw fileError(e);
        }
    }

    static CliException fileError(CaptureFileException e) {
        return new CliException(Errors.oneLine(e.getMessage()), Main.EXIT_FILE);
    }

    /** The next frame decoded, or null at the end of the file. */
    DecodedFrame next() throws CaptureFileException {
        Frame f = reader.next();
        if (f == null) {
            return null;
        }
        // a metadata block (genl snapshot, port owners) read before this frame: only what is new
        newMetadata = reader.takeNewMetadata();
        stream.addMetadata(newMetadata);
        return stream.decode(f, masking == null ? null : masking::apply);
    }

    /** The context the last frame was decoded with (for the processes behind its ports). */
    DecodeContext context() {
        return stream.context();
    }

    /** The metadata entries that were new before the last frame (what a copy writes before it), or EMPTY. */
    CaptureMetadata newMetadata() {
        return newMetadata;
    }

    CaptureReader reader() {
        return reader;
    }

    int frames() {
        return stream.frames();
    }

    @Override
    public void close() {
        reader.close();
    }
}
