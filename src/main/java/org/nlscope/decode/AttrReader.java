package org.nlscope.decode;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.Limits;
import org.nlscope.uapi.Netlink;

/**
 * Walks the attributes of a window with bounds checks first: a lying nla_len ends
 * the walk with a problem instead of reading past the window.
 */
public final class AttrReader {

    /**
     * The attributes found, and what stopped the walk early, if anything.
     *
     * @param attributes the well-formed attributes, in order
     * @param problem    why the walk stopped before the window's end, or null
     * @param problemOffset where that happened, or -1
     */
    public record Result(List<NlAttr> attributes, String problem, int problemOffset) {
        public boolean clean() {
            return problem == null;
        }
    }

    /**
     * Attributes the frame being decoded on this thread may still yield, or -1 outside a
     * frame decode. A frame's decode runs on one thread from {@link FrameDecoder}, so one
     * counter bounds every path (spec interpreter, raw attributes, Java dissectors) without
     * threading it through the Dissector SPI.
     */
    private static final ThreadLocal<int[]> BUDGET = ThreadLocal.withInitial(() -> new int[] {-1});

    private AttrReader() {
    }

    /** Starts a frame's budget of {@link Limits#MAX_ATTRIBUTES_PER_FRAME}; returns what to restore. */
    static int startFrame() {
        int[] b = BUDGET.get();
        int saved = b[0];
        b[0] = Limits.MAX_ATTRIBUTES_PER_FRAME;
        return saved;
    }

    static void endFrame(int saved) {
        BUDGET.get()[0] = saved;
    }

    public static Result read(ByteView window) {
        List<NlAttr> out = new ArrayList<>();
        int[] budget = BUDGET.get();
        int pos = window.start();
        while (pos < window.end()) {
            int left = window.end() - pos;
            if (budget[0] == 0) {
                return new Result(out, "attributes from offset " + pos + " not decoded: at most "
                        + Limits.MAX_ATTRIBUTES_PER_FRAME + " are decoded per frame", pos);
            }
            if (left < NlAttr.HEADER) {
                // fewer bytes than a header: padding is zero, anything else is a truncation
                if (allZero(window, pos, left)) {
                    break;
                }
                return new Result(out, left + " trailing bytes at offset " + pos + " are too short for an attribute", pos);
            }
            int len = window.u16(pos);
            int rawType = window.u16(pos + 2);
            if (len < NlAttr.HEADER) {
                return new Result(out, "attribute at offset " + pos + " has nla_len " + len + " (less than 4)", pos);
            }
            if (len > left) {
                return new Result(out, "attribute at offset " + pos + " has nla_len " + len
                        + " but only " + left + " bytes remain", pos);
            }
            if (budget[0] > 0) {
                budget[0]--;
            }
            out.add(new NlAttr(pos, len, rawType & Netlink.NLA_TYPE_MASK,
                    (rawType & Netlink.NLA_F_NESTED) != 0, (rawType & Netlink.NLA_F_NET_BYTEORDER) != 0));
            pos += NlAttr.align(len);
        }
        return new Result(out, null, -1);
    }

    private static boolean allZero(ByteView w, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (w.u8(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
