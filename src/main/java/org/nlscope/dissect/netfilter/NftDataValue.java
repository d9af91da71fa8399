package org.nlscope.dissect.netfilter;

import static org.nlscope.uapi.NfTables.NFT_DATA_VERDICT;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NlAttr;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.SpecDecoding.Scope;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;
import org.nlscope.model.NftSet;

/**
 * NFTA_DATA_VALUE: bytes whose type the kernel does not say, read by their context as nft
 * would print them. In a rule, a cmp, bitwise or range compares a register with them, so they
 * have the type of what an earlier expression loaded there ({@link NftRegisters}); in a set
 * element they have the set's key or data type, learned from its NFT_MSG_NEWSET. Where neither
 * is known they stay hex.
 */
public final class NftDataValue implements ValueDecoder {

    @Override
    public String name() {
        return "nft-data-value";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        List<NftKey.Part> parts = parts(payload, decoding);
        String shown = NftKey.render(parts, payload, payload.start(), payload.length(), decoding);
        String value = shown != null ? shown : payload.hex(payload.start(), payload.length());
        return Result.ofValue(value, value);
    }

    private static List<NftKey.Part> parts(ByteView payload, SpecDecoding d) {
        Scope data = d.scope();
        Scope holder = data == null ? null : data.outer();
        NlAttr at = holder == null ? null : holder.containing(payload.start());
        String name = at == null ? null : holder.nameOf(at.type());
        if (name == null) {
            return List.of();
        }
        return switch (name) {
            case "NFTA_SET_ELEM_KEY", "NFTA_SET_ELEM_KEY_END" -> ofSet(payload, holder, true, d);
            case "NFTA_SET_ELEM_DATA" -> ofSet(payload, holder, false, d);
            case "NFTA_CMP_DATA" -> ofRegister(payload, holder, "NFTA_CMP_SREG");
            case "NFTA_BITWISE_MASK", "NFTA_BITWISE_XOR" -> ofRegister(payload, holder, "NFTA_BITWISE_SREG");
            case "NFTA_RANGE_FROM_DATA", "NFTA_RANGE_TO_DATA" -> ofRegister(payload, holder, "NFTA_RANGE_SREG");
            default -> List.of();
        };
    }

    /** The type of what the expression's source register holds, from the rule's earlier expressions. */
    private static List<NftKey.Part> ofRegister(ByteView payload, Scope expression, String source) {
        NlAttr sreg = expression.named(source);
        Scope element = expression.outer();
        Scope list = element == null ? null : element.outer();
        NlAttr at = list == null ? null : list.containing(payload.start());
        if (sreg == null || sreg.payloadLength() != 4 || at == null || !"NFTA_LIST_ELEM".equals(list.nameOf(at.type()))) {
            return List.of();
        }
        ByteView frame = ByteView.of(payload.data());
        return NftRegisters.before(frame, list.attrs(), at, frame.u32be(sreg.payloadOffset()), payload.length());
    }

    /** The set's key (or a map's data) type, as the capture's NFT_MSG_NEWSET of the set defined it. */
    private static List<NftKey.Part> ofSet(ByteView payload, Scope element, boolean key, SpecDecoding d) {
        Scope list = element;
        while (list != null && list.named("NFTA_SET_ELEM_LIST_TABLE") == null) {
            list = list.outer();
        }
        int family = family(d.header());
        if (list == null || family < 0) {
            return List.of();
        }
        ByteView frame = ByteView.of(payload.data());
        NftSet set = d.context().nftSet(family, string(frame, list.named("NFTA_SET_ELEM_LIST_TABLE")),
                string(frame, list.named("NFTA_SET_ELEM_LIST_SET")), u32(frame, list.named("NFTA_SET_ELEM_LIST_SET_ID")));
        if (set == null) {
            return List.of();
        }
        long type = key ? set.keyType() : set.dataType();
        return type == (NFT_DATA_VERDICT & 0xffffffffL) ? List.of() : NftKey.ofSetType(type, payload.length());
    }

    private static int family(List<Field> header) {
        for (Field f : header) {
            if ("nfgen_family".equals(f.name()) && f.value() instanceof Long v) {
                return v.intValue();
            }
        }
        return -1;
    }

    private static String string(ByteView frame, NlAttr a) {
        return a == null ? null : frame.cString(a.payloadOffset(), a.payloadLength());
    }

    private static long u32(ByteView frame, NlAttr a) {
        return a == null || a.payloadLength() != 4 ? -1 : frame.u32be(a.payloadOffset());
    }
}
