package org.nlscope.pcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Limits;
import org.nlscope.model.LinkType;

/**
 * pcapng, block by block: sections (each with its own byte order and interfaces),
 * interface descriptions, enhanced, simple and obsolete packet blocks, and nlscope's
 * metadata custom block. Other blocks are skipped.
 */
final class PcapngParser implements FrameParser {

    /** What an interface description said; frames refer to it by index within the section. */
    private record Interface(int linkType, long snapLength, TimestampResolution resolution, long offsetSeconds) {
    }

    private final ByteSource src;
    private final List<Interface> interfaces = new ArrayList<>();
    private final List<String> sectionComments = new ArrayList<>();
    private final CaptureMetadata.Accumulator metadata = new CaptureMetadata.Accumulator();
    /** What was new since the last {@link #takeNewMetadata()}: callers apply deltas, never the whole again. */
    private CaptureMetadata.Accumulator newMetadata = new CaptureMetadata.Accumulator();
    private long sectionCommentChars;
    private long declaredSnapLength;
    private ByteOrder order;
    private boolean anySupportedInterface;
    /** The first interface of a link type not read, as the error to throw when no interface is of one read; or null. */
    private CaptureFileException firstUnsupportedInterface;

    static boolean isMagic(byte[] first4) {
        return first4.length == 4 && ByteBuffer.wrap(first4).getInt() == Pcapng.SECTION_HEADER;
    }

    PcapngParser(ByteSource src) {
        this.src = src;
    }

    @Override
    public CaptureMetadata metadata() {
        return metadata.snapshot();
    }

    @Override
    public long snapLength() {
        return declaredSnapLength;
    }

    @Override
    public CaptureMetadata takeNewMetadata() {
        CaptureMetadata taken = newMetadata.snapshot();
        if (!taken.isEmpty()) {
            newMetadata = new CaptureMetadata.Accumulator();
        }
        return taken;
    }

    @Override
    public List<String> sectionComments() {
        return Collections.unmodifiableList(sectionComments);
    }

    @Override
    public RawFrame next() throws CaptureFileException {
        Block block;
        while ((block = nextBlock()) != null) {
            RawFrame frame = switch (block.type()) {
                case Pcapng.SECTION_HEADER -> startSection(block);
                case Pcapng.INTERFACE_DESCRIPTION -> addInterface(block);
                case Pcapng.ENHANCED_PACKET -> enhancedPacket(block);
                case Pcapng.SIMPLE_PACKET -> simplePacket(block);
                case Pcapng.PACKET -> obsoletePacket(block);
                case Pcapng.CUSTOM_COPYABLE, Pcapng.CUSTOM_NOT_COPYABLE -> custom(block);
                default -> null;
            };
            if (frame != null) {
                return frame;
            }
        }
        if (!anySupportedInterface && firstUnsupportedInterface != null) {
            throw firstUnsupportedInterface;
        }
        return null;
    }

    /**
     * The next whole block, checking both its length words; null at a clean end. Its body
     * is a view into the input's buffer, valid until the next block is read: only a frame's
     * captured bytes are copied, once, into the frame.
     */
    private Block nextBlock() throws CaptureFileException {
        long start = src.position();
        if (src.atEnd()) {
            return null;
        }
        ByteBuffer head = src.view(8, start, "block header");
        // the section header's type reads the same in both byte orders
        int type = head.getInt(0);
        int rawLength = head.getInt(4);
        if (type == Pcapng.SECTION_HEADER) {
            order = sectionOrder(src.view(4, start, "section header block"), start);
        } else if (order == null) {
            throw src.error("not a pcap or pcapng file", start);
        } else {
            type = head.order(order).getInt(0);
        }
        long length = Integer.toUnsignedLong(order == ByteOrder.BIG_ENDIAN ? rawLength : Integer.reverseBytes(rawLength));
        int headLength = type == Pcapng.SECTION_HEADER ? 12 : 8;
        if (length < headLength + 4 || length % 4 != 0) {
            throw src.error("bad block length " + length, start);
        }
        if (length > Limits.MAX_BLOCK_BYTES) {
            throw src.error("block length " + length + " exceeds the limit of " + Limits.MAX_BLOCK_BYTES, start);
        }
        ByteBuffer rest = src.view((int) length - headLength, start, "block").order(order);
        long trailer = Integer.toUnsignedLong(rest.getInt(rest.limit() - 4));
        if (trailer != length) {
            throw src.error("block length mismatch: " + length + " at the start, " + trailer + " at the end", start);
        }
        // a section header's body starts after its byte-order magic, at the version
        return new Block(src, start, type, rest.limit(rest.limit() - 4), order);
    }

    private ByteOrder sectionOrder(ByteBuffer bom, long start) throws CaptureFileException {
        for (ByteOrder o : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            if (bom.order(o).getInt(0) == Pcapng.BYTE_ORDER_MAGIC) {
                return o;
            }
        }
        throw src.error("bad byte-order magic in section header block", start);
    }

