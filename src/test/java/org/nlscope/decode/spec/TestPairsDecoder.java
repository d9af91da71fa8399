package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/**
 * A value decoder shaped like rtnexthop-list: entries of {u16 len, u16 pad, point}
 * followed by attributes of the family's "kind-a" set, each entry len bytes long.
 */
public final class TestPairsDecoder implements ValueDecoder {
    @Override
    public String name() {
        return "test-pairs";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        List<Field> entries = new ArrayList<>();
        int pos = payload.start();
        while (pos + 4 <= payload.end()) {
            int len = payload.u16(pos);
            if (len < 4 + decoding.structSize("point") || pos + len > payload.end()) {
                return Result.ofChildren(entries, entries.size() + " entries", "entry at offset " + pos
                        + " has length " + len);
            }
            List<Field> children = new ArrayList<>(decoding.struct("point", payload.slice(pos + 4, 4)));
            SpecDecoding.Attributes attrs = decoding.attributes("kind-a", payload.slice(pos + 8, len - 8));
            children.addAll(attrs.fields());
            Field pair = Field.parent("pair", -1, decoding.structDisplay(children), pos, len, false, children);
            entries.add(attrs.problem() == null ? pair : pair.withProblem(attrs.problem()));
            pos += len;
        }
        return Result.ofChildren(entries, entries.size() + " entries", null);
    }
}
