package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.decode.spec.Fixtures.at;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.MessageKind;
import org.nlscope.model.Field;

/** Every attribute type and its edges, on spec/types.yaml, with bodies placed at offset 20 of a frame. */
class InterpreterTest {
    private static final int AT = 20;
    private final SpecDissector d = Fixtures.single("spec/types.yaml");

    /** T_MSG: the 8-byte hdr (kind, 3 pad, id) then the attributes. */
    private MessageBody msg(Nla attributes) {
        byte[] body = Nla.bytes().u8(1).zeros(3).u32(-5).raw(attributes.build()).build();
        return Fixtures.decode(d, 16, true, body, AT);
    }

    private Field one(Nla attributes) {
        MessageBody b = msg(attributes);
        assertEquals(1, b.attributes().size(), () -> b.toString());
        return b.attributes().get(0);
    }

    @Test
    void fixedHeaderMembersSkipPadAndNameEnums() {
        MessageBody b = msg(Nla.bytes());
        assertEquals(2, b.fixedHeader().size());
        Field kind = b.fixedHeader().get(0);
        assertEquals("h_kind", kind.name());
        assertEquals(-1, kind.type());
        assertEquals(1L, kind.value());
        assertEquals("COLOUR_GREEN", kind.valueName());
        assertEquals("GREEN", kind.display());
        assertEquals(AT, kind.offset());
        Field id = b.fixedHeader().get(1);
        assertEquals(-5L, id.value());
        assertEquals(AT + 4, id.offset());
        assertEquals(4, id.length());
        assertTrue(b.problems().isEmpty());
    }

    @Test
    void unsignedAndSignedIntegers() {
        MessageBody b = msg(Nla.bytes().attrU8(1, 0xff).attrU16(2, 0xfffe).attrU32(3, 0xfffffffdL)
                .attrU64(4, 0x7fffffffffffffffL).attrU8(5, 0xff).attrU16(6, 0x8000).attrU32(7, -2)
                .attrU64(8, -3));
        assertEquals(255L, at(b, "T_U8").value());
        assertEquals(65534L, at(b, "T_U16").value());
        assertEquals(4294967293L, at(b, "T_U32").value());
        assertEquals(Long.MAX_VALUE, at(b, "T_U64").value());
        assertEquals(-1L, at(b, "T_S8").value());
        assertEquals(-32768L, at(b, "T_S16").value());
        assertEquals(-2L, at(b, "T_S32").value());
        assertEquals(-3L, at(b, "T_S64").value());
        assertEquals("-3", at(b, "T_S64").display());
        assertTrue(b.problems().isEmpty(), b.problems()::toString);
    }

    @Test
    void u64AboveLongMaxIsBigInteger() {
        Field f = one(Nla.bytes().attrU64(4, -1L));
        assertEquals(new BigInteger("18446744073709551615"), f.value());
        assertEquals("18446744073709551615", f.display());
    }

    @Test
    void uintAndSintTakeFourOrEightBytes() {
        MessageBody b = msg(Nla.bytes().attrU32(9, 7).attrU64(10, -9));
        assertEquals(7L, at(b, "T_UINT").value());
        assertEquals(-9L, at(b, "T_SINT").value());
        Field odd = one(Nla.bytes().attr(9, Nla.bytes().u16(1)));
        assertEquals("a uint needs 4 or 8 bytes, found 2", odd.problem());
        assertEquals("0100", odd.value());
    }

    @Test
    void wrongSizeIntegerIsAProblemAndDecodingContinues() {
        MessageBody b = msg(Nla.bytes().attr(3, Nla.bytes().u16(0x1234)).attrU32(3, 9));
        Field shortOne = b.attributes().get(0);
        assertEquals("T_U32", shortOne.name());
        assertEquals("3412", shortOne.value());
        assertEquals("a u32 needs 4 bytes, found 2", shortOne.problem());
        assertEquals(9L, b.attributes().get(1).value());
        assertEquals(List.of("T_U32: a u32 needs 4 bytes, found 2"), b.problems());
        Field longOne = one(Nla.bytes().attr(3, Nla.bytes().u32(5).u32(6)));
        assertEquals(5L, longOne.value());
        assertEquals("a u32 has 4 bytes, found 8", longOne.problem());
    }

