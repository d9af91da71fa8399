package org.nlscope.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.io.FileLoader;

/**
 * The one frame-stream, on every real capture: what a reader that decodes each frame learns
 * ({@link FrameStream#decode}) is what the store learns from its index alone ({@link FrameStream#skip}),
 * frame by frame, and a frame decoded again from the store with its context is the stream's.
 */
class FrameStreamTest {

    static java.util.stream.Stream<String> captures() throws Exception {
        return RealCapturesTest.captures();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void decodingAndIndexingLearnTheSameContext(String name) throws Exception {
        Path file = RealCapturesTest.CAPTURES.resolve(name);
        FrameStream stream = new FrameStream(RealCapturesTest.ENGINE);
        List<DecodedFrame> decoded = new ArrayList<>();
        List<DecodeContext> contexts = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                stream.addMetadata(r.takeNewMetadata());
                decoded.add(stream.decode(f));
                contexts.add(stream.context());
                assertEquals(decoded.size(), stream.frames());
            }
        }
        CaptureStore store = CaptureStore.backedBy(RealCapturesTest.ENGINE, file);
        assertTrue(FileLoader.load(file, store).complete());
        assertEquals(decoded.size(), store.frameCount(), name);
        for (int n = 1; n <= decoded.size(); n++) {
            DecodeContext streamed = contexts.get(n - 1);
            DecodeContext indexed = store.context(n);
            assertEquals(streamed.genlFamilies(), indexed.genlFamilies(), name + " frame " + n);
            assertEquals(streamed.interfaces(), indexed.interfaces(), name + " frame " + n);
            assertEquals(streamed.processes(), indexed.processes(), name + " frame " + n);
            assertEquals(decoded.get(n - 1).messages(), store.decoded(n).messages(), name + " frame " + n);
        }
        assertEquals(stream.nextContext().genlFamilies(), store.currentContext().genlFamilies(), name);
        assertEquals(stream.nextContext().interfaces(), store.currentContext().interfaces(), name);
        store.close();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void aFrameRewrittenIsDecodedAgainWithTheSameContext(String name) throws Exception {
        Path file = RealCapturesTest.CAPTURES.resolve(name);
        FrameStream plain = new FrameStream(RealCapturesTest.ENGINE);
        FrameStream rewritten = new FrameStream(RealCapturesTest.ENGINE);
        try (CaptureReader r = CaptureReader.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                var metadata = r.takeNewMetadata();
                plain.addMetadata(metadata);
                rewritten.addMetadata(metadata);
                DecodedFrame a = plain.decode(f);
                // the same bytes in a new Frame: decoded twice, the second decode is the one kept
                DecodedFrame b = rewritten.decode(f, d -> new Frame(d.frame().timestampNanos(), d.frame().linkType(),
                        d.frame().data().clone(), d.frame().originalLength(), d.frame().packetType(), d.frame().comment()));
                assertEquals(a.messages(), b.messages(), name + " frame " + a.number());
                assertEquals(a.number(), b.number());
            }
        }
        assertEquals(plain.frames(), rewritten.frames());
        assertEquals(plain.nextContext().genlFamilies(), rewritten.nextContext().genlFamilies(), name);
    }
}
