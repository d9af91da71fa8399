package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nlscope.decode.spec.Fixtures.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.MessageKind;

/** A genl family with a top-level fixed-header, written in JSON (spec/genl-fixed.json). */
class GenlFixedHeaderTest {
    private final SpecDissector d = Fixtures.single("spec/genl-fixed.json");

    @Test
    void everyMessageStartsWithTheFixedHeader() {
        assertEquals(DissectorKey.genl("fixedfam"), d.key());
        assertEquals(MessageKind.NEW, d.kind(1));
        byte[] body = Nla.bytes().u32(4).u16(1).zeros(2)
                .attrString(1, "x").attr(2, Nla.bytes().attrU64(1, 1_000_000_000_000L)).build();
        MessageBody b = Fixtures.decode(d, 1, true, body, 20);
        assertEquals(List.of(), b.problems());
        assertEquals("MODE_FAST", at(b, "fh_mode").valueName());
        assertEquals(1_000_000_000_000L, at(b, "FF_ATTR_DATA/FAST_RATE").value());
        assertEquals("x on 4 FAST", b.summary());
        assertEquals(20 + 8, b.attributes().get(0).offset());
    }

    @Test
    void aMessageTheFileDoesNotListStillHasTheFixedHeader() {
        MessageBody b = Fixtures.decode(d, 9, false, Nla.bytes().u32(0).u16(2).zeros(2).attrU32(1, 5).build(), 0);
        assertEquals("SLOW", at(b, "fh_mode").display());
        assertEquals("unknown(1)", b.attributes().get(0).label());
        assertEquals("", b.summary());
    }
}
