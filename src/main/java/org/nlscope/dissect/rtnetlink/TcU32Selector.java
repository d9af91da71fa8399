package org.nlscope.dissect.rtnetlink;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * TCA_U32_SEL: struct tc_u32_sel followed by nkeys struct tc_u32_key, a flexible
 * array member sized by a member of the struct before it.
 */
public final class TcU32Selector implements ValueDecoder {

    @Override
    public String name() {
        return "tc-u32-sel";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        int selSize = decoding.structSize("tc-u32-sel");
        int keySize = decoding.structSize("tc-u32-key");
        List<Field> children = new ArrayList<>(decoding.struct("tc-u32-sel", payload));
        if (payload.length() < selSize) {
            return ValueDecoder.Result.ofChildren(children, "",
                    "tc_u32_sel needs " + selSize + " bytes, has " + payload.length());
        }
        int nkeys = payload.u8(payload.start() + 2);
        List<String> matches = new ArrayList<>();
        String problem = null;
        int pos = payload.start() + selSize;
        for (int i = 0; i < nkeys; i++, pos += keySize) {
            if (!payload.has(pos, keySize)) {
                problem = "nkeys is " + nkeys + " but only " + i + " keys fit";
                break;
            }
            List<Field> key = decoding.struct("tc-u32-key", payload.slice(pos, keySize));
            // "match 0a000001/ffffffff at 16", as tc shows a key
            String shown = "match " + hex(payload.u32be(pos + 4)) + "/" + hex(payload.u32be(pos)) + " at " + payload.s32(pos + 8);
            matches.add(shown);
            children.add(Field.parent("tc_u32_key", -1, shown, pos, keySize, false, key));
        }
        if (problem == null && pos < payload.end()) {
            problem = (payload.end() - pos) + " bytes after " + nkeys + " keys";
        }
        return ValueDecoder.Result.ofChildren(children, String.join(", ", matches), problem);
    }

    private static String hex(long v) {
        return String.format("%08x", v);
    }
}
