package org.nlscope.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;

/**
 * Every message of every capture recorded on nlmon (captures/README.md) decodes with
 * the built-in dissectors: a name for its type, no problem, and a name for every
 * attribute at every depth. What is left unnamed must be listed here with the reason.
 */
class RecordedCapturesCoverageTest {

    @ParameterizedTest
    @ValueSource(strings = {"links.pcapng", "addresses.pcapng", "routes.pcapng", "neighbours.pcapng",
            "rules.pcapng", "nexthops.pcapng", "netconf-nsid.pcapng", "tc.pcapng", "genl.pcapng",
            "sock-diag.pcapng", "errors.pcapng", "multipart.pcapng", "basic.pcap", "any-sll.pcap",
            "any-sll2.pcapng"})
    void everyMessageAndAttributeIsNamed(String capture) throws Exception {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        List<String> gaps = new ArrayList<>();
        int messages = 0;
        try (InputStream in = getClass().getResourceAsStream("/captures/" + capture);
             CaptureReader reader = CaptureReader.open(in, capture)) {
            DecodeContext ctx = DecodeContext.empty();
            Frame frame;
            int number = 0;
            while ((frame = reader.next()) != null) {
                DecodedFrame d = decoder.decode(frame, ++number, ctx);
                ctx = ContextLearner.learn(ctx, d);
                gaps.addAll(d.problems().stream().map(p -> "frame " + d.number() + ": " + p).toList());
                for (DecodedMessage m : d.messages()) {
                    messages++;
                    String where = "frame " + number + " " + m.summary();
                    if (m.typeName() == null) {
                        gaps.add(where + ": type " + m.header().type() + " unnamed");
                    }
                    m.problems().forEach(p -> gaps.add(where + ": " + p));
                    unnamed(m.attributes(), where, gaps);
                    if (m.error() != null && m.error().request() != null) {
                        m.error().request().problems().forEach(p -> gaps.add(where + " (request): " + p));
                        unnamed(m.error().request().attributes(), where + " (request)", gaps);
                    }
                }
            }
        }
        assertTrue(messages > 0, capture);
        assertEquals(List.of(), gaps, capture);
    }

    private static void unnamed(List<Field> fields, String where, List<String> gaps) {
        for (Field f : fields) {
            if (f.isAttribute() && f.name() == null) {
                gaps.add(where + ": attribute " + f.type() + " unnamed");
            }
            if (f.problem() != null) {
                gaps.add(where + " / " + f.label() + ": " + f.problem());
            }
            unnamed(f.children(), where + " / " + f.label(), gaps);
        }
    }
}
