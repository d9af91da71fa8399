package org.nlscope.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.model.Limits;
import org.nlscope.model.LinkType;

/**
 * Classic pcap with the nanosecond magic, little endian. The file header names one link
 * type and the snaplen, so it waits for the first frame (or a flush, which settles on
 * NETLINK); frames longer than the snaplen are cut to it.
 */
final class PcapWriter implements FormatWriter {

    private final OutputStream out;
    private int linkType = -1;
    private int snapLength = Limits.DEFAULT_SNAPLEN;
    private long cutFrames;

    PcapWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void snapLength(long declared) {
        if (linkType < 0) {
            snapLength = (int) Math.min(Limits.MAX_RECORD_BYTES, Math.max(Limits.DEFAULT_SNAPLEN, declared));
        }
    }

    @Override
    public long cutFrames() {
        return cutFrames;
    }

    @Override
    public void write(Frame frame) throws IOException {
        if (frame.capturedLength() > snapLength) {
            // a record longer than the header's snaplen is damage to libpcap and Wireshark:
            // cut it as a capture with this snaplen would have, its original length kept
            frame = new Frame(frame.timestampNanos(), frame.linkType(), Arrays.copyOf(frame.data(), snapLength),
                    frame.originalLength(), frame.packetType(), frame.comment());
            cutFrames++;
        }
        if (linkType < 0) {
            writeHeader(frame.linkType());
        } else if (frame.linkType() != linkType) {
            throw new IOException("a pcap file holds one link type: this one is " + LinkType.name(linkType)
                    + ", the frame is " + LinkType.name(frame.linkType()) + " (write pcapng instead)");
        }
        long ts = frame.timestampNanos();
        long seconds = Math.floorDiv(ts, 1_000_000_000L);
        if (seconds < 0 || seconds > 0xffffffffL) {
            throw new IOException("timestamp " + ts + " ns does not fit a pcap record");
        }
        ByteBuffer h = ByteBuffer.allocate(PcapParser.RECORD_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt((int) seconds)
                .putInt((int) Math.floorMod(ts, 1_000_000_000L))
                .putInt(frame.capturedLength())
                .putInt(frame.originalLength());
        out.write(h.array());
        out.write(frame.data());
    }

    /** Classic pcap has no place for it. */
    @Override
    public void writeMetadata(CaptureMetadata metadata) {
    }

    @Override
    public void beforeFlush() throws IOException {
        if (linkType < 0) {
            writeHeader(LinkType.NETLINK);
        }
    }

    private void writeHeader(int type) throws IOException {
        linkType = type;
        ByteBuffer h = ByteBuffer.allocate(PcapParser.FILE_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(PcapParser.MAGIC_NANOS)
                .putShort((short) 2).putShort((short) 4) // version 2.4
                .putInt(0) // thiszone: timestamps are UTC
                .putInt(0) // sigfigs
                .putInt(snapLength)
                .putInt(type);
        out.write(h.array());
    }
}