    @Test
    void stringStopsAtNulAndBinaryIsLowercaseHex() {
        MessageBody b = msg(Nla.bytes().attrString(11, "eth0").attr(12, Nla.bytes().hex("DEADbeef01")));
        Field s = at(b, "T_STRING");
        assertEquals("eth0", s.value());
        assertEquals(AT + 8, s.offset());
        assertEquals(9, s.length());
        assertEquals("deadbeef01", at(b, "T_BINARY").value());
        assertEquals("deadbeef01", at(b, "T_BINARY").display());
    }

    @Test
    void flagIsTrueAndAPayloadIsAProblem() {
        Field f = one(Nla.bytes().flag(13));
        assertEquals(Boolean.TRUE, f.value());
        assertNull(f.problem());
        Field bad = one(Nla.bytes().attrU32(13, 1));
        assertEquals(Boolean.TRUE, bad.value());
        assertEquals("a flag has no payload, found 4 bytes", bad.problem());
    }

    @Test
    void nestHasChildrenWithAbsoluteOffsets() {
        Field n = one(Nla.bytes().nest(14, Nla.bytes().attrString(1, "x").attrU32(2, 3)));
        assertTrue(n.nested());
        assertNull(n.value());
        assertEquals(14, n.type());
        assertEquals(2, n.children().size());
        assertEquals("I_NAME", n.children().get(0).name());
        assertEquals(AT + 8 + 4, n.children().get(0).offset());
        assertEquals(AT + 8 + 4 + 8, n.children().get(1).offset());
        assertEquals(3L, n.children().get(1).value());
    }

    @Test
    void truncatedAttributeInsideANestIsTheNestsProblem() {
        // the inner attribute claims 40 bytes where 8 remain
        Field n = one(Nla.bytes().nest(14, Nla.bytes().u16(40).u16(2).u32(1)));
        assertTrue(n.nested());
        assertEquals(0, n.children().size());
        assertEquals("attribute at offset " + (AT + 12) + " has nla_len 40 but only 8 bytes remain", n.problem());
    }

    @Test
    void truncatedTopLevelAttributeIsAMessageProblem() {
        MessageBody b = msg(Nla.bytes().attrU32(3, 1).u16(100).u16(3).u32(0));
        assertEquals(1, b.attributes().size());
        assertEquals(List.of("attribute at offset " + (AT + 16) + " has nla_len 100 but only 8 bytes remain"),
                b.problems());
    }

    @Test
    void indexedArrayOfNestsAndOfScalars() {
        MessageBody b = msg(Nla.bytes()
                .nest(15, Nla.bytes().nest(1, Nla.bytes().attrString(1, "one")).nest(2, Nla.bytes().attrU32(2, 2)))
                .nest(16, Nla.bytes().attrU32(1, 7).attrU32(2, 99)));
        Field arr = at(b, "T_ARRAY");
        assertTrue(arr.nested());
        assertEquals("[1]", arr.children().get(0).name());
        assertEquals("one", at(b, "T_ARRAY/[1]/I_NAME").value());
        assertEquals(2L, at(b, "T_ARRAY/[2]/I_VALUE").value());
        assertEquals("COLOUR_BLUE", at(b, "T_U32_ARRAY/[1]").valueName());
        assertEquals("unknown(99)", at(b, "T_U32_ARRAY/[2]").display());
        assertNull(at(b, "T_U32_ARRAY/[2]").valueName());
    }

    @Test
    void indexedArrayOfTwoLevels() {
        Field grid = one(Nla.bytes().nest(38, Nla.bytes().nest(3, Nla.bytes().attrU8(5, 42))));
        assertEquals(42L, at(List.of(grid), "T_GRID/[3]/[5]").value());
    }

    @Test
    void subMessageChosenBySiblingString() {
        MessageBody b = msg(Nla.bytes().attrString(18, "b").attr(17, Nla.bytes().attrString(1, "bee")));
        Field sub = at(b, "T_SUB");
        assertTrue(sub.nested());
        assertEquals("bee", at(b, "T_SUB/B_ONE").value());
    }

    @Test
    void subMessageSelectorIsFoundInAnEnclosingList() {
        // T_NEST/I_SUB's selector T_KIND is a sibling of T_NEST, one level out
        MessageBody b = msg(Nla.bytes().attrString(18, "a")
                .nest(14, Nla.bytes().attr(3, Nla.bytes().attrU32(1, 77))));
        assertEquals(77L, at(b, "T_NEST/I_SUB/A_ONE").value());
    }

