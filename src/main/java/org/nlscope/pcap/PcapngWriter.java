package org.nlscope.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.model.Limits;

/**
 * pcapng, little endian: one section header, an interface description per distinct
 * link type as frames arrive (nanosecond resolution), enhanced packet blocks, and the
 * nlscope metadata as a custom block.
 */
final class PcapngWriter implements FormatWriter {

    private static final byte TSRESOL_NANOS = 9;

    private final OutputStream out;
    private final String interfaceName;
    private final String interfaceDescription;
    /** Link type to interface id within our single section. */
    private final Map<Integer, Integer> interfaces = new HashMap<>();
    /** An enhanced packet block up to its packet data: type, length, interface, timestamp, lengths. */
    private final ByteBuffer packetHeader = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);

    /**
     * @param interfaceDescription if_description of each interface (what a scoped capture kept), or null
     * @param sectionComments      opt_comment options of the section header (Wireshark's capture file comments)
     */
    PcapngWriter(OutputStream out, String interfaceName, String interfaceDescription, List<String> sectionComments)
            throws IOException {
        this.out = out;
        this.interfaceName = interfaceName;
        this.interfaceDescription = interfaceDescription;
        writeSectionHeader(sectionComments);
    }

    @Override
    public void write(Frame frame) throws IOException {
        if (frame.capturedLength() > Limits.MAX_RECORD_BYTES) {
            // readers (ours among them) take a longer one for damage
            throw new IOException("frame of " + frame.capturedLength() + " bytes is longer than the limit of "
                    + Limits.MAX_RECORD_BYTES);
        }
        int id = interfaceFor(frame.linkType());
        long ts = frame.timestampNanos();
        if (ts < 0) {
            throw new IOException("timestamp " + ts + " ns is before 1970, which pcapng cannot hold");
        }
        byte[] comment = frame.comment() == null ? null : utf8Option(frame.comment());
        int optionsLength = comment == null ? 0 : 4 + Pcapng.padded(comment.length) + 4;
        int length = frame.capturedLength();
        int padded = Pcapng.padded(length);
        int total = 8 + 20 + padded + optionsLength + 4;
        // the frame's bytes go straight to the stream: a live capture writes every byte it
        // keeps through here, so no block-sized copy per frame
        ByteBuffer h = packetHeader.clear();
        h.putInt(Pcapng.ENHANCED_PACKET).putInt(total).putInt(id)
                .putInt((int) (ts >>> 32)).putInt((int) ts)
                .putInt(length)
                .putInt(frame.originalLength());
        out.write(h.array(), 0, h.position());
        out.write(frame.data(), 0, length);
        ByteBuffer t = ByteBuffer.allocate(padded - length + optionsLength + 4).order(ByteOrder.LITTLE_ENDIAN);
        t.position(padded - length);
        if (comment != null) {
            putOption(t, Pcapng.OPT_COMMENT, comment);
            t.putInt(Pcapng.OPT_ENDOFOPT);
        }
        t.putInt(total);
        out.write(t.array());
    }

    /**
     * Custom blocks: our Private Enterprise Number, then the metadata text, NUL-padded;
     * as many blocks as it takes to keep each within {@link Limits#MAX_RECORD_BYTES}
     * (readers merge them in file order).
     */
    @Override
    public void writeMetadata(CaptureMetadata metadata) throws IOException {
        String all = metadata.toText();
        if (all.length() < Limits.MAX_RECORD_BYTES / 4) {
            writeMetadataBlock(all.getBytes(StandardCharsets.UTF_8));
            return;
        }
        StringBuilder chunk = new StringBuilder(Pcapng.METADATA_MAGIC);
        for (String line : all.substring(Pcapng.METADATA_MAGIC.length()).split("\n")) {
            if ((long) 4 * (chunk.length() + line.length() + 1) > Limits.MAX_RECORD_BYTES - 8) {
                writeMetadataBlock(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(Pcapng.METADATA_MAGIC.length());
            }
            chunk.append(line).append('\n');
        }
        writeMetadataBlock(chunk.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void writeMetadataBlock(byte[] text) throws IOException {
        ByteBuffer b = block(Pcapng.CUSTOM_COPYABLE, 4 + Pcapng.padded(text.length));
        b.putInt(Pcapng.NLSCOPE_PEN);
        putPadded(b, text);
        finish(b);
    }

    @Override
    public void beforeFlush() {
        // the section header went out at creation, interfaces go out before their first frame
    }

    private void writeSectionHeader(List<String> comments) throws IOException {
        byte[] app = "nlscope".getBytes(StandardCharsets.UTF_8);
        List<byte[]> texts = new java.util.ArrayList<>();
        long total = 0;
        for (String c : comments) {
            byte[] t = utf8Option(c);
            total += 4 + t.length;
            if (total > Limits.MAX_RECORD_BYTES / 2) {
                break; // the header must stay a block readers accept
            }
            texts.add(t);
        }
        int commentsLength = texts.stream().mapToInt(t -> 4 + Pcapng.padded(t.length)).sum();
        ByteBuffer b = block(Pcapng.SECTION_HEADER, 16 + 4 + Pcapng.padded(app.length) + commentsLength + 4);
        b.putInt(Pcapng.BYTE_ORDER_MAGIC)
                .putShort((short) 1).putShort((short) 0) // version 1.0
                .putLong(-1); // section length not given: we stream
        for (byte[] t : texts) {
            putOption(b, Pcapng.OPT_COMMENT, t);
        }
        putOption(b, Pcapng.SHB_USERAPPL, app);
        b.putInt(Pcapng.OPT_ENDOFOPT);
        finish(b);
    }

    private int interfaceFor(int linkType) throws IOException {
        Integer id = interfaces.get(linkType);
        if (id != null) {
            return id;
        }
        byte[] name = utf8Option(interfaceName);
        byte[] description = interfaceDescription == null ? null : utf8Option(interfaceDescription);
        int descriptionLength = description == null ? 0 : 4 + Pcapng.padded(description.length);
        ByteBuffer b = block(Pcapng.INTERFACE_DESCRIPTION, 8 + 4 + Pcapng.padded(name.length) + descriptionLength + 4 + 4 + 4);
        b.putShort((short) linkType).putShort((short) 0)
                .putInt(0); // snap length 0: no limit
        putOption(b, Pcapng.IF_NAME, name);
        if (description != null) {
            putOption(b, Pcapng.IF_DESCRIPTION, description);
        }
        putOption(b, Pcapng.IF_TSRESOL, new byte[] {TSRESOL_NANOS});
        b.putInt(Pcapng.OPT_ENDOFOPT);
        finish(b);
        interfaces.put(linkType, interfaces.size());
        return interfaces.size() - 1;
    }

    /** A block buffer with its type and total length written, for a body of the given length. */
    private static ByteBuffer block(int type, int bodyLength) {
        int total = 8 + bodyLength + 4;
        return ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(total);
    }

    private void finish(ByteBuffer b) throws IOException {
        b.putInt(b.capacity());
        out.write(b.array());
    }

    private static void putOption(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length);
        putPadded(b, value);
    }

    private static void putPadded(ByteBuffer b, byte[] value) {
        b.put(value);
        b.position(b.position() + Pcapng.padded(value.length) - value.length);
    }

    /** UTF-8 bytes cut to the 65535 bytes an option can hold, at a character boundary: one encoding, one cut. */
    static byte[] utf8Option(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length <= Limits.MAX_OPTION_BYTES) {
            return b;
        }
        int cut = Limits.MAX_OPTION_BYTES;
        while (cut > 0 && (b[cut] & 0xc0) == 0x80) {
            cut--; // b[cut] continues a character: the cut moves to that character's start
        }
        return java.util.Arrays.copyOf(b, cut);
    }
}
