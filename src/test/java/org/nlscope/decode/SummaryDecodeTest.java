package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;
import org.nlscope.session.export.FrameText;

/**
 * The summary-only decode ({@link FrameDecoder#forSummaries}, what a plain {@code read}
 * uses) gives every message the line, summary and problems the whole decode gives: on
 * every frame of the recorded captures, and on copies of them with bytes changed, which
 * reach the malformed paths (short values, lying lengths, bytes that do not fit a display).
 */
class SummaryDecodeTest {
    private static final DissectorRegistry REGISTRY = DissectorRegistry.load(List.of());
    private static final FrameDecoder WHOLE = new FrameDecoder(REGISTRY);
    private static final FrameDecoder SUMMARIES = FrameDecoder.forSummaries(REGISTRY);
    private static final int MUTATIONS_PER_FRAME = 12;

    @Test
    void recordedFramesReadTheSame() {
        int messages = 0;
        for (Path file : RecordedCaptures.files()) {
            DecodeContext context = DecodeContext.empty();
            int number = 0;
            for (Frame f : RecordedCaptures.frames(file)) {
                DecodedFrame whole = WHOLE.decode(f, ++number, context);
                messages += assertSameLines(file + " frame " + number, whole, SUMMARIES.decode(f, number, context));
                context = ContextLearner.learn(context, whole);
            }
        }
        assertTrue(messages > 1000, "only " + messages + " messages compared");
    }

    @Test
    void mutatedFramesReadTheSame() {
        Random random = new Random(7);
        int problems = 0;
        for (Path file : RecordedCaptures.files()) {
            DecodeContext context = RecordedCaptures.genlContext(WHOLE);
            int number = 0;
            for (Frame f : RecordedCaptures.frames(file)) {
                number++;
                for (int i = 0; i < MUTATIONS_PER_FRAME; i++) {
                    Frame m = mutated(f, random);
                    DecodedFrame whole = WHOLE.decode(m, number, context);
                    assertSameLines(file + " frame " + number + " mutation " + i, whole, SUMMARIES.decode(m, number, context));
                    problems += whole.messages().stream().mapToInt(d -> d.problems().size()).sum();
                }
            }
        }
        assertTrue(problems > 1000, "the mutations made only " + problems + " problems");
    }

    /** The frame with one to three bytes after the cooked header set to random values (lengths among them). */
    private static Frame mutated(Frame f, Random random) {
        byte[] data = f.data().clone();
        int from = Math.min(16, data.length);
        if (data.length > from) {
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                data[from + random.nextInt(data.length - from)] = (byte) random.nextInt(256);
            }
        }
        return new Frame(f.timestampNanos(), f.linkType(), data, f.originalLength(), f.packetType(), f.comment());
    }

    private static int assertSameLines(String where, DecodedFrame whole, DecodedFrame summary) {
        FrameText text = new FrameText();
        assertEquals(text.toText(whole), text.toText(summary), where);
        assertEquals(whole.messages().size(), summary.messages().size(), where);
        for (int i = 0; i < whole.messages().size(); i++) {
            DecodedMessage w = whole.messages().get(i);
            DecodedMessage s = summary.messages().get(i);
            assertEquals(w.summary(), s.summary(), where);
            assertEquals(w.problems(), s.problems(), where);
        }
        return whole.messages().size();
    }
}
