package org.nlscope.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Encodes one netlink message in host byte order: nlmsghdr, an optional fixed header
 * (ifinfomsg, genlmsghdr ...), then attributes, nests included, each padded to 4 bytes.
 * nlmsg_len and every nla_len are filled in by {@link #build()} and {@link #endNest()}.
 *
 * <pre>{@code
 * byte[] req = new NetlinkMessageBuilder(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1, 0)
 *         .fixed(new byte[16])                       // struct ifinfomsg
 *         .attrString(IFLA_IFNAME, "nlmon0")
 *         .beginNest(IFLA_LINKINFO).attrString(IFLA_INFO_KIND, "nlmon").endNest()
 *         .build();
 * }</pre>
 *
 * Not thread-safe; one builder makes one message.
 */
public final class NetlinkMessageBuilder {
    private static final ByteOrder HOST = ByteOrder.nativeOrder();

    private byte[] buf = new byte[64];
    private int size;
    private final Deque<Integer> nests = new ArrayDeque<>();
    private boolean built;

    public NetlinkMessageBuilder(int type, int flags, long seq, long pid) {
        putInt(0); // nlmsg_len, filled by build()
        putShort(type);
        putShort(flags);
        putInt((int) seq);
        putInt((int) pid);
    }

    /** A generic netlink message: nlmsghdr with the family id as type, then struct genlmsghdr. */
    public static NetlinkMessageBuilder genl(int familyId, int flags, long seq, long pid, int cmd, int version) {
        return new NetlinkMessageBuilder(familyId, flags, seq, pid).fixedU8(cmd).fixedU8(version).fixedU16(0);
    }

    /** Fixed-header bytes, as the C struct lays them out (the caller fills them in host order). */
    public NetlinkMessageBuilder fixed(byte[] bytes) {
        put(bytes);
        return this;
    }

    public NetlinkMessageBuilder fixedU8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public NetlinkMessageBuilder fixedU16(int v) {
        putShort(v);
        return this;
    }

    public NetlinkMessageBuilder fixedU32(long v) {
        putInt((int) v);
        return this;
    }

    public NetlinkMessageBuilder attrBytes(int type, byte[] payload) {
        if (NlAttr.HEADER + payload.length > 0xffff) {
            throw new IllegalArgumentException("attribute " + type + " of " + payload.length + " bytes exceeds nla_len");
        }
        pad();
        putShort(NlAttr.HEADER + payload.length);
        putShort(type);
        put(payload);
        pad();
        return this;
    }

    public NetlinkMessageBuilder attrFlag(int type) {
        return attrBytes(type, new byte[0]);
    }

    public NetlinkMessageBuilder attrU8(int type, int v) {
        return attrBytes(type, new byte[] {(byte) v});
    }

    public NetlinkMessageBuilder attrU16(int type, int v) {
        return attrBytes(type, ByteBuffer.allocate(2).order(HOST).putShort((short) v).array());
    }

    public NetlinkMessageBuilder attrU32(int type, long v) {
        return attrBytes(type, ByteBuffer.allocate(4).order(HOST).putInt((int) v).array());
    }

    public NetlinkMessageBuilder attrU64(int type, long v) {
        return attrBytes(type, ByteBuffer.allocate(8).order(HOST).putLong(v).array());
    }

    /** A NUL-terminated string attribute. */
    public NetlinkMessageBuilder attrString(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return attrBytes(type, Arrays.copyOf(b, b.length + 1));
    }

    /** Opens a nest; pass {@code type | Netlink.NLA_F_NESTED} where the kernel wants the flag. */
    public NetlinkMessageBuilder beginNest(int type) {
        pad();
        nests.push(size);
        putShort(0);
        putShort(type);
        return this;
    }

    public NetlinkMessageBuilder endNest() {
        if (nests.isEmpty()) {
            throw new IllegalStateException("endNest() without beginNest()");
        }
        int start = nests.pop();
        pad();
        if (size - start > 0xffff) {
            throw new IllegalStateException("nest at offset " + start + " of " + (size - start) + " bytes exceeds nla_len");
        }
        writeShort(start, size - start);
        return this;
    }

    /** The message, nlmsg_len filled in. */
    public byte[] build() {
        if (!nests.isEmpty()) {
            throw new IllegalStateException(nests.size() + " nest(s) still open");
        }
        if (built) {
            throw new IllegalStateException("build() called twice");
        }
        built = true;
        pad();
        ByteBuffer.wrap(buf, 0, 4).order(HOST).putInt(0, size);
        return Arrays.copyOf(buf, size);
    }

    /** Several messages in one buffer, as one send() carries a batch. */
    public static byte[] concat(byte[]... messages) {
        int total = 0;
        for (byte[] m : messages) {
            total += NlAttr.align(m.length);
        }
        byte[] out = new byte[total];
        int pos = 0;
        for (byte[] m : messages) {
            System.arraycopy(m, 0, out, pos, m.length);
            pos += NlAttr.align(m.length);
        }
        return out;
    }

    /** Bytes written so far, nlmsghdr included: the offset the next attribute (after padding) starts near. */
    public int length() {
        return size;
    }

    private void pad() {
        int aligned = NlAttr.align(size);
        ensure(aligned - size);
        size = aligned; // new bytes of buf are already zero
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void putShort(int v) {
        ensure(2);
        writeShort(size, v);
        size += 2;
    }

    private void putInt(int v) {
        ensure(4);
        ByteBuffer.wrap(buf).order(HOST).putInt(size, v);
        size += 4;
    }

    private void writeShort(int at, int v) {
        ByteBuffer.wrap(buf).order(HOST).putShort(at, (short) v);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
