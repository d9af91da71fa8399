package org.nlscope.hostile;

import static org.nlscope.session.NetlinkTestFrames.attr;
import static org.nlscope.session.NetlinkTestFrames.concat;
import static org.nlscope.session.NetlinkTestFrames.msg;
import static org.nlscope.session.NetlinkTestFrames.str;
import static org.nlscope.uapi.Genetlink.CTRL_ATTR_FAMILY_ID;
import static org.nlscope.uapi.Genetlink.CTRL_ATTR_FAMILY_NAME;
import static org.nlscope.uapi.Genetlink.CTRL_CMD_NEWFAMILY;
import static org.nlscope.uapi.Genetlink.GENL_ID_CTRL;
import static org.nlscope.uapi.Netlink.NETLINK_GENERIC;
import static org.nlscope.uapi.Netlink.NETLINK_ROUTE;
import static org.nlscope.uapi.Rtnetlink.RTM_NEWROUTE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.model.ProcessInfo;
import org.nlscope.pcap.CaptureFormat;
import org.nlscope.pcap.CaptureWriter;
import org.nlscope.session.NetlinkTestFrames;
import org.nlscope.uapi.Rtnetlink;

/**
 * Generates the adversarial inputs of the hostile-input tests and of the benchmark, so no
 * large binary lives in the repository: many generic netlink ids, deep nests, many
 * messages and attributes, long comments, control characters in strings.
 */
public final class HostileInputs {
    static final int RTA_MULTIPATH = 9;
    static final long T0 = 1_795_340_295_000_000_000L;

    private HostileInputs() {
    }

    /** Writes {@code frames} frames made by {@code frame} (given the index) to a capture file. */
    public static Path write(Path file, CaptureFormat format, int frames, IntFunction<Frame> frame) throws IOException {
        return write(file, format, 0, frames, frame);
    }

    /** Like {@link #write(Path, CaptureFormat, int, IntFunction)}, a pcap declaring this snaplen. */
    public static Path write(Path file, CaptureFormat format, long snapLength, int frames, IntFunction<Frame> frame)
            throws IOException {
        try (CaptureWriter w = CaptureWriter.create(file, format)) {
            w.snapLength(snapLength);
            for (int i = 0; i < frames; i++) {
                w.write(frame.apply(i));
            }
        }
        return file;
    }

    /** An ordinary RTM_NEWLINK frame (about 60 bytes) with seq i. */
    public static Frame link(int i) {
        return NetlinkTestFrames.frame(T0 + i * 1000L, NETLINK_ROUTE,
                msg(Rtnetlink.RTM_NEWLINK, 0, i, 0, NetlinkTestFrames.ifinfomsg(i, 1),
                        attr(Rtnetlink.IFLA_IFNAME, str("dummy" + i)), attr(Rtnetlink.IFLA_MTU, NetlinkTestFrames.u32(1500))));
    }

    /** nlctrl's CTRL_CMD_NEWFAMILY reply naming family id {@code id} as {@code name}. */
    public static Frame newFamily(int i, int id, String name) {
        byte[] genlhdr = {CTRL_CMD_NEWFAMILY, 2, 0, 0};
        return NetlinkTestFrames.frame(T0 + i * 1000L, NETLINK_GENERIC,
                msg(GENL_ID_CTRL, 0, i, 1234, genlhdr,
                        attr(CTRL_ATTR_FAMILY_NAME, str(name)), attr(CTRL_ATTR_FAMILY_ID, u16(id))));
    }

    /** Frame i of a capture that names a new genl id in every frame (ids from 17 up, wrapping at 65535). */
    public static Frame manyGenlIds(int i) {
        return newFamily(i, 17 + i % 65000, "fam" + i);
    }

    /** Frame i of a capture that renames the same two ids over and over. */
    public static Frame flippingGenlIds(int i) {
        return newFamily(i, 17 + (i & 1), (i & 2) == 0 ? "alpha" : "beta");
    }

    /** One frame holding {@code n} 16-byte NLMSG_NOOP messages. */
    public static Frame noops(int n) {
        ByteBuffer b = ByteBuffer.allocate(16 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putInt(16).putShort((short) 1).putShort((short) 0).putInt(i).putInt(0);
        }
        return NetlinkTestFrames.frame(T0, NETLINK_ROUTE, b.array());
    }

    /** One RTM_NEWLINK frame holding {@code n} empty attributes of an unknown type. */
    public static Frame manyAttributes(int n) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) 4).putShort((short) 999);
        }
        return NetlinkTestFrames.frame(T0, NETLINK_ROUTE,
                msg(Rtnetlink.RTM_NEWLINK, 0, 1, 0, NetlinkTestFrames.ifinfomsg(1, 0), b.array()));
    }

    /**
     * An RTM_NEWROUTE with RTA_MULTIPATH nested in RTA_MULTIPATH {@code levels} deep: each
     * level an rtnexthop (8 bytes) whose attributes are the next level.
     */
    public static Frame nestedMultipath(int levels) {
        byte[] inner = attr(RTA_MULTIPATH, new byte[0]);
        for (int i = 1; i < levels; i++) {
            int len = 8 + inner.length;
            byte[] hop = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) len).put((byte) 0).put((byte) 0).putInt(2).put(inner).array();
            inner = attr(RTA_MULTIPATH, hop);
        }
        byte[] rtmsg = {2, 24, 0, 0, (byte) 254, 3, 0, 1, 0, 0, 0, 0}; // AF_INET /24, main, boot, universe, unicast
        return NetlinkTestFrames.frame(T0, NETLINK_ROUTE, msg(RTM_NEWROUTE, 0, 1, 0, rtmsg, inner));
    }

    /** Frame i with a pcapng comment of {@code bytes} bytes (of 2-byte characters, so cuts must respect them). */
    public static Frame commented(int i, int bytes) {
        Frame f = link(i);
        return new Frame(f.timestampNanos(), f.linkType(), f.data(), f.originalLength(), f.packetType(),
                "é".repeat(bytes / 2));
    }

    /** Metadata block i: one genl id and one port owner, each new. */
    public static CaptureMetadata metadataBlock(int i) {
        return new CaptureMetadata(java.util.Map.of(17 + i % 60000, "meta" + i),
                java.util.Map.of((long) 100_000 + i, new ProcessInfo(100_000 + i, 1000 + i, "p" + i, false)), null);
    }

    /** Writes a pcapng of {@code blocks} metadata blocks, each followed by a frame. */
    public static Path metadataBlocks(Path file, int blocks) throws IOException {
        try (CaptureWriter w = CaptureWriter.create(file, CaptureFormat.PCAPNG)) {
            for (int i = 0; i < blocks; i++) {
                w.writeMetadata(metadataBlock(i));
                w.write(link(i));
            }
        }
        return file;
    }

    /** Control characters a terminal acts on: CSI clear screen, OSC 52 clipboard write, BS, CR, newline, C1 CSI. */
    public static final String TERMINAL_ATTACK = "a\u001b[2J\u001b]52;c;ZXZpbA==\u0007b\b\r\nc\u009b31m";

    static byte[] u16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    static byte[] cat(byte[]... parts) {
        return concat(parts);
    }
}
