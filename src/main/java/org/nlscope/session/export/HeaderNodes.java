package org.nlscope.session.export;

import java.util.List;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Frame;
import org.nlscope.model.GenlInfo;
import org.nlscope.model.LinkType;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.model.ProcessInfo;

/** The header nodes of {@link DetailTree}: the cooked header, each nlmsghdr and genlmsghdr, byte by byte. */
final class HeaderNodes {

    private HeaderNodes() {
    }

    static void cookedHeader(DecodedFrame df, TreeSink sink) {
        Frame f = df.frame();
        CookedHeader h = CookedHeader.parse(f.linkType(), f.data());
        StringBuilder l = sink.label().append("Cooked header (").append(LinkType.name(f.linkType()))
                .append(" (").append(f.linkType()).append("))");
        if (!h.complete()) {
            l.append(": truncated, ").append(f.capturedLength()).append(" of ").append(h.length()).append(" bytes");
            sink.leaf(0, f.capturedLength());
            return;
        }
        l.append(": ");
        if (df.familyName() != null) {
            l.append(df.familyName());
        } else {
            l.append("family ").append(h.netlinkFamily());
        }
        sink.open(0, h.length());
        boolean sll2 = f.linkType() == LinkType.LINUX_SLL2;
        sink.label().append("Packet type: ").append(h.packetType()).append(" (").append(packetType(h.packetType())).append(')');
        sink.leaf(sll2 ? 10 : 0, sll2 ? 1 : 2);
        sink.label().append("ARPHRD type: ").append(h.arphrdType())
                .append(h.arphrdType() == LinkType.ARPHRD_NETLINK ? " (ARPHRD_NETLINK)" : "");
        sink.leaf(sll2 ? 8 : 2, 2);
        sink.label().append("Netlink family: ").append(h.netlinkFamily());
        if (df.familyName() != null) {
            sink.label().append(" (").append(df.familyName()).append(')');
        }
        sink.leaf(sll2 ? 0 : 14, 2);
        if (sll2) {
            byte[] d = f.data();
            long ifindex = (d[4] & 0xffL) << 24 | (d[5] & 0xff) << 16 | (d[6] & 0xff) << 8 | (d[7] & 0xff);
            sink.label().append("Interface index: ").append(ifindex);
            sink.leaf(4, 4);
        }
        sink.close();
    }

    /** The nlmsghdr's five fields; {@code process} is the one behind its port, or null. */
    static void nlmsghdr(DecodedMessage m, ProcessInfo process, TreeSink sink) {
        NlMsgHeader h = m.header();
        int off = m.offset();
        sink.label().append("nlmsghdr");
        sink.open(off, NlMsgHeader.SIZE);
        sink.label().append("nlmsg_len: ").append(h.length());
        sink.leaf(off, 4);
        sink.label().append("nlmsg_type: ").append(h.type());
        if (m.typeName() != null) {
            sink.label().append(" (").append(m.typeName()).append(')');
        }
        sink.leaf(off + 4, 2);
        StringBuilder flags = sink.label().append("nlmsg_flags: 0x");
        String hex = Integer.toHexString(h.flags());
        for (int i = hex.length(); i < 4; i++) {
            flags.append('0');
        }
        flags.append(hex);
        if (!m.flagNames().isEmpty()) {
            flags.append(" (");
            join(m.flagNames(), flags);
            flags.append(')');
        }
        sink.leaf(off + 6, 2);
        sink.label().append("nlmsg_seq: ").append(h.seq());
        sink.leaf(off + 8, 4);
        sink.label().append("nlmsg_pid: ").append(h.pid());
        if (process != null) {
            sink.label().append(" (").append(process.label()).append(')');
        }
        sink.leaf(off + 12, 4);
        sink.close();
    }

    static void genl(GenlInfo g, int go, TreeSink sink) {
        StringBuilder l = sink.label().append("genlmsghdr: ");
        if (g.family() != null) {
            l.append(g.family());
        } else {
            l.append("family id ").append(g.familyId());
        }
        l.append(' ');
        if (g.cmdName() != null) {
            l.append(g.cmdName());
        } else {
            l.append("cmd ").append(g.cmd());
        }
        sink.open(go, 4);
        sink.label().append("family: ").append(g.family() != null ? g.family() : "unknown")
                .append(" (id ").append(g.familyId()).append(')');
        sink.note();
        sink.label().append("cmd: ").append(g.cmd());
        if (g.cmdName() != null) {
            sink.label().append(" (").append(g.cmdName()).append(')');
        }
        sink.leaf(go, 1);
        sink.label().append("version: ").append(g.version());
        sink.leaf(go + 1, 1);
        sink.close();
    }

    private static String packetType(int t) {
        return switch (t) {
            case 0 -> "PACKET_HOST";
            case 1 -> "PACKET_BROADCAST";
            case 2 -> "PACKET_MULTICAST";
            case 3 -> "PACKET_OTHERHOST";
            case 4 -> "PACKET_OUTGOING";
            case 6 -> "PACKET_USER";
            case 7 -> "PACKET_KERNEL";
            default -> "unknown";
        };
    }

    private static void join(List<String> names, StringBuilder sb) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(names.get(i));
        }
    }
}
