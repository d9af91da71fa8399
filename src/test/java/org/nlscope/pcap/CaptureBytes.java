package org.nlscope.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Assembles capture files byte by byte in either byte order, independently of the
 * production writers, so reader tests do not trust the code they test.
 */
final class CaptureBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    CaptureBytes(ByteOrder order) {
        this.order = order;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    CaptureBytes u8(int v) {
        out.write(v);
        return this;
    }

    CaptureBytes u16(int v) {
        return bytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
    }

    CaptureBytes u32(long v) {
        return bytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
    }

    CaptureBytes u64(long v) {
        return bytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
    }

    CaptureBytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    CaptureBytes pad4() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return this;
    }

    // ---- classic pcap

    CaptureBytes pcapHeader(int magic, int linkType) {
        return u32(magic).u16(2).u16(4).u32(0).u32(0).u32(262144).u32(linkType);
    }

    CaptureBytes pcapRecord(long seconds, long fraction, byte[] data) {
        return pcapRecord(seconds, fraction, data, data.length);
    }

    CaptureBytes pcapRecord(long seconds, long fraction, byte[] data, long originalLength) {
        return u32(seconds).u32(fraction).u32(data.length).u32(originalLength).bytes(data);
    }

    // ---- pcapng

    /** A block: type, total length, body (padded), total length again. */
    CaptureBytes block(int type, Consumer<CaptureBytes> body) {
        CaptureBytes b = new CaptureBytes(order);
        body.accept(b);
        b.pad4();
        int total = 12 + b.size();
        return u32(type).u32(total).bytes(b.toByteArray()).u32(total);
    }

    CaptureBytes shb(String... comments) {
        return block(0x0A0D0D0A, b -> {
            b.u32(0x1A2B3C4D).u16(1).u16(0).u64(-1);
            for (String c : comments) {
                b.option(1, c);
            }
            b.endOfOptions();
        });
    }

    CaptureBytes idb(int linkType, long snapLength, Consumer<CaptureBytes> options) {
        return block(1, b -> {
            b.u16(linkType).u16(0).u32(snapLength);
            options.accept(b);
        });
    }

    CaptureBytes idb(int linkType) {
        return idb(linkType, 0, b -> { });
    }

    CaptureBytes epb(int interfaceId, long units, byte[] data, Consumer<CaptureBytes> options) {
        return block(6, b -> {
            b.u32(interfaceId).u32(units >>> 32).u32(units & 0xffffffffL).u32(data.length).u32(data.length)
                    .bytes(data).pad4();
            options.accept(b);
        });
    }

    CaptureBytes epb(int interfaceId, long units, byte[] data) {
        return epb(interfaceId, units, data, b -> { });
    }

    CaptureBytes spb(long originalLength, byte[] data) {
        return block(3, b -> b.u32(originalLength).bytes(data));
    }

    CaptureBytes obsoletePacket(int interfaceId, long units, byte[] data, Consumer<CaptureBytes> options) {
        return block(2, b -> {
            b.u16(interfaceId).u16(0).u32(units >>> 32).u32(units & 0xffffffffL).u32(data.length).u32(data.length)
                    .bytes(data).pad4();
            options.accept(b);
        });
    }

    CaptureBytes option(int code, byte[] value) {
        return u16(code).u16(value.length).bytes(value).pad4();
    }

    CaptureBytes option(int code, String text) {
        return option(code, text.getBytes(StandardCharsets.UTF_8));
    }

    CaptureBytes endOfOptions() {
        return u32(0);
    }

    // ---- frames

    /** A LINKTYPE_NETLINK frame: cooked header, then one nlmsghdr (little endian) with a payload. */
    static byte[] netlinkFrame(int packetType, int family, int payloadLength, int seed) {
        ByteBuffer b = ByteBuffer.allocate(16 + 16 + payloadLength).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) packetType).putShort((short) 824).putShort((short) 0).putLong(0)
                .put((byte) (family >> 8)).put((byte) family);
        b.putInt(16 + payloadLength).putShort((short) 16).putShort((short) 5).putInt(seed).putInt(0);
        for (int i = 0; i < payloadLength; i++) {
            b.put((byte) (seed + i));
        }
        byte[] a = b.array();
        // the cooked header is big endian
        a[0] = (byte) (packetType >> 8);
        a[1] = (byte) packetType;
        a[2] = (byte) (824 >> 8);
        a[3] = (byte) 824;
        return a;
    }

    /** A LINUX_SLL frame: the same 16-byte layout, with the ARPHRD type chosen. */
    static byte[] sllFrame(int packetType, int arphrd, int family) {
        byte[] f = netlinkFrame(packetType, family, 4, 7);
        f[2] = (byte) (arphrd >> 8);
        f[3] = (byte) arphrd;
        return f;
    }

    /** A LINUX_SLL2 frame: protocol, reserved, ifindex, ARPHRD type, packet type, address length, address. */
    static byte[] sll2Frame(int packetType, int arphrd, int family) {
        byte[] body = Arrays.copyOfRange(netlinkFrame(packetType, family, 4, 9), 16, 16 + 20);
        ByteBuffer b = ByteBuffer.allocate(20 + body.length);
        b.putShort((short) family).putShort((short) 0).putInt(3).putShort((short) arphrd)
                .put((byte) packetType).put((byte) 0).putLong(0).put(body);
        return b.array();
    }
}
