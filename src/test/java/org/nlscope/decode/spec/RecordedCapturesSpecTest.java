package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * The captures recorded on nlmon (captures/README.md): every link and nlctrl message
 * the kernel or ip/genl sent decodes without a problem and with every attribute
 * named, except link-kind data of kinds no file describes (their formats are shown raw).
 */
class RecordedCapturesSpecTest {
    private static final Set<String> LINK_TYPES = Set.of("RTM_NEWLINK", "RTM_DELLINK", "RTM_GETLINK", "RTM_SETLINK");
    private static final Set<String> KIND_DATA = Set.of("IFLA_INFO_DATA", "IFLA_INFO_SLAVE_DATA");

    @ParameterizedTest
    @ValueSource(strings = {"links.pcapng", "genl.pcapng", "multipart.pcapng", "errors.pcapng", "basic.pcap"})
    void linkAndNlctrlMessagesDecodeCompletely(String capture) throws Exception {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/captures/" + capture);
             CaptureReader reader = CaptureReader.open(in, capture)) {
            DecodeContext ctx = DecodeContext.empty();
            Frame frame;
            int number = 0;
            while ((frame = reader.next()) != null) {
                DecodedFrame d = decoder.decode(frame, ++number, ctx);
                ctx = ContextLearner.learn(ctx, d);
                for (DecodedMessage m : messagesWithin(d.messages())) {
                    boolean nlctrl = m.genl() != null && "nlctrl".equals(m.genl().family());
                    if (!nlctrl && (m.typeName() == null || !LINK_TYPES.contains(m.typeName()))) {
                        continue;
                    }
                    checked++;
                    String where = capture + " frame " + number + " " + m.summary();
                    assertEquals(List.of(), m.problems(), where);
                    allNamed(m.attributes(), where);
                }
            }
        }
        assertTrue(checked > 0, capture);
    }

    /** The messages of a frame, and the requests echoed inside its errors. */
    private static List<DecodedMessage> messagesWithin(List<DecodedMessage> messages) {
        List<DecodedMessage> out = new ArrayList<>(messages);
        for (DecodedMessage m : messages) {
            if (m.error() != null && m.error().request() != null && m.error().request().attributes().size() > 0
                    && m.error().badAttrOffset() == null) {
                out.add(m.error().request());
            }
        }
        return out;
    }

    private static void allNamed(List<Field> fields, String where) {
        for (Field f : fields) {
            assertTrue(f.name() != null, () -> "unknown attribute " + f.label() + " in " + where);
            boolean noFormat = KIND_DATA.contains(f.name()) && f.children().stream().allMatch(c -> c.name() == null);
            if (!noFormat) {
                allNamed(f.children(), where + " / " + f.name());
            }
        }
    }
}
