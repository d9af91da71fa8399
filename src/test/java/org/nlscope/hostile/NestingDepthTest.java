package org.nlscope.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Limits;

/** Item 6 of issue 12: Java value decoders (RTA_MULTIPATH in RTA_MULTIPATH) share the nesting budget. */
class NestingDepthTest {
    private static final FrameDecoder DECODER = new FrameDecoder(DissectorRegistry.load(List.of()));

    @ParameterizedTest
    @ValueSource(ints = {20, 100, 1000})
    void multipathInMultipathStopsAtTheLimitWithAProblem(int levels) {
        DecodedFrame df = DECODER.decode(HostileInputs.nestedMultipath(levels), 1, DecodeContext.empty());
        assertEquals(List.of(), df.problems(), "the frame decoded, no engine failure");
        DecodedMessage m = df.messages().get(0);
        assertEquals("RTM_NEWROUTE", m.typeName());
        List<String> problems = new ArrayList<>();
        int depth = deepest(m.attributes(), 0, problems);
        assertEquals(Limits.MAX_NESTING_DEPTH, depth, "RTA_MULTIPATH levels decoded");
        assertTrue(problems.stream().anyMatch(p -> p.contains("nested deeper than " + Limits.MAX_NESTING_DEPTH)), problems.toString());
        assertFalse(problems.stream().anyMatch(p -> p.contains("failed")), problems.toString());
    }

    /** How many RTA_MULTIPATH attributes deep the tree goes (rtnexthop entries between them are not levels). */
    private static int deepest(List<Field> fields, int depth, List<String> problems) {
        int max = depth;
        for (Field f : fields) {
            if (f.problem() != null) {
                problems.add(f.problem());
            }
            max = Math.max(max, deepest(f.children(), "RTA_MULTIPATH".equals(f.name()) ? depth + 1 : depth, problems));
        }
        return max;
    }
}
