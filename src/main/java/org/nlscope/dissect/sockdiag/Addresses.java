package org.nlscope.dissect.sockdiag;

import org.nlscope.decode.ByteView;
import org.nlscope.decode.SockAddr;

/** Formats the 16-byte address slots of struct inet_diag_sockid. */
final class Addresses {
    static final int AF_INET = SockAddr.AF_INET;
    static final int AF_INET6 = SockAddr.AF_INET6;

    private Addresses() {
    }

    static String format(ByteView b, int pos, int family) {
        if (family == AF_INET) {
            return b.u8(pos) + "." + b.u8(pos + 1) + "." + b.u8(pos + 2) + "." + b.u8(pos + 3);
        }
        if (family == AF_INET6) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i += 2) {
                if (i > 0) {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(b.u16be(pos + i)));
            }
            return compress(sb.toString());
        }
        return b.hex(pos, 16);
    }

    /** Shortens the longest run of zero groups to "::" as RFC 5952 asks. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < groups.length; ) {
            if (!groups[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
