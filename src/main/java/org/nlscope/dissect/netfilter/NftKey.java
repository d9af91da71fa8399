package org.nlscope.dissect.netfilter;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;

/**
 * A value of nftables data (NFTA_DATA_VALUE) as the parts it is made of: one typed value, or
 * for a concatenation ("ip saddr . tcp dport") several, each starting on a 4-byte register slot.
 */
final class NftKey {

    /** One part of a value: its type and how many bytes of its slots it fills. */
    record Part(NftValueType type, int length) {
    }

    private NftKey() {
    }

    /** Bytes rounded up to whole 4-byte register slots. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }

    /**
     * The parts of a value of a set's key or data type (NFTA_SET_KEY_TYPE's number) and length;
     * empty when the type is unknown, or a concatenation's parts do not add up to the length.
     */
    static List<Part> ofSetType(long typeNumber, int length) {
        List<NftDatatype> types = NftDatatype.unpack(typeNumber);
        if (types.size() == 1) {
            return List.of(new Part(NftValueType.of(types.get(0)), length));
        }
        List<Part> parts = new ArrayList<>();
        int covered = 0;
        for (NftDatatype t : types) {
            if (t.size() == 0) {
                return List.of(); // a part of any length: where it ends cannot be known
            }
            parts.add(new Part(NftValueType.of(t), t.size()));
            covered += padded(t.size());
        }
        return covered == length ? parts : List.of();
    }

    /** The value at [offset, offset + length) read as its parts, joined by " . "; null when a part does not read. */
    static String render(List<Part> parts, ByteView v, int offset, int length, SpecDecoding d) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            Part p = parts.get(0);
            return p.type().type().render(v, offset, length, p.type().bigEndian(), d);
        }
        StringBuilder b = new StringBuilder();
        int pos = offset;
        for (Part p : parts) {
            if (pos + p.length() > offset + length) {
                return null;
            }
            String s = p.type().type().render(v, pos, p.length(), p.type().bigEndian(), d);
            if (s == null) {
                return null;
            }
            b.append(b.length() == 0 ? "" : " . ").append(s);
            pos += padded(p.length());
        }
        return b.toString();
    }
}
