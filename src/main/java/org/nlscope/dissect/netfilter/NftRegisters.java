package org.nlscope.dissect.netfilter;

import static org.nlscope.uapi.NfTables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NlAttr;

/**
 * What an nftables rule's registers hold when one of its expressions runs: the expressions
 * before it, replayed in order, each load typing the register it writes (payload, meta, ct),
 * a bitwise carrying its source's type over, and every other write forgetting. The data area is
 * 16 slots of 4 bytes: NFT_REG_1..4 name four slots each, NFT_REG32_00..15 one.
 */
final class NftRegisters {
    private static final int SLOTS = 16;
    /** Expressions that write no register (or only the verdict): replaying them changes nothing. */
    private static final Set<String> READERS = Set.of("cmp", "range", "counter", "log", "limit", "reject", "nat",
            "masq", "redir", "dup", "fwd", "queue", "quota", "objref", "connlimit", "notrack", "dynset", "last",
            "synproxy", "tproxy", "flow_offload", "match", "target");

    /** What each slot holds: the type loaded, in the slot a load starts at; null elsewhere. */
    private final NftValueType[] types = new NftValueType[SLOTS];
    /** The bytes each load wrote, in the slot it starts at. */
    private final int[] lengths = new int[SLOTS];

    private NftRegisters() {
    }

    /**
     * The types of the values a register holds before expression {@code at} of a rule's list,
     * one per load (several for a concatenation, in order) covering {@code length} bytes; empty
     * when what loaded them is not known.
     */
    static List<NftKey.Part> before(ByteView frame, List<NlAttr> expressions, NlAttr at, long register, int length) {
        NftRegisters r = new NftRegisters();
        for (NlAttr e : expressions) {
            if (e.offset() >= at.offset()) {
                break;
            }
            r.replay(frame, e);
        }
        return r.held(slot(register), length);
    }

    /** The first slot of a register, or -1 for the verdict register or a number out of range. */
    static int slot(long register) {
        if (register >= NFT_REG_1 && register <= NFT_REG_4) {
            return (int) (register - NFT_REG_1) * 4;
        }
        return register >= NFT_REG32_00 && register < NFT_REG32_00 + SLOTS ? (int) (register - NFT_REG32_00) : -1;
    }

    /** The parts a value of length bytes read from a slot was loaded as; empty when not all are known. */
    private List<NftKey.Part> held(int slot, int length) {
        if (slot < 0 || types[slot] == null) {
            return List.of();
        }
        if (lengths[slot] == length) {
            return List.of(new NftKey.Part(types[slot], length));
        }
        // a concatenation: loads into consecutive slots, each padded to whole slots
        List<NftKey.Part> parts = new ArrayList<>();
        int covered = 0;
        for (int s = slot; s < SLOTS && covered < length && types[s] != null; s += NftKey.padded(lengths[s]) / 4) {
            parts.add(new NftKey.Part(types[s], lengths[s]));
            covered += NftKey.padded(lengths[s]);
        }
        return covered == length ? parts : List.of();
    }

    private void replay(ByteView frame, NlAttr expression) {
        String name = null;
        ByteView data = null;
        for (NlAttr a : AttrReader.read(expression.payload(frame)).attributes()) {
            if (a.type() == NFTA_EXPR_NAME) {
                name = frame.cString(a.payloadOffset(), a.payloadLength());
            } else if (a.type() == NFTA_EXPR_DATA) {
                data = a.payload(frame);
            }
        }
        if (name == null || data == null) {
            Arrays.fill(types, null);
            return;
        }
        long[] attrs = attributes(frame, data);
        switch (name) {
            case "payload" -> load(attrs[NFTA_PAYLOAD_DREG],
                    NftValueType.payload(attrs[NFTA_PAYLOAD_BASE], attrs[NFTA_PAYLOAD_OFFSET], attrs[NFTA_PAYLOAD_LEN]),
                    attrs[NFTA_PAYLOAD_LEN]);
            case "meta" -> load(attrs[NFTA_META_DREG], NftValueType.meta(attrs[NFTA_META_KEY]), -1);
            case "ct" -> load(attrs[NFTA_CT_DREG], NftValueType.ct(attrs[NFTA_CT_KEY]), -1);
            case "bitwise" -> {
                int from = slot(attrs[NFTA_BITWISE_SREG]);
                NftValueType t = from >= 0 ? types[from] : null;
                load(attrs[NFTA_BITWISE_DREG], t, attrs[NFTA_BITWISE_LEN]);
            }
            case "immediate" -> load(attrs[NFTA_IMMEDIATE_DREG], null, 0);
            case "lookup" -> load(attrs[NFTA_LOOKUP_DREG], null, 0);
            default -> {
                if (!READERS.contains(name)) {
                    Arrays.fill(types, null); // it may write any register: what they hold is no longer known
                }
            }
        }
    }

    /** A write of type (null: unknown) to a register; len -1 takes the type's size. */
    private void load(long register, NftValueType type, long len) {
        int s = slot(register);
        if (s < 0) {
            return;
        }
        int bytes = (int) (len >= 0 ? len : type == null || type.type().size() == 0 ? 4 : type.type().size());
        int end = Math.min(SLOTS, s + Math.max(1, NftKey.padded(bytes) / 4));
        for (int i = 0; i < SLOTS; i++) {
            int iEnd = i + Math.max(1, NftKey.padded(lengths[i]) / 4);
            if (types[i] != null && i < end && iEnd > s) {
                types[i] = null; // an earlier load this write overlaps
            }
        }
        types[s] = bytes > 0 ? type : null;
        lengths[s] = bytes;
    }

    /**
     * An expression's u32 attributes by type (network order, as every NFTA_*_ number of nf_tables
     * is); -1 where absent.
     */
    private static long[] attributes(ByteView frame, ByteView data) {
        long[] out = new long[16];
        Arrays.fill(out, -1);
        for (NlAttr a : AttrReader.read(data).attributes()) {
            if (a.type() < out.length && a.payloadLength() == 4) {
                out[a.type()] = frame.u32be(a.payloadOffset());
            }
        }
        return out;
    }
}
