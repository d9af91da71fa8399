package org.nlscope.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;

/**
 * Every message of every capture recorded on nlmon (captures/README.md) decodes with
 * the built-in dissectors: a name for its type (and for its genl command), no problem,
 * and a name and a type for every attribute at every depth. The captures whose families
 * are not decoded yet are listed in {@link #NOT_YET_COVERED} with the reason; each of them
 * must still have gaps, so the list only shrinks.
 */
class RecordedCapturesCoverageTest {

    /** Captures with known gaps, and what is missing. */
    static final Map<String, String> NOT_YET_COVERED = Map.of();

    /** Attributes whose payload is bytes by nature (a key, a hash, an opaque cookie): hex is their type. */
    static final Set<String> BYTES_BY_NATURE = Set.of(
            "MACSEC_SA_ATTR_KEY", "MACSEC_SA_ATTR_KEYID", "MACSEC_SA_ATTR_SALT", "IOAM6_ATTR_SC_DATA",
            // the packet itself, as nfqueue, nflog and psample hand it to user space
            "NFQA_PAYLOAD", "NFULA_PAYLOAD", "PSAMPLE_ATTR_DATA", "OVS_PACKET_ATTR_PACKET",
            // a conntrack entry's 128 label bits, which ovs-dpctl too prints as one hex number
            "OVS_KEY_ATTR_CT_LABELS",
            // the cookie a userspace action carries, given back as is with the packet it sends up
            "OVS_USERSPACE_ATTR_USERDATA", "OVS_PACKET_ATTR_USERDATA");

    static Stream<String> captures() {
        return RecordedCaptures.files().stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyMessageAndAttributeIsNamedAndTyped(String capture) throws Exception {
        List<String> gaps = gaps(RecordedCaptures.DIRECTORY.resolve(capture));
        String known = NOT_YET_COVERED.get(capture);
        if (known == null) {
            assertEquals(List.of(), gaps, capture);
        } else {
            System.out.printf("%s: %d gaps not yet covered (%s), first: %s%n", capture, gaps.size(), known,
                    gaps.isEmpty() ? "-" : gaps.get(0));
            assertFalse(gaps.isEmpty(), capture + " is now fully covered: take it off NOT_YET_COVERED");
        }
    }

    @Test
    void theListOfGapsNamesRecordedCapturesOnly() {
        List<String> files = captures().toList();
        NOT_YET_COVERED.keySet().forEach(c -> assertTrue(files.contains(c), c + " is not a recorded capture"));
    }

    static List<String> gaps(Path capture) throws Exception {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        List<String> gaps = new ArrayList<>();
        int messages = 0;
        try (CaptureReader reader = CaptureReader.open(capture)) {
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
                    message(m, where, gaps);
                    if (m.error() != null && m.error().request() != null) {
                        message(m.error().request(), where + " (request)", gaps);
                    }
                }
            }
        }
        assertTrue(messages > 0, capture.toString());
        return gaps;
    }

    private static void message(DecodedMessage m, String where, List<String> gaps) {
        if (m.typeName() == null) {
            gaps.add(where + ": type " + m.header().type() + " unnamed");
        }
        if (m.genl() != null && m.genl().cmdName() == null) {
            gaps.add(where + ": genl cmd " + m.genl().cmd() + " unnamed");
        }
        m.problems().forEach(p -> gaps.add(where + ": " + p));
        if (NamedShare.isBlob(m)) {
            gaps.add(where + ": body shown as one hex payload");
        }
        unnamed(m.attributes(), where, gaps);
    }

    private static void unnamed(List<Field> fields, String where, List<String> gaps) {
        for (Field f : fields) {
            if (f.isAttribute() && f.name() == null) {
                gaps.add(where + ": attribute " + f.type() + " unnamed");
            } else if (f.isAttribute() && !Typed.typed(f) && !BYTES_BY_NATURE.contains(f.name())) {
                gaps.add(where + ": " + f.name() + " shown as hex");
            }
            if (f.problem() != null) {
                gaps.add(where + " / " + f.label() + ": " + f.problem());
            }
            unnamed(f.children(), where + " / " + f.label(), gaps);
        }
    }
}