    private RawFrame startSection(Block shb) throws CaptureFileException {
        shb.require(12);
        int major = shb.u16(0);
        int minor = shb.u16(2);
        if (major != 1) {
            throw shb.damaged("unsupported pcapng version " + major + "." + minor);
        }
        interfaces.clear();
        for (Block.Option o : shb.options(12)) {
            // kept up to a limit: a file of many sections must not grow the heap with it
            if (o.code() == Pcapng.OPT_COMMENT && sectionCommentChars + o.value().length <= Limits.MAX_SECTION_COMMENT_BYTES) {
                sectionCommentChars += o.value().length;
                sectionComments.add(o.text());
            }
        }
        return null;
    }

    private RawFrame addInterface(Block idb) throws CaptureFileException {
        idb.require(8);
        int linkType = idb.u16(0);
        long snapLength = idb.u32(4);
        TimestampResolution resolution = TimestampResolution.MICROS;
        long offsetSeconds = 0;
        for (Block.Option o : idb.options(8)) {
            if (o.code() == Pcapng.IF_TSRESOL && o.value().length >= 1) {
                resolution = TimestampResolution.fromOption(o.value()[0] & 0xff);
            } else if (o.code() == Pcapng.IF_TSOFFSET && o.value().length >= 8) {
                offsetSeconds = ByteBuffer.wrap(o.value()).order(order).getLong();
            }
        }
        interfaces.add(new Interface(linkType, snapLength, resolution, offsetSeconds));
        declaredSnapLength = Math.max(declaredSnapLength, snapLength);
        if (LinkType.isSupported(linkType)) {
            anySupportedInterface = true;
        } else if (firstUnsupportedInterface == null) {
            firstUnsupportedInterface = src.error(PcapParser.unsupportedLinkType(linkType), idb.offset());
        }
        return null;
    }

    private RawFrame enhancedPacket(Block epb) throws CaptureFileException {
        epb.require(20);
        Interface in = interfaceAt(epb, epb.u32(0));
        return packet(epb, in, epb.timestamp(4), epb.u32(12), epb.u32(16), 20);
    }

    private RawFrame obsoletePacket(Block pb) throws CaptureFileException {
        pb.require(20);
        Interface in = interfaceAt(pb, pb.u16(0));
        return packet(pb, in, pb.timestamp(4), pb.u32(12), pb.u32(16), 20);
    }

    private RawFrame packet(Block b, Interface in, long units, long capturedLength, long originalLength, int dataAt)
            throws CaptureFileException {
        if (capturedLength > Limits.MAX_RECORD_BYTES) {
            throw b.damaged("captured length " + capturedLength + " exceeds the limit of " + Limits.MAX_RECORD_BYTES);
        }
        byte[] data = b.bytes(dataAt, capturedLength, "captured length");
        String comment = null;
        for (Block.Option o : b.options(dataAt + Pcapng.padded(data.length))) {
            if (o.code() == Pcapng.OPT_COMMENT) {
                comment = comment == null ? o.text() : comment + "\n" + o.text();
            }
        }
        return new RawFrame(nanos(b, in, units), in.linkType(), data, originalLength, comment, b.dataOffset(dataAt));
    }

    /** A simple packet has no timestamp (it reads as 0) and belongs to the section's first interface. */
    private RawFrame simplePacket(Block spb) throws CaptureFileException {
        spb.require(4);
        if (interfaces.isEmpty()) {
            throw spb.damaged("no interface for the packet");
        }
        Interface in = interfaces.get(0);
        long originalLength = spb.u32(0);
        long capturedLength = Math.min(originalLength, spb.length() - 4);
        if (in.snapLength() > 0) {
            capturedLength = Math.min(capturedLength, in.snapLength());
        }
        return new RawFrame(0, in.linkType(), spb.bytes(4, capturedLength, "captured length"), originalLength, null,
                spb.dataOffset(4));
    }

    private RawFrame custom(Block cb) throws CaptureFileException {
        if (cb.length() < 4 || cb.u32(0) != Pcapng.NLSCOPE_PEN) {
            return null;
        }
        String text = Block.text(cb.bytes(4, cb.length() - 4, "payload"));
        if (text.startsWith(Pcapng.METADATA_MAGIC)) {
            newMetadata.add(metadata.add(CaptureMetadata.parse(text)));
        }
        return null;
    }

    private Interface interfaceAt(Block b, long id) throws CaptureFileException {
        if (id >= interfaces.size()) {
            throw b.damaged("interface " + id + " not described in this section");
        }
        return interfaces.get((int) id);
    }

    private long nanos(Block b, Interface in, long units) throws CaptureFileException {
        try {
            return Math.addExact(in.resolution().toNanos(units), Math.multiplyExact(in.offsetSeconds(), 1_000_000_000L));
        } catch (ArithmeticException e) {
            throw b.damaged("timestamp out of range");
        }
    }
}
