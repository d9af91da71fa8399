package org.nlscope.pcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nlscope.model.Limits;
import org.nlscope.model.LinkType;

/** Classic libpcap: a 24-byte file header, then 16-byte record headers each followed by the frame. */
final class PcapParser implements FrameParser {

    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;

    private final ByteSource src;
    private final ByteOrder order;
    private final long nanosPerFraction;
    private final int linkType;
    private final long snapLength;

    /** True when the first four bytes are a pcap magic in either byte order. */
    static boolean isMagic(byte[] first4) {
        return orderOf(first4) != null;
    }

    PcapParser(ByteSource src) throws CaptureFileException {
        this.src = src;
        byte[] h = src.readExactly(FILE_HEADER_LENGTH, 0, "pcap file header");
        order = orderOf(h);
        if (order == null) {
            throw src.error("not a pcap or pcapng file", 0);
        }
        ByteBuffer b = ByteBuffer.wrap(h).order(order);
        nanosPerFraction = b.getInt(0) == MAGIC_NANOS ? 1 : 1000;
        // the upper bits of the link type field carry FCS flags, not the type
        linkType = b.getInt(20) & 0xffff;
        snapLength = Integer.toUnsignedLong(b.getInt(16));
        if (!LinkType.isSupported(linkType)) {
            throw src.error(unsupportedLinkType(linkType), 0);
        }
    }

    static String unsupportedLinkType(int linkType) {
        return "unsupported link type " + linkType + ", not NETLINK (253), LINUX_SLL (113) or LINUX_SLL2 (276)";
    }

    private static ByteOrder orderOf(byte[] h) {
        if (h.length < 4) {
            return null;
        }
        for (ByteOrder o : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            int magic = ByteBuffer.wrap(h, 0, 4).order(o).getInt();
            if (magic == MAGIC_MICROS || magic == MAGIC_NANOS) {
                return o;
            }
        }
        return null;
    }

    @Override
    public long snapLength() {
        return snapLength;
    }

    @Override
    public RawFrame next() throws CaptureFileException {
        long start = src.position();
        if (src.atEnd()) {
            return null;
        }
        ByteBuffer b = src.view(RECORD_HEADER_LENGTH, start, "packet record header").order(order);
        long seconds = Integer.toUnsignedLong(b.getInt(0));
        long fraction = Integer.toUnsignedLong(b.getInt(4));
        long capturedLength = Integer.toUnsignedLong(b.getInt(8));
        long originalLength = Integer.toUnsignedLong(b.getInt(12));
        if (capturedLength > Limits.MAX_RECORD_BYTES) {
            throw src.error("capture length " + capturedLength + " exceeds the limit of " + Limits.MAX_RECORD_BYTES, start);
        }
        byte[] data = src.readExactly((int) capturedLength, start, "packet record");
        // both terms are below 2^32 * 10^9 < 2^63: no overflow
        long nanos = seconds * 1_000_000_000L + fraction * nanosPerFraction;
        return new RawFrame(nanos, linkType, data, originalLength, null, start + RECORD_HEADER_LENGTH);
    }
}
