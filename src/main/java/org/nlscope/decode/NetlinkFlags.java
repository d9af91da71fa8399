package org.nlscope.decode;

import static org.nlscope.uapi.Netlink.NLM_F_DUMP;

import java.util.ArrayList;
import java.util.List;

/**
 * Names nlmsg_flags. The low six bits mean the same for every message; the bits from
 * 0x100 up mean different things by kind of request (linux/netlink.h), so they are
 * named by the message's {@link MessageKind}, or as ACK flags for NLMSG_ERROR/NLMSG_DONE.
 *
 * <p>A GET with both NLM_F_ROOT and NLM_F_MATCH is listed as "NLM_F_DUMP" instead of
 * the two, as strace and the kernel's own code spell it; either one alone keeps its name.
 * Bits with no name for the kind are listed together as one hex string ("0x1000").
 */
public final class NetlinkFlags {
    private static final String[] LOW = {
            "NLM_F_REQUEST", "NLM_F_MULTI", "NLM_F_ACK", "NLM_F_ECHO", "NLM_F_DUMP_INTR", "NLM_F_DUMP_FILTERED"};
    private static final String[] GET = {"NLM_F_ROOT", "NLM_F_MATCH", "NLM_F_ATOMIC"};
    private static final String[] NEW = {"NLM_F_REPLACE", "NLM_F_EXCL", "NLM_F_CREATE", "NLM_F_APPEND"};
    private static final String[] DEL = {"NLM_F_NONREC", "NLM_F_BULK"};
    private static final String[] ACK = {"NLM_F_CAPPED", "NLM_F_ACK_TLVS"};

    private NetlinkFlags() {
    }

    /** The flag names of a message of this kind. */
    public static List<String> names(int flags, MessageKind kind) {
        return switch (kind == null ? MessageKind.OTHER : kind) {
            case GET -> names(flags, GET, true);
            case NEW -> names(flags, NEW, false);
            case DEL -> names(flags, DEL, false);
            case OTHER -> names(flags, new String[0], false);
        };
    }

    /** The flag names of an NLMSG_ERROR or NLMSG_DONE, whose high bits are CAPPED and ACK_TLVS. */
    public static List<String> ackNames(int flags) {
        return names(flags, ACK, false);
    }

    /** "NLM_F_REQUEST|NLM_F_ACK", or "0" when none. */
    public static String join(List<String> names) {
        return names.isEmpty() ? "0" : String.join("|", names);
    }

    private static List<String> names(int flags, String[] high, boolean dump) {
        List<String> out = new ArrayList<>();
        int left = flags & 0xffff;
        for (int bit = 0; bit < LOW.length; bit++) {
            if ((left & 1 << bit) != 0) {
                out.add(LOW[bit]);
                left &= ~(1 << bit);
            }
        }
        if (dump && (left & NLM_F_DUMP) == NLM_F_DUMP) {
            out.add("NLM_F_DUMP");
            left &= ~NLM_F_DUMP;
        }
        for (int i = 0; i < high.length; i++) {
            int bit = 0x100 << i;
            if ((left & bit) != 0) {
                out.add(high[i]);
                left &= ~bit;
            }
        }
        if (left != 0) {
            out.add("0x" + Integer.toHexString(left));
        }
        return out;
    }
}