    @Test
    void subMessageWithAStructAndThenAttributes() {
        MessageBody b = msg(Nla.bytes().attrString(18, "pa")
                .attr(17, Nla.bytes().u16(-2 & 0xffff).u8(0).u8(9).attrU32(1, 5)));
        Field sub = at(b, "T_SUB");
        assertEquals(List.of("x", "y", "A_ONE"), sub.children().stream().map(Field::label).toList());
        assertEquals(-2L, at(b, "T_SUB/x").value());
        assertEquals(9L, at(b, "T_SUB/y").value());
        assertEquals(5L, at(b, "T_SUB/A_ONE").value());
    }

    @Test
    void subMessageByHeaderMemberEnumName() {
        // h_kind is 1 (COLOUR_GREEN): the format "1" matches by number
        MessageBody b = msg(Nla.bytes().attr(36, Nla.bytes().attrU32(1, 3)));
        assertEquals(3L, at(b, "T_SUB_BY_HDR/A_ONE").value());
        // h_kind 7 is COLOUR_BLUE: the format is named by the enum entry
        byte[] body = Nla.bytes().u8(7).zeros(3).u32(0).attr(36, Nla.bytes().attrString(1, "z")).build();
        assertEquals("z", at(Fixtures.decode(d, 16, true, body, AT), "T_SUB_BY_HDR/B_ONE").value());
    }

    @Test
    void subMessageWithoutAMatchingFormatShowsRawAttributes() {
        MessageBody b = msg(Nla.bytes().attrString(18, "zzz").attr(17, Nla.bytes().attrU32(9, 1)));
        Field sub = at(b, "T_SUB");
        assertTrue(sub.nested());
        assertEquals("unknown(9)", sub.children().get(0).label());
        assertEquals("01000000", sub.children().get(0).value());
        assertTrue(b.problems().isEmpty());
        // no selector at all, and bytes that are no attributes: hex
        Field raw = one(Nla.bytes().attr(17, Nla.bytes().hex("010203")));
        assertFalse(raw.nested());
        assertEquals("010203", raw.value());
    }

    @Test
    void bitfield32NamesValueAndSelector() {
        Field f = one(Nla.bytes().attr(19, Nla.bytes().u32(0x11).u32(0x13)));
        assertNull(f.value());
        assertEquals(List.of("PERM_READ", "PERM_EXEC"), f.child("value").valueNames());
        assertEquals("READ|EXEC (selector READ|WRITE|EXEC)", f.display());
        Field bad = one(Nla.bytes().attrU32(19, 1));
        assertEquals("a bitfield32 needs 8 bytes, found 4", bad.problem());
    }

    @Test
    void structTypedBinaryHasMembersAsChildren() {
        Field p = one(Nla.bytes().attr(20, Nla.bytes().u16(-7 & 0xffff).u8(0x01).u8(0x02)));
        assertNull(p.value());
        assertFalse(p.nested());
        assertEquals(-1, p.child("x").type());
        assertEquals(-7L, p.child("x").value());
        assertEquals(0x0102L, p.child("y").value());
        assertEquals(AT + 8 + 4 + 2, p.child("y").offset());
        assertEquals("x=-7 y=258", p.display());
    }

    @Test
    void shortStructDecodesWhatFitsAndSaysSo() {
        Field p = one(Nla.bytes().attr(20, Nla.bytes().u16(3)));
        assertEquals(1, p.children().size());
        assertEquals("struct point needs 4 bytes, found 2", p.problem());
    }

    @Test
    void repeatedStructFillsThePayload() {
        Field f = one(Nla.bytes().attr(21, Nla.bytes().u16(1).u16(0x0200).u16(3).u16(0x0400).u8(9)));
        assertEquals(2, f.children().size());
        assertEquals(4L, at(List.of(f), "T_POINTS/[1]/y").value());
        assertEquals("1 bytes left over after 2 point entries of 4 bytes", f.problem());
    }

    @Test
    void byteOrderOptionAndNetByteOrderFlag() {
        assertEquals(0x01020304L, one(Nla.bytes().attr(22, Nla.bytes().hex("01020304"))).value());
        // T_U32 (3) with NLA_F_NET_BYTEORDER
        assertEquals(0x01020304L, one(Nla.bytes().attr(3 | 0x4000, Nla.bytes().hex("01020304"))).value());
    }

