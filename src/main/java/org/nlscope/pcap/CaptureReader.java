package org.nlscope.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/**
 * Reads the netlink frames of a pcap or pcapng file or stream, lazily, one record or
 * block at a time, so files of any size stream through a small heap.
 *
 * <p>Frames of other link types, and cooked (SLL, SLL2) frames whose ARPHRD type is
 * not ARPHRD_NETLINK, are skipped and counted. Damage ends the read with a
 * {@link CaptureFileException} naming the offset; every frame before it comes out first.
 */
public final class CaptureReader implements AutoCloseable {

    private final ByteSource src;
    private final CaptureFormat format;
    private final FrameParser parser;
    private long skippedFrames;
    private CaptureFileException failure;
    private boolean ended;
    private long lastOffset = -1;

    private CaptureReader(ByteSource src, CaptureFormat format, FrameParser parser) {
        this.src = src;
        this.format = format;
        this.parser = parser;
    }

    /** Opens a file, telling pcap from pcapng by its first bytes. */
    public static CaptureReader open(Path file) throws CaptureFileException {
        String name = file.toString();
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new CaptureFileException(name, -1, "no such file");
        } catch (AccessDeniedException e) {
            throw new CaptureFileException(name, -1, "permission denied");
        } catch (IOException | RuntimeException e) {
            throw new CaptureFileException(name, -1, "cannot open: " + e.getMessage(), e);
        }
        return open(in, name);
    }

    /**
     * Reads from a stream, for example the stdout of a running tcpdump; blocks only as
     * long as it takes the stream to deliver the next record. The stream is closed by
     * {@link #close()}, and also here when its start is not a capture.
     */
    public static CaptureReader open(InputStream in, String sourceName) throws CaptureFileException {
        ByteSource src = new ByteSource(in, sourceName);
        try {
            byte[] magic = src.peek(4);
            if (magic.length == 0) {
                throw src.error("empty file, not a pcap or pcapng file", 0);
            }
            if (PcapParser.isMagic(magic)) {
                return new CaptureReader(src, CaptureFormat.PCAP, new PcapParser(src));
            }
            if (PcapngParser.isMagic(magic)) {
                return new CaptureReader(src, CaptureFormat.PCAPNG, new PcapngParser(src));
            }
            throw src.error("not a pcap or pcapng file", 0);
        } catch (CaptureFileException e) {
            closeQuietly(src);
            throw e;
        }
    }

    /** The next netlink frame, or null at the end; after an exception, the same exception again. */
    public Frame next() throws CaptureFileException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return null;
        }
        try {
            FrameParser.RawFrame raw;
            while ((raw = parser.next()) != null) {
                Frame frame = netlinkFrame(raw);
                if (frame != null) {
                    lastOffset = raw.dataOffset();
                    return frame;
                }
                skippedFrames++;
            }
            ended = true;
            return null;
        } catch (CaptureFileException e) {
            failure = e;
            throw e;
        }
    }

    private static Frame netlinkFrame(FrameParser.RawFrame raw) {
        if (!LinkType.isSupported(raw.linkType())) {
            return null;
        }
        CookedHeader cooked = CookedHeader.parse(raw.linkType(), raw.data());
        if (raw.linkType() != LinkType.NETLINK && cooked.arphrdType() != LinkType.ARPHRD_NETLINK) {
            return null;
        }
        // a writer that put the original length below the captured one is believed no further than the bytes
        int originalLength = (int) Math.min(Integer.MAX_VALUE, Math.max(raw.originalLength(), raw.data().length));
        return new Frame(raw.timestampNanos(), raw.linkType(), raw.data(), originalLength, cooked.packetType(), raw.comment());
    }

    /** Where the captured bytes of the frame {@link #next()} returned last start in the input, -1 before the first. */
    public long lastFrameOffset() {
        return lastOffset;
    }

    public CaptureFormat format() {
        return format;
    }

    /** The nlscope metadata blocks read so far, merged in file order. */
    public CaptureMetadata metadata() {
        return parser.metadata();
    }

    /**
     * The metadata entries read since the last call that say something new, or
     * {@link CaptureMetadata#EMPTY}: what a consumer adds before decoding the next frame.
     */
    public CaptureMetadata takeNewMetadata() {
        return parser.takeNewMetadata();
    }

    /** The largest snaplen the file declared so far (pcap header, pcapng interfaces read), 0 when none. */
    public long snapLength() {
        return parser.snapLength();
    }

    /** Frames read but not returned because they are not netlink. */
    public long skippedFrames() {
        return skippedFrames;
    }

    /** The comments of the section headers read so far, up to {@link org.nlscope.model.Limits#MAX_SECTION_COMMENT_BYTES}. */
    public List<String> sectionComments() {
        return List.copyOf(parser.sectionComments());
    }

    /** The source name given at open (the file name for files). */
    public String sourceName() {
        return src.name();
    }

    @Override
    public void close() {
        closeQuietly(src);
    }

    private static void closeQuietly(ByteSource src) {
        try {
            src.close();
        } catch (IOException e) {
            // nothing was being written: a failed close loses nothing
        }
    }
}
