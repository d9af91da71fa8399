package org.nlscope.pcap;

import java.io.BufferedOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.nlscope.model.CaptureMetadata;
import org.nlscope.model.Frame;
import org.nlscope.model.Limits;

/**
 * Writes frames to a pcapng (default) or classic pcap file, timestamps in nanoseconds
 * and bytes exactly as given. Output is buffered; {@link #flush()} makes everything
 * written so far readable, so a live capture that flushes per ring block leaves a
 * readable file even when killed. One thread at a time: a writer is not synchronized.
 *
 * <p>The first failed write or flush (a full disk) ends the writer: a file is cut back
 * to the end of its last flush, so it reads cleanly to its last complete block and holds
 * {@link #framesKept()} frames; every later call throws the same exception.
 */
public final class CaptureWriter implements AutoCloseable, Flushable {

    /** The interface name pcapng files get when none is given. */
    public static final String DEFAULT_INTERFACE_NAME = "nlmon0";

    /** Large: a live capture under load flushes rarely, and each write(2) costs (much more in a VM) */
    private static final int BUFFER_SIZE = 1 << 20;

    private final OutputStream sink;
    private final OutputStream out;
    private final FormatWriter format;
    private IOException failure;
    private long frames;
    private long framesKept;
    private boolean closed;

    private CaptureWriter(OutputStream sink, OutputStream out, FormatWriter format) {
        this.sink = sink;
        this.out = out;
        this.format = format;
    }

    public static CaptureWriter create(Path file, CaptureFormat format) throws IOException {
        return create(file, format, DEFAULT_INTERFACE_NAME);
    }

    /** A new file; {@code interfaceName} goes into pcapng's if_name (pcap has no place for it). */
    public static CaptureWriter create(Path file, CaptureFormat format, String interfaceName) throws IOException {
        return create(file, format, interfaceName, List.of());
    }

    /** Writes to a stream, which {@link #close()} closes. */
    public static CaptureWriter create(OutputStream out, CaptureFormat format) throws IOException {
        return create(out, format, DEFAULT_INTERFACE_NAME);
    }

    public static CaptureWriter create(OutputStream out, CaptureFormat format, String interfaceName) throws IOException {
        return create(out, format, interfaceName, List.of());
    }

    /** A new file whose pcapng section header carries these comments (pcap has no place for them). */
    public static CaptureWriter create(Path file, CaptureFormat format, String interfaceName, List<String> sectionComments)
            throws IOException {
        return create(new CommittedFile(file), format, interfaceName, sectionComments);
    }

    public static CaptureWriter create(OutputStream out, CaptureFormat format, String interfaceName,
                                       List<String> sectionComments) throws IOException {
        return create(out, format, interfaceName, null, sectionComments);
    }

    /** As above, with pcapng's if_description on each interface (null for none). */
    public static CaptureWriter create(Path file, CaptureFormat format, String interfaceName, String interfaceDescription,
                                       List<String> sectionComments) throws IOException {
        return create(new CommittedFile(file), format, interfaceName, interfaceDescription, sectionComments);
    }

    public static CaptureWriter create(OutputStream out, CaptureFormat format, String interfaceName,
                                       String interfaceDescription, List<String> sectionComments) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER_SIZE);
        try {
            FormatWriter writer = format == CaptureFormat.PCAP
                    ? new PcapWriter(buffered)
                    : new PcapngWriter(buffered, interfaceName, interfaceDescription, List.copyOf(sectionComments));
            return new CaptureWriter(out, buffered, writer);
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    public void write(Frame frame) throws IOException {
        alive();
        try {
            format.write(frame);
            frames++;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * The snaplen the input declared (0 when none), before the first frame: a pcap file
     * declares the larger of it and {@link Limits#DEFAULT_SNAPLEN}, and cuts longer frames
     * to it, so libpcap and Wireshark read every record. pcapng needs none.
     */
    public void snapLength(long declared) {
        format.snapLength(declared);
    }

    /** Frames cut to the pcap snaplen so far (see {@link #snapLength}). */
    public long cutFrames() {
        return format.cutFrames();
    }

    /** pcapng: a custom block readers merge into {@link CaptureReader#metadata()}; pcap: not stored. */
    public void writeMetadata(CaptureMetadata metadata) throws IOException {
        alive();
        try {
            format.writeMetadata(metadata);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        alive();
        try {
            format.beforeFlush();
            out.flush();
            if (sink instanceof CommittedFile f) {
                f.commit();
            }
            framesKept = frames;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Frames that reached the output whole: those written before the last flush that worked. */
    public long framesKept() {
        return framesKept;
    }

    /** The write or flush that ended this writer, or null. */
    public IOException failure() {
        return failure;
    }

    /** Flushes and closes; a second call does nothing; after a failure, closes without writing anything more. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (failure != null) {
            sink.close(); // not through the buffer: what it holds would land after the cut
            return;
        }
        try (out) {
            flush();
        }
    }

    private void alive() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
            if (sink instanceof CommittedFile f) {
                f.rollBack();
            }
        }
        return e;
    }
}
