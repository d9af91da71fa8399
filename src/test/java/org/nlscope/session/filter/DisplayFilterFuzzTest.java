package org.nlscope.session.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.fuzz.FuzzChecks;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;

/**
 * Coverage-guided fuzzing of the display-filter parser (Jazzer): the input, as UTF-8, is
 * what a user types. It either parses, and then is tested against recorded messages of
 * every family, or fails with one FilterSyntaxException whose one-line message points
 * at a column inside the text. Seeds are the filter language's own examples.
 */
class DisplayFilterFuzzTest {
    /** Decoded messages of every recording, with the context that names their processes. */
    private record Sample(DecodedFrame frame, DecodedMessage message, DecodeContext context) {
    }

    private static final List<Sample> SAMPLES = samples();

    private static List<Sample> samples() {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        List<Sample> out = new ArrayList<>();
        for (var file : RecordedCaptures.files()) {
            DecodeContext context = DecodeContext.empty();
            int n = 0;
            for (Frame f : RecordedCaptures.frames(file).stream().limit(12).toList()) {
                DecodedFrame df = decoder.decode(f, ++n, context);
                context = ContextLearner.learn(context, df);
                for (DecodedMessage m : df.messages()) {
                    out.add(new Sample(df, m, context));
                }
                if (df.messages().isEmpty()) {
                    out.add(new Sample(df, null, context));
                }
            }
        }
        return out;
    }

    @FuzzTest(maxDuration = "60s")
    void parseAndMatch(byte[] typed) {
        String text = new String(typed, StandardCharsets.UTF_8);
        DisplayFilter filter;
        try {
            filter = DisplayFilter.parse(text);
        } catch (FilterSyntaxException e) {
            FuzzChecks.assertOneLine("the syntax error", e.getMessage());
            assertTrue(e.column() >= 1 && e.column() <= text.length() + 1,
                    "column " + e.column() + " outside a " + text.length() + "-character filter: " + e.getMessage());
            return;
        }
        for (Sample s : SAMPLES) {
            filter.matches(s.frame(), s.message(), s.context());
        }
    }
}
