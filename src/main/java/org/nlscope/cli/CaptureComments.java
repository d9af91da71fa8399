package org.nlscope.cli;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.Frame;
import org.nlscope.model.ProcessInfo;

/**
 * What {@code capture -w} knows beyond the frames, also written where Wireshark shows it:
 * a packet comment naming the processes behind a frame's netlink ports
 * ({@code pid 1234 (ip)}), and a section comment with the generic netlink families at the
 * start. The metadata block keeps the same facts for nlscope itself.
 */
final class CaptureComments {
    private CaptureComments() {
    }

    /** The frame with a comment naming the known processes of its messages' ports; the same frame when none is known. */
    static Frame withProcesses(Frame frame, Map<Long, ProcessInfo> owners) {
        if (owners.isEmpty()) {
            return frame;
        }
        Set<String> labels = new LinkedHashSet<>();
        byte[] d = frame.data();
        int pos = CookedHeader.lengthFor(frame.linkType());
        while (pos + 16 <= d.length) {
            long len = u32(d, pos);
            ProcessInfo p = owners.get(u32(d, pos + 12));
            if (p != null && p.portId() != 0) {
                labels.add(p.label());
            }
            if (len < 16) {
                break;
            }
            pos += (int) Math.min((len + 3) & ~3L, d.length);
        }
        if (labels.isEmpty()) {
            return frame;
        }
        String note = String.join(", ", labels);
        return frame.withComment(frame.comment() == null ? note : frame.comment() + "; " + note);
    }

    /** The section comment for the generic netlink snapshot, or null when there is none. */
    static String genlFamilies(Map<Integer, String> families) {
        if (families.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("Generic netlink families at capture start (id name):");
        new TreeMap<>(families).forEach((id, name) -> sb.append("\n  ").append(id).append(' ').append(name));
        return sb.append('\n').toString();
    }

    /** nlmsghdr fields are host byte order: little endian on every machine nlscope captures on. */
    private static long u32(byte[] d, int off) {
        return (d[off] & 0xffL) | (d[off + 1] & 0xffL) << 8 | (d[off + 2] & 0xffL) << 16 | (d[off + 3] & 0xffL) << 24;
    }
}
