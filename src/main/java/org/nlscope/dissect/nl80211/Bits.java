package org.nlscope.dissect.nl80211;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/**
 * A capability field of 802.11 as a list of named subfields over its bits, numbered as the
 * standard numbers them (B0 is bit 0 of the first octet). A one-bit subfield shows by its
 * name when set; a wider one as NAME=value when not 0; a set bit no subfield names as bN.
 *
 * @param name  the subfield's name
 * @param first its first bit
 * @param width how many bits
 */
record Bits(String name, int first, int width) {

    static Bits bit(String name, int first) {
        return new Bits(name, first, 1);
    }

    static Bits field(String name, int first, int width) {
        return new Bits(name, first, width);
    }

    /** The value of bits [first, first + width) of the octets at offset (missing octets read as 0). */
    static long read(ByteView v, int offset, int length, int first, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            int bit = first + i;
            if (bit / 8 < length && (v.u8(offset + bit / 8) >> (bit % 8) & 1) != 0) {
                value |= 1L << i;
            }
        }
        return value;
    }

    /** The subfields that say something, joined by '|'; "0" when none does. */
    static String render(ByteView v, int offset, int length, List<Bits> table) {
        List<String> out = new ArrayList<>();
        boolean[] named = new boolean[length * 8];
        for (Bits b : table) {
            for (int i = b.first; i < b.first + b.width && i < named.length; i++) {
                named[i] = true;
            }
            long value = read(v, offset, length, b.first, b.width);
            if (value != 0) {
                out.add(b.width == 1 ? b.name : b.name + "=" + value);
            }
        }
        for (int bit = 0; bit < named.length; bit++) {
            if (!named[bit] && read(v, offset, length, bit, 1) != 0) {
                out.add("b" + bit);
            }
        }
        return out.isEmpty() ? "0" : String.join("|", out);
    }

    /** A member field of the octets: their hex as the value, the subfields as the display. */
    static Field member(String name, ByteView v, int offset, int length, List<Bits> table) {
        return Field.member(name, v.hex(offset, length), render(v, offset, length, table), offset, length);
    }
}
