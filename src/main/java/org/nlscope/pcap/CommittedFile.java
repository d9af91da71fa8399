package org.nlscope.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A new file written front to back that can be cut back to its length at the last
 * {@link #commit()}, so a write that fails half way (a full disk) leaves no partial
 * block at the end. Truncating frees space, so it works on a full disk too.
 */
final class CommittedFile extends OutputStream {
    private final FileChannel channel;
    private long committed;

    CommittedFile(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Everything written so far ends on a block boundary and stays. */
    void commit() throws IOException {
        committed = channel.position();
    }

    /** Cuts the file back to the last commit; best effort, the caller already has the error that led here. */
    void rollBack() {
        try {
            channel.truncate(committed);
            channel.position(committed);
        } catch (IOException e) {
            // a file that cannot even be truncated keeps its partial block; readers stop at it
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
