package org.nlscope.decode;

import java.math.BigInteger;
import java.util.List;
import org.nlscope.model.Field;

/** Builds fields for the few attributes the engine decodes itself (extended ACK, policies). */
final class Fields {
    private Fields() {
    }

    /** An unsigned (or signed) integer attribute of exactly size bytes; a wrong size keeps the hex and says so. */
    static Field integer(String name, NlAttr a, ByteView w, int size, boolean signed, boolean hexDisplay) {
        if (a.payloadLength() != size) {
            return wrongSize(name, a, w, size);
        }
        int p = a.payloadOffset();
        Object value;
        if (size == 8) {
            long raw = w.u64(p);
            value = signed || raw >= 0 ? (Object) raw : new BigInteger(Long.toUnsignedString(raw));
        } else {
            long raw = size == 4 ? w.u32(p) : size == 2 ? w.u16(p) : w.u8(p);
            value = signed ? (long) (size == 4 ? (int) raw : size == 2 ? (short) raw : (byte) raw) : raw;
        }
        String display = hexDisplay ? "0x" + (value instanceof BigInteger b ? b.toString(16) : Long.toHexString((Long) value))
                : value.toString();
        return attr(name, a, value, null, display, null);
    }

    static Field string(String name, NlAttr a, ByteView w) {
        byte[] b = w.bytes(a.payloadOffset(), a.payloadLength());
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        String s = new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        return attr(name, a, s, null, s, null);
    }

    static Field hex(String name, NlAttr a, ByteView w) {
        ByteView p = a.payload(w);
        String hex = RawAttributes.hex(p);
        return attr(name, a, hex, null, RawAttributes.display(p, hex), null);
    }

    static Field attr(String name, NlAttr a, Object value, String valueName, String display, String problem) {
        Field f = Field.value(name, a.type(), value, display, a.offset(), a.length());
        f = valueName == null ? f : f.withValueName(valueName);
        return problem == null ? f : f.withProblem(problem);
    }

    static Field wrongSize(String name, NlAttr a, ByteView w, int size) {
        ByteView p = a.payload(w);
        String problem = name + " at offset " + a.offset() + " has " + a.payloadLength() + " bytes, expected " + size;
        return attr(name, a, RawAttributes.hex(p), null, RawAttributes.display(p), problem);
    }
}
