package org.nlscope.pcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One pcapng block as read: its type, where it starts, and its body (after the type and
 * length words, before the trailing length), in the section's byte order, a view into
 * the input's buffer until the next block is read (what outlives it is copied out). Every read is
 * checked against the body, so a field that lies becomes a problem naming the block.
 */
final class Block {

    record Option(int code, byte[] value) {
        /** The value as UTF-8 text. */
        String text() {
            return Block.text(value);
        }
    }

    /** UTF-8 text without the NUL padding or terminator some writers add. */
    static String text(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    private final ByteSource src;
    private final long offset;
    private final int type;
    private final ByteBuffer body;

    /** @param body the body as a view that stays valid while the block is read (its position is 0) */
    Block(ByteSource src, long offset, int type, ByteBuffer body, ByteOrder order) {
        this.src = src;
        this.offset = offset;
        this.type = type;
        this.body = body.order(order);
    }

    int type() {
        return type;
    }

    long offset() {
        return offset;
    }

    /** Where byte {@code at} of the body is in the input (packet blocks: 8 bytes of type and length before the body). */
    long dataOffset(int at) {
        return offset + 8 + at;
    }

    int length() {
        return body.limit();
    }

    /** A problem found in this block, located at its start. */
    CaptureFileException damaged(String problem) {
        return src.error(problem + " in " + name() + " block", offset);
    }

    void require(int bytes) throws CaptureFileException {
        if (body.limit() < bytes) {
            throw damaged("body of " + body.limit() + " bytes too short for its " + bytes + "-byte header");
        }
    }

    int u16(int at) {
        return body.getShort(at) & 0xffff;
    }

    long u32(int at) {
        return Integer.toUnsignedLong(body.getInt(at));
    }

    long i64(int at) {
        return body.getLong(at);
    }

    /** The 64-bit timestamp stored as high and low 32-bit words. */
    long timestamp(int at) {
        return u32(at) << 32 | u32(at + 4);
    }

    /** Bytes [at, at + n) of the body, checked to fit. */
    byte[] bytes(int at, long n, String what) throws CaptureFileException {
        if (n > body.limit() - at) {
            throw damaged(what + " " + n + " runs past the end of the block");
        }
        byte[] b = new byte[(int) n];
        body.get(at, b);
        return b;
    }

    /** The options starting at {@code at}; ends at opt_endofopt or the end of the body. */
    List<Option> options(int at) throws CaptureFileException {
        List<Option> options = new ArrayList<>();
        int p = at;
        while (body.limit() - p >= 4) {
            int code = u16(p);
            int length = u16(p + 2);
            if (code == Pcapng.OPT_ENDOFOPT) {
                break;
            }
            if (length > body.limit() - p - 4) {
                throw damaged("option " + code + " of length " + length + " runs past the end of the block");
            }
            byte[] value = new byte[length];
            body.get(p + 4, value);
            options.add(new Option(code, value));
            p += 4 + Pcapng.padded(length);
        }
        return options;
    }

    private String name() {
        return switch (type) {
            case Pcapng.SECTION_HEADER -> "section header";
            case Pcapng.INTERFACE_DESCRIPTION -> "interface description";
            case Pcapng.PACKET -> "packet";
            case Pcapng.SIMPLE_PACKET -> "simple packet";
            case Pcapng.ENHANCED_PACKET -> "enhanced packet";
            case Pcapng.CUSTOM_COPYABLE, Pcapng.CUSTOM_NOT_COPYABLE -> "custom";
            default -> String.format("0x%08x", type);
        };
    }
}
