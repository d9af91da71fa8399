package org.nlscope.decode.spec;

import java.math.BigInteger;
import java.util.List;
import org.nlscope.model.Field;

/**
 * How an integer field reads, worked out when it is shown: its enum's or flags' names, else
 * its display hint. One per integer attribute or member and size, made when the files are
 * compiled, shared by every field it renders.
 */
final class IntRendering implements Field.Rendering {
    private final EnumDef en;
    private final Display display;
    private final int size;
    private final boolean bigEndian;

    private IntRendering(EnumDef en, Display display, int size, boolean bigEndian) {
        this.en = en;
        this.display = display;
        this.size = size;
        this.bigEndian = bigEndian;
    }

    /**
     * The renderings of one integer spec, by size (1, 2, 4, 8) and byte order: an attribute's
     * byte order may come from its NLA_F_NET_BYTEORDER bit, and uint takes 4 or 8 bytes.
     */
    static final class Sizes {
        private final IntRendering[] bySizeAndOrder = new IntRendering[8];

        Sizes(EnumDef en, Display display) {
            for (int i = 0; i < 4; i++) {
                bySizeAndOrder[2 * i] = new IntRendering(en, display, 1 << i, false);
                bySizeAndOrder[2 * i + 1] = new IntRendering(en, display, 1 << i, true);
            }
        }

        IntRendering of(int size, boolean bigEndian) {
            return bySizeAndOrder[2 * Integer.numberOfTrailingZeros(size) + (bigEndian ? 1 : 0)];
        }
    }

    @Override
    public String display(Field f) {
        Object value = f.value();
        long n = ((Number) value).longValue();
        if (en != null) {
            return en.isFlags() ? en.flagDisplay(n) : en.display(n);
        }
        if (display == null) {
            return value.toString();
        }
        return switch (display) {
            case HEX, HEX_INT -> "0x" + (value instanceof BigInteger b ? b.toString(16)
                    : Long.toHexString(size == 8 ? n : n & (-1L >>> (64 - size * 8))));
            case ERRNO -> Values.errno(n);
            case PROTO -> IpProtocols.display(n);
            case IPV4 -> Values.ipv4(inMemoryOrder(n));
            case TC_HANDLE -> Values.tcHandle(n);
            case PSCHED_TICKS -> Values.duration(n * Values.PSCHED_NS_PER_TICK);
            case PERCENT32 -> Values.percent32(n);
            case LIFETIME -> (n & 0xffffffffL) == Values.INFINITY_LIFE_TIME ? "forever" : n + "sec";
            default -> value.toString();
        };
    }

    /** The four bytes of a u32 as they were in the frame, first byte highest (an IPv4 address in a u32). */
    private int inMemoryOrder(long n) {
        return bigEndian ? (int) n : Integer.reverseBytes((int) n);
    }

    @Override
    public String valueName(Field f) {
        return en == null || en.isFlags() ? null : en.nameOf(((Number) f.value()).longValue());
    }

    @Override
    public List<String> valueNames(Field f) {
        return en != null && en.isFlags() ? en.flagNames(((Number) f.value()).longValue()) : List.of();
    }
}