    @Test
    void addressDisplays() {
        MessageBody b = msg(Nla.bytes().attr(23, Nla.bytes().hex("525400abcdef"))
                .attr(24, Nla.bytes().hex("c0a80001"))
                .attr(25, Nla.bytes().hex("fe800000000000000000000000000001"))
                .attr(26, Nla.bytes().hex("20010db8000000010000000000000000"))
                .attr(26, Nla.bytes().hex("0a000001")));
        assertEquals("52:54:00:ab:cd:ef", at(b, "T_MAC").value());
        assertEquals("192.168.0.1", at(b, "T_IPV4").display());
        assertEquals("fe80::1", at(b, "T_IPV6").display());
        assertEquals("2001:db8:0:1::", b.attributes().get(3).display());
        assertEquals("10.0.0.1", b.attributes().get(4).display());
        Field wrong = one(Nla.bytes().attr(24, Nla.bytes().hex("0102")));
        assertEquals("0102", wrong.value());
        assertEquals("2 bytes do not fit display ipv4", wrong.problem());
    }

    @Test
    void integerDisplays() {
        MessageBody b = msg(Nla.bytes().attrU32(27, 255).attrU32(28, -19).attrU32(29, 3).attrU8(35, 6));
        assertEquals("0xff", at(b, "T_HEX").display());
        assertEquals(255L, at(b, "T_HEX").value());
        assertEquals("ENODEV (-19)", at(b, "T_ERRNO").display());
        assertEquals("3", at(b, "T_IFINDEX").display());
        assertEquals("TCP", at(b, "T_PROTO").display());
    }

    @Test
    void enumsAndFlagsWithUnknownValues() {
        MessageBody b = msg(Nla.bytes().attrU8(30, 42).attrU32(31, 0x10 | 0x2 | 0x100));
        Field colour = at(b, "T_COLOUR");
        assertEquals(42L, colour.value());
        assertNull(colour.valueName());
        assertEquals("unknown(42)", colour.display());
        Field perms = at(b, "T_PERMS");
        assertEquals(List.of("PERM_WRITE", "PERM_EXEC"), perms.valueNames());
        assertEquals("WRITE|EXEC|0x100", perms.display());
        assertEquals("0", one(Nla.bytes().attrU32(31, 0)).display());
    }

    @Test
    void binaryIntegerArray() {
        Field f = one(Nla.bytes().attr(32, Nla.bytes().u16(1).u16(2).u16(3)));
        assertEquals(3, f.children().size());
        assertEquals(3L, f.children().get(2).value());
        assertEquals(AT + 8 + 4 + 4, f.children().get(2).offset());
        assertEquals("3 entries", f.display());
    }

    @Test
    void structWithEveryMemberKind() {
        Nla payload = Nla.bytes().u64(-1L).raw("wlan0\0\0\0".getBytes()).hex("0200deadbeef")
                .u16(5).hex("0001").hex("0a000002");
        Field f = one(Nla.bytes().attr(33, payload));
        assertEquals(new BigInteger("18446744073709551615"), f.child("e_u64").value());
        assertEquals("wlan0", f.child("e_name").value());
        assertEquals("02:00:de:ad:be:ef", f.child("e_mac").display());
        assertEquals(1L, f.child("e_where").child("y").value());
        assertEquals("10.0.0.2", f.child("e_addr").display());
        assertNull(f.problem());
    }

    @Test
    void nestWithAStructHeader() {
        Field f = one(Nla.bytes().nest(34, Nla.bytes().u16(1).u16(0x0100).attrString(1, "peer")));
        assertTrue(f.nested());
        assertEquals(List.of("x", "y", "I_NAME"), f.children().stream().map(Field::label).toList());
        assertEquals("peer", f.child("I_NAME").value());
    }

    @Test
    void unknownAttributesAreLabelledAndNestedOnesTried() {
        MessageBody b = msg(Nla.bytes().attrU32(300, 5).nest(301, Nla.bytes().attrU16(1, 2)));
        Field u = b.attributes().get(0);
        assertNull(u.name());
        assertEquals("unknown(300)", u.label());
        assertEquals("05000000", u.value());
        Field n = b.attributes().get(1);
        assertTrue(n.nested());
        assertEquals("unknown(1)", n.children().get(0).label());
        assertEquals("0200", n.children().get(0).value());
        assertTrue(b.problems().isEmpty());
    }

