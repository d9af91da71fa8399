package org.nlscope.dissect.netfilter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * The user data nft keeps in the kernel beside a table, chain, rule, set, element or object
 * (NFTA_*_USERDATA): the kernel stores it as it is; libnftnl writes it as entries of a
 * one-byte type and a one-byte length, unpadded, their types its NFTNL_UDATA_* enums. One
 * subclass per kind of object names its types; values are host-order u32s, NUL-terminated
 * strings (comments) or entries again (a set's typeof key).
 */
public abstract class NftnlUdata implements ValueDecoder {
    /**
     * How an entry's value reads. BYTES is an entry of a type not named here: libnftnl's
     * values of 4 bytes are u32s (nftnl_udata_put_u32), so those read as a number too.
     */
    enum Kind { STRING, U32, BYTEORDER, NEST, NUMBERED, BYTES }

    /** One entry type: its libnftnl name, how it reads, and for a nest the types inside. */
    record Entry(String name, Kind kind, Map<Integer, Entry> inside) {
        Entry(String name, Kind kind) {
            this(name, kind, Map.of());
        }
    }

    /** nft's enum byteorder, the values of NFTNL_UDATA_SET_KEYBYTEORDER and _DATABYTEORDER. */
    private static final String[] BYTEORDERS = {"BYTEORDER_INVALID", "BYTEORDER_HOST_ENDIAN", "BYTEORDER_BIG_ENDIAN"};

    private final String name;
    private final Map<Integer, Entry> entries;

    NftnlUdata(String name, Map<Integer, Entry> entries) {
        this.name = name;
        this.entries = entries;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Result decode(ByteView payload, SpecDecoding decoding) {
        List<Field> out = new ArrayList<>();
        String problem = entries(payload, payload.start(), payload.end(), entries, out);
        return new Result(null, "", out, true, problem);
    }

    /** The entries in [start, end) into out; what stopped the walk early, or null. */
    private static String entries(ByteView p, int start, int end, Map<Integer, Entry> types, List<Field> out) {
        int pos = start;
        while (pos < end) {
            if (end - pos < 2) {
                return "1 byte left over at offset " + pos + ": an nftnl_udata entry needs 2";
            }
            int type = p.u8(pos);
            int len = p.u8(pos + 1);
            if (len > end - pos - 2) {
                return "nftnl_udata type " + type + " at offset " + pos + ": length " + len + " past the end";
            }
            Entry e = types.get(type);
            out.add(e == null ? value("[" + type + "]", type, Kind.BYTES, p, pos, len)
                    : e.kind() == Kind.NEST || e.kind() == Kind.NUMBERED ? nest(e, type, p, pos, len)
                    : value(e.name(), type, e.kind(), p, pos, len));
            pos += 2 + len;
        }
        return null;
    }

    /** A nest of entries; NUMBERED ones (what a typeof expression keeps, by expression) have no names. */
    private static Field nest(Entry e, int type, ByteView p, int pos, int len) {
        List<Field> children = new ArrayList<>();
        String problem = entries(p, pos + 2, pos + 2 + len, e.inside(), children);
        Field f = Field.parent(e.name(), type, "", pos, 2 + len, true, children);
        return problem == null ? f : f.withProblem(problem);
    }

    private static Field value(String name, int type, Kind kind, ByteView p, int pos, int len) {
        int at = pos + 2;
        if (kind == Kind.STRING) {
            int nul = at;
            while (nul < at + len && p.u8(nul) != 0) {
                nul++;
            }
            String s = new String(p.data(), at, nul - at, StandardCharsets.UTF_8);
            return Field.value(name, type, s, s, pos, 2 + len);
        }
        if ((kind == Kind.U32 || kind == Kind.BYTEORDER || kind == Kind.BYTES) && len == 4) {
            long v = p.u32(at);
            Field f = Field.value(name, type, v, Long.toString(v), pos, 2 + len);
            if (kind == Kind.BYTEORDER && v < BYTEORDERS.length) {
                return Field.value(name, type, v, BYTEORDERS[(int) v].substring("BYTEORDER_".length()), pos, 2 + len)
                        .withValueName(BYTEORDERS[(int) v]);
            }
            return f;
        }
        String hex = p.hex(at, len);
        Field f = Field.value(name, type, hex, hex, pos, 2 + len);
        return kind == Kind.BYTES ? f : f.withProblem("a u32 needs 4 bytes, found " + len);
    }

    private static Map<Integer, Entry> comment(String object) {
        return Map.of(0, new Entry("NFTNL_UDATA_" + object + "_COMMENT", Kind.STRING));
    }

    /** NFTA_TABLE_USERDATA: enum nftnl_udata_table_types. */
    public static final class OfTable extends NftnlUdata {
        public OfTable() {
            super("nftnl-udata-table", comment("TABLE"));
        }
    }

    /** NFTA_CHAIN_USERDATA: enum nftnl_udata_chain_types. */
    public static final class OfChain extends NftnlUdata {
        public OfChain() {
            super("nftnl-udata-chain", comment("CHAIN"));
        }
    }

    /** NFTA_OBJ_USERDATA: enum nftnl_udata_obj_types. */
    public static final class OfObj extends NftnlUdata {
        public OfObj() {
            super("nftnl-udata-obj", comment("OBJ"));
        }
    }

    /** NFTA_RULE_USERDATA: enum nftnl_udata_rule_types. */
    public static final class OfRule extends NftnlUdata {
        public OfRule() {
            super("nftnl-udata-rule", Map.of(0, new Entry("NFTNL_UDATA_RULE_COMMENT", Kind.STRING),
                    1, new Entry("NFTNL_UDATA_RULE_EBTABLES_POLICY", Kind.U32)));
        }
    }

    /** NFTA_SET_ELEM_USERDATA: enum nftnl_udata_set_elem_types. */
    public static final class OfSetElem extends NftnlUdata {
        public OfSetElem() {
            super("nftnl-udata-set-elem", Map.of(0, new Entry("NFTNL_UDATA_SET_ELEM_COMMENT", Kind.STRING),
                    1, new Entry("NFTNL_UDATA_SET_ELEM_FLAGS", Kind.U32)));
        }
    }

    /** NFTA_SET_USERDATA: enum nftnl_udata_set_types; a typeof key is the expression's type and its own entries. */
    public static final class OfSet extends NftnlUdata {
        private static final Map<Integer, Entry> TYPEOF = Map.of(
                0, new Entry("NFTNL_UDATA_SET_TYPEOF_EXPR", Kind.U32),
                1, new Entry("NFTNL_UDATA_SET_TYPEOF_DATA", Kind.NUMBERED));

        public OfSet() {
            super("nftnl-udata-set", Map.of(
                    0, new Entry("NFTNL_UDATA_SET_KEYBYTEORDER", Kind.BYTEORDER),
                    1, new Entry("NFTNL_UDATA_SET_DATABYTEORDER", Kind.BYTEORDER),
                    2, new Entry("NFTNL_UDATA_SET_MERGE_ELEMENTS", Kind.U32),
                    3, new Entry("NFTNL_UDATA_SET_KEY_TYPEOF", Kind.NEST, TYPEOF),
                    4, new Entry("NFTNL_UDATA_SET_DATA_TYPEOF", Kind.NEST, TYPEOF),
                    5, new Entry("NFTNL_UDATA_SET_EXPR", Kind.BYTES),
                    6, new Entry("NFTNL_UDATA_SET_DATA_INTERVAL", Kind.U32),
                    7, new Entry("NFTNL_UDATA_SET_COMMENT", Kind.STRING)));
        }
    }
}
