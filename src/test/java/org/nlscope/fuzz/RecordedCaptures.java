package org.nlscope.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureFileException;
import org.nlscope.pcap.CaptureReader;

/** The captures recorded in the nlmon VM, as the fuzz targets and their seeds use them. */
public final class RecordedCaptures {
    /** Relative to the project directory, where Maven runs the tests. */
    public static final Path DIRECTORY = Path.of("src/test/resources/captures");

    private RecordedCaptures() {
    }

    /** Every .pcap and .pcapng file, by name. */
    public static List<Path> files() {
        try (Stream<Path> s = Files.list(DIRECTORY)) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every netlink frame of one file. */
    public static List<Frame> frames(Path file) {
        List<Frame> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                out.add(f);
            }
        } catch (CaptureFileException e) {
            throw new IllegalStateException("a recorded capture is damaged: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The generic netlink families named anywhere in the recordings (metadata snapshots and
     * nlctrl replies), so fuzzed genl frames reach the per-family dissectors.
     */
    public static DecodeContext genlContext(FrameDecoder decoder) {
        DecodeContext all = DecodeContext.empty();
        for (Path file : files()) {
            DecodeContext c;
            try (CaptureReader r = CaptureReader.open(file)) {
                c = DecodeContext.empty();
                Frame f;
                int n = 0;
                while ((f = r.next()) != null) {
                    c = ContextLearner.learn(c, decoder.decode(f, ++n, c));
                }
                c = c.withMetadata(r.metadata());
            } catch (CaptureFileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            for (var e : c.genlFamilies().entrySet()) {
                all = all.withGenlFamily(e.getKey(), e.getValue());
            }
        }
        return all;
    }

    /** Decodes a frame and checks what every target checks of a decode. */
    public static DecodedFrame decodeChecked(FrameDecoder decoder, Frame f, DecodeContext context) {
        DecodedFrame df = decoder.decode(f, 1, context);
        FuzzChecks.assertNoEngineFailure(df);
        return df;
    }
}