    @Test
    void deepNestingStopsWithAProblem() {
        Nla inner = Nla.bytes().attrU8(2, 1);
        for (int i = 0; i < 40; i++) {
            inner = Nla.bytes().nest(1, inner);
        }
        MessageBody b = msg(Nla.bytes().nest(37, inner));
        Field f = at(b, "T_DEEP");
        int depth = 0;
        while (f.nested()) {
            f = f.children().get(0);
            depth++;
        }
        assertEquals(Decoding.MAX_DEPTH - 1, depth);
        assertEquals("nested deeper than " + Decoding.MAX_DEPTH + " levels; shown as bytes", f.problem());
        assertEquals(1, b.problems().size());
        assertTrue(b.problems().get(0).startsWith("T_DEEP/D_NEXT/D_NEXT/"), b.problems().get(0));
    }

    @Test
    void summaryDropsMissingPlaceholdersWithTheirText() {
        MessageBody full = msg(Nla.bytes().attrString(11, "eth0").attrU32(3, 1500)
                .nest(14, Nla.bytes().attrString(1, "n")));
        assertEquals("eth0 id -5 u32 1500 nested n kind GREEN", full.summary());
        MessageBody sparse = msg(Nla.bytes().attrU32(3, 7));
        assertEquals("id -5 u32 7 kind GREEN", sparse.summary());
    }

    @Test
    void shortFixedHeaderIsAProblem() {
        MessageBody b = Fixtures.decode(d, 16, true, Nla.bytes().u8(1).zeros(3).build(), AT);
        assertEquals(1, b.fixedHeader().size());
        assertEquals(List.of("hdr needs 8 bytes, found 4"), b.problems());
    }

    @Test
    void replyAttributeSetWhenNotARequest() {
        byte[] body = Nla.bytes().attrString(1, "r").build();
        assertEquals("T_U8", Fixtures.decode(d, 17, true, body, AT).attributes().get(0).name());
        assertEquals("I_NAME", Fixtures.decode(d, 17, false, body, AT).attributes().get(0).name());
    }

    @Test
    void unknownMessageTypeShowsItsBytes() {
        assertNull(d.messageName(99));
        MessageBody b = Fixtures.decode(d, 99, false, Nla.bytes().hex("0102030405").build(), AT);
        assertEquals("0102030405", b.attributes().get(0).value());
        assertEquals(AT, b.attributes().get(0).offset());
        MessageBody attrs = Fixtures.decode(d, 99, false, Nla.bytes().attrU32(3, 1).build(), AT);
        assertEquals("unknown(3)", attrs.attributes().get(0).label());
    }

    @Test
    void namesAndKinds() {
        assertEquals("T_MSG", d.messageName(16));
        assertEquals(MessageKind.OTHER, d.kind(16));
        SpecDissector nlctrl = Fixtures.single("dissectors/genetlink/nlctrl.yaml");
        assertEquals(MessageKind.GET, nlctrl.kind(3));
        assertEquals(MessageKind.NEW, nlctrl.kind(1));
        assertEquals(MessageKind.DEL, nlctrl.kind(2));
    }

    @Test
    void valueDecoderDecodesStructsAndAttributeSetsOfTheFamily() {
        // two entries {u16 len, u16 pad, point, kind-a attributes}
        Nla entries = Nla.bytes()
                .u16(16).u16(0).u16(1).u16(0x0200).attrU32(1, 11)
                .u16(8).u16(0).u16(3).u16(0x0400);
        Field f = one(Nla.bytes().attr(39, entries));
        assertEquals("2 entries", f.display());
        assertNull(f.problem());
        Field first = f.children().get(0);
        assertEquals("pair", first.name());
        assertEquals(AT + 8 + 4, first.offset());
        assertEquals(2L, first.child("y").value());
        assertEquals(11L, first.child("A_ONE").value());
        assertEquals(AT + 8 + 4 + 8, first.child("A_ONE").offset());
        assertEquals(4L, f.children().get(1).child("y").value());
    }

    @Test
    void valueDecoderProblemsReachTheMessage() {
        MessageBody b = msg(Nla.bytes().attr(39, Nla.bytes().u16(99).u16(0)));
        assertEquals(List.of("T_PAIRS: entry at offset " + (AT + 12) + " has length 99"), b.problems());
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] body = new byte[r.nextInt(80)];
            r.nextBytes(body);
            // make the first attribute's length plausible half of the time
            if (body.length > 12 && r.nextBoolean()) {
                body[8] = (byte) (body.length - 8);
                body[9] = 0;
            }
            MessageBody b = Fixtures.decode(d, 16 + r.nextInt(2), r.nextBoolean(), body, AT);
            for (String p : b.problems()) {
                assertFalse(p.contains("failed"), p);
            }
        }
    }
}
