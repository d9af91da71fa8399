package org.nlscope.session;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/** Assembles netlink frames byte by byte, in host (little-endian) order, as the kernel lays them out. */
public final class NetlinkTestFrames {
    public static final int F_REQUEST = 1, F_MULTI = 2, F_ACK = 4, F_DUMP = 0x300, F_CREATE = 0x400, F_EXCL = 0x200;

    private NetlinkTestFrames() {
    }

    public static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        ByteBuffer b = ByteBuffer.allocate((len + 3) & ~3).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) len).putShort((short) type).put(payload);
        return b.array();
    }

    public static byte[] nest(int type, byte[]... children) {
        return attr(type | 0x8000, concat(children));
    }

    public static byte[] str(String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[t.length + 1];
        System.arraycopy(t, 0, out, 0, t.length);
        return out;
    }

    public static byte[] u32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    /** struct ifinfomsg: family, pad, type, index, flags, change. */
    public static byte[] ifinfomsg(int index, int flags) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0).put((byte) 0).putShort((short) 0).putInt(index).putInt(flags).putInt(0).array();
    }

    public static byte[] msg(int type, int flags, long seq, long pid, byte[]... body) {
        byte[] payload = concat(body);
        int len = 16 + payload.length;
        ByteBuffer b = ByteBuffer.allocate((len + 3) & ~3).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(len).putShort((short) type).putShort((short) flags).putInt((int) seq).putInt((int) pid).put(payload);
        return b.array();
    }

    /** NLMSG_ERROR carrying code and the request's header (capped: header only) plus extended-ACK attributes. */
    public static byte[] error(int code, byte[] request, boolean capped, long seq, long pid, byte[]... extAck) {
        byte[] echoed = capped ? java.util.Arrays.copyOf(request, 16) : request;
        int flags = (capped ? 0x100 : 0) | (extAck.length > 0 ? 0x200 : 0);
        return msg(2, flags, seq, pid, u32(code), echoed, concat(extAck));
    }

    public static byte[] done(long seq, long pid) {
        return msg(3, F_MULTI, seq, pid, u32(0));
    }

    public static Frame frame(long timeNanos, int family, byte[]... messages) {
        byte[] data = concat(CookedHeader.netlinkHeader(CookedHeader.PACKET_OUTGOING, family), concat(messages));
        return Frame.of(timeNanos, LinkType.NETLINK, data);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
