package org.nlscope.pcap;

/**
 * A capture file that cannot be read (further). The message is one line meant for the
 * user: {@code "<source>: <problem> at offset <n>"}, or without the offset when the
 * problem has no place in the file (it cannot be opened, say).
 *
 * <p>The offset is where the damaged structure starts: the file header, the packet
 * record or the pcapng block in which the problem was found.
 */
public final class CaptureFileException extends Exception {

    private final String source;
    private final long offset;
    private final String problem;

    public CaptureFileException(String source, long offset, String problem) {
        this(source, offset, problem, null);
    }

    public CaptureFileException(String source, long offset, String problem, Throwable cause) {
        super(source + ": " + problem + (offset >= 0 ? " at offset " + offset : ""), cause);
        this.source = source;
        this.offset = offset;
        this.problem = problem;
    }

    /** The file name, or whatever names the stream (for example "tcpdump stdout"). */
    public String source() {
        return source;
    }

    /** Byte offset of the damaged structure in the file, or -1 when none applies. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the source and offset. */
    public String problem() {
        return problem;
    }
}
