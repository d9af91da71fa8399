package org.nlscope.decode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.nlscope.fuzz.FuzzChecks;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.session.export.DetailTree;
import org.nlscope.session.export.FrameJson;
import org.nlscope.session.export.FrameText;

/**
 * Coverage-guided fuzzing of the frame decoder with every dissector (Jazzer). The input
 * is the netlink messages of one frame; each netlink family's cooked header goes in front
 * of them in turn, so one input reaches rtnetlink, generic netlink (with the family ids of
 * the recordings), sock_diag and the raw decode. Seeds are frames of the recorded
 * captures. The decoder must not need its guards (a "decoder failed" problem is a bug
 * caught, not a decode), and the text, tree and JSON made of a frame stay in proportion to it.
 */
class FrameDecoderFuzzTest {
    private static final FrameDecoder DECODER = new FrameDecoder(DissectorRegistry.load(List.of()));
    private static final DecodeContext CONTEXT = RecordedCaptures.genlContext(DECODER);
    private static final int[] FAMILIES = families();
    private static final int[] PACKET_TYPES = {CookedHeader.PACKET_OUTGOING, CookedHeader.PACKET_USER, CookedHeader.PACKET_KERNEL};

    /** Every family linux/netlink.h names, and one it does not. */
    private static int[] families() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            if (NetlinkFamilies.name(i) != null) {
                out.add(i);
            }
        }
        out.add(31);
        return out.stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    @FuzzTest(maxDuration = "60s")
    void everyFamily(byte[] messages) {
        // the packet type (who sent it) follows the input, so requests and replies are both tried
        int packetType = PACKET_TYPES[messages.length % PACKET_TYPES.length];
        for (int family : FAMILIES) {
            byte[] data = new byte[16 + messages.length];
            System.arraycopy(CookedHeader.netlinkHeader(packetType, family), 0, data, 0, 16);
            System.arraycopy(messages, 0, data, 16, messages.length);
            Frame frame = Frame.of(0, LinkType.NETLINK, data);
            DecodedFrame df = RecordedCaptures.decodeChecked(DECODER, frame, CONTEXT);
            FuzzChecks.assertBounded("read", new FrameText().toText(df).length(), data.length);
            FuzzChecks.assertBounded("read -V", new DetailTree().toText(df).length(), data.length);
            FuzzChecks.assertBounded("read --json", new FrameJson().toJson(df).length(), data.length);
            ContextLearner.learn(CONTEXT, df);
        }
    }
}
