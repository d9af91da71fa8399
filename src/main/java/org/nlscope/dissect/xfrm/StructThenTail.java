package org.nlscope.dissect.xfrm;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * A struct ending in a flexible array member (xfrm_algo's alg_key[], xfrm_user_sec_ctx's
 * context string): the struct's members, then the rest of the payload as one more member.
 * The fixed part is data (the family's struct); only "the rest is the tail" needs code.
 */
abstract class StructThenTail implements ValueDecoder {
    private final String name;
    private final String struct;
    private final String tail;
    private final boolean text;

    /**
     * @param struct the family's struct that comes first
     * @param tail   the kernel's name of the flexible array member
     * @param text   true when the tail is a string (a security context), false for bytes
     */
    StructThenTail(String name, String struct, String tail, boolean text) {
        this.name = name;
        this.struct = struct;
        this.tail = tail;
        this.text = text;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Result decode(ByteView payload, SpecDecoding decoding) {
        int size = decoding.structSize(struct);
        List<Field> members = new ArrayList<>(decoding.struct(struct, payload));
        if (payload.length() < size) {
            return Result.ofChildren(members, decoding.structDisplay(members),
                    struct + " needs " + size + " bytes, found " + payload.length());
        }
        int start = payload.start() + size;
        int length = payload.end() - start;
        String value = text ? string(payload, start, length) : payload.hex(start, length);
        members.add(Field.member(tail, value, value, start, length));
        return Result.ofChildren(members, decoding.structDisplay(members), null);
    }

    private static String string(ByteView v, int offset, int length) {
        int end = offset;
        while (end < offset + length && v.u8(end) != 0) {
            end++;
        }
        return new String(v.data(), offset, end - offset, java.nio.charset.StandardCharsets.UTF_8);
    }
}
