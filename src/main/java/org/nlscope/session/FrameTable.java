package org.nlscope.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nlscope.decode.DecodeContext;
import org.nlscope.model.Direction;
import org.nlscope.model.Frame;

/**
 * The frames of a store as primitive columns. A frame read from a file keeps only where its
 * bytes are in that file and reads them again when asked, so a file of any size costs some
 * thirty bytes a frame; a frame that came from no file (a live capture, a replay) keeps its
 * bytes. Decode contexts are kept where they change, not per frame.
 *
 * <p>One writer appends; readers read frames below a count the store published after writing
 * them, without a lock (as {@link RowTable}: volatile columns, replaced when they grow).
 */
final class FrameTable implements AutoCloseable {
    private static final Direction[] DIRECTIONS = Direction.values();

    private final Path file;
    private FileChannel channel;
    private volatile Frame[] inMemory = new Frame[256];
    private volatile long[] offset = new long[256];
    private volatile long[] time = new long[256];
    private volatile int[] captured = new int[256];
    private volatile int[] original = new int[256];
    private volatile int[] firstRow = new int[256];
    private volatile char[] linkType = new char[256];
    private volatile byte[] packetType = new byte[256];
    private volatile byte[] family = new byte[256];
    private volatile byte[] direction = new byte[256];
    private final Map<Integer, String> comments = new ConcurrentHashMap<>();
    private int size;
    // the context frames [contextFrom[i], contextFrom[i + 1]) decode with
    private volatile int[] contextFrom = new int[16];
    private volatile DecodeContext[] contextOf = new DecodeContext[16];
    private volatile int contexts;

    /** @param file the file frames appended with an offset are read back from, or null */
    FrameTable(Path file) {
        this.file = file;
    }

    int size() {
        return size;
    }

    /** Appends frame {@code size() + 1}; with {@code fileOffset >= 0} only its place in the file is kept. */
    void add(Frame f, long fileOffset, DecodeContext context, int first, FrameIndexer.Facts facts) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        boolean fromFile = file != null && fileOffset >= 0;
        inMemory[i] = fromFile ? null : f;
        offset[i] = fileOffset;
        time[i] = f.timestampNanos();
        captured[i] = f.capturedLength();
        original[i] = f.originalLength();
        firstRow[i] = first;
        linkType[i] = (char) f.linkType();
        packetType[i] = (byte) f.packetType();
        family[i] = (byte) facts.family();
        direction[i] = (byte) (facts.direction().ordinal() | (facts.inferred() ? 0x80 : 0));
        if (fromFile && f.comment() != null) {
            comments.put(i, f.comment());
        }
        if (contexts == 0 || contextOf[contexts - 1] != context) {
            if (contexts == contextFrom.length) {
                contextFrom = Arrays.copyOf(contextFrom, contexts * 2);
                contextOf = Arrays.copyOf(contextOf, contexts * 2);
            }
            int c = contexts;
            contextFrom[c] = i;
            contextOf[c] = context;
            contexts = c + 1; // last: a reader that sees the count sees the entry
        }
    }

    /** The frame at 0-based index i, its bytes read back from the file when they are not kept. */
    Frame frame(int i) {
        Frame f = inMemory[i];
        return f != null ? f : new Frame(time[i], linkType[i], read(offset[i], captured[i]), original[i],
                packetType[i], comments.get(i));
    }

    DecodeContext context(int i) {
        int lo = 0;
        int hi = contexts - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (contextFrom[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return contextOf[lo];
    }

    long time(int i) {
        return time[i];
    }

    int capturedLength(int i) {
        return captured[i];
    }

    int firstRow(int i) {
        return firstRow[i];
    }

    int family(int i) {
        return family[i];
    }

    Direction direction(int i) {
        return DIRECTIONS[direction[i] & 0x7f];
    }

    boolean directionInferred(int i) {
        return (direction[i] & 0x80) != 0;
    }

    /** The bytes at [at, at + n) of the file; fewer when it was cut since (a frame then reads as damaged). */
    private synchronized byte[] read(long at, int n) {
        ByteBuffer b = ByteBuffer.allocate(n);
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            while (b.hasRemaining() && channel.read(b, at + b.position()) > 0) {
                // positional reads: the channel is shared by every reader
            }
        } catch (IOException e) {
            // the file went away under us: what was read stands, the decode names the rest missing
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * Opens the file now, so that a later replacement of it (Save over it) leaves these bytes
     * readable; when it cannot be opened, frames are read later or decode as damaged.
     */
    synchronized void openFile() {
        if (file != null && channel == null) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                channel = null;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // only read from: nothing is lost
            }
            channel = null;
        }
    }

    private void grow() {
        int cap = time.length * 2;
        inMemory = Arrays.copyOf(inMemory, cap);
        offset = Arrays.copyOf(offset, cap);
        time = Arrays.copyOf(time, cap);
        captured = Arrays.copyOf(captured, cap);
        original = Arrays.copyOf(original, cap);
        firstRow = Arrays.copyOf(firstRow, cap);
        linkType = Arrays.copyOf(linkType, cap);
        packetType = Arrays.copyOf(packetType, cap);
        family = Arrays.copyOf(family, cap);
        direction = Arrays.copyOf(direction, cap);
    }
}
