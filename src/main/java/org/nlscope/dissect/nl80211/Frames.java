package org.nlscope.dissect.nl80211;

import static org.nlscope.dissect.nl80211.Bits.bit;
import static org.nlscope.dissect.nl80211.Bits.field;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * An 802.11 management frame as nl80211 hands it over (NL80211_ATTR_FRAME of CMD_FRAME,
 * AUTHENTICATE, ASSOCIATE, DEAUTHENTICATE ...; IEEE 802.11-2020 9.3.3): the MAC header (frame
 * control, duration, three addresses, sequence control), then the fixed fields of its subtype
 * and its elements. Other frame types keep their body in hex.
 */
public final class Frames implements ValueDecoder {
    private static final int HEADER = 24;
    private static final String[] SUBTYPES = {"ASSOC_REQ", "ASSOC_RESP", "REASSOC_REQ", "REASSOC_RESP", "PROBE_REQ",
        "PROBE_RESP", "TIMING_ADV", null, "BEACON", "ATIM", "DISASSOC", "AUTH", "DEAUTH", "ACTION", "ACTION_NO_ACK",
        null};
    private static final List<Bits> FLAGS = List.of(bit("TODS", 0), bit("FROMDS", 1), bit("MOREFRAGS", 2),
            bit("RETRY", 3), bit("PM", 4), bit("MOREDATA", 5), bit("PROTECTED", 6), bit("ORDER", 7));
    private static final List<Bits> CAPABILITY = List.of(bit("ESS", 0), bit("IBSS", 1), bit("CF_POLLABLE", 2),
            bit("CF_POLL_REQUEST", 3), bit("PRIVACY", 4), bit("SHORT_PREAMBLE", 5), bit("SPECTRUM_MGMT", 8),
            bit("QOS", 9), bit("SHORT_SLOT_TIME", 10), bit("APSD", 11), bit("RADIO_MEASURE", 12), bit("DEL_BACK", 14),
            bit("IMM_BACK", 15));
    private static final List<Bits> SEQUENCE = List.of(field("fragment", 0, 4), field("sequence", 4, 12));

    @Override
    public String name() {
        return "ieee80211-frame";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        int at = payload.start();
        int end = payload.end();
        if (payload.length() < HEADER) {
            String hex = payload.hex(at, payload.length());
            return new Result(hex, hex, List.of(), false, "an 802.11 header needs 24 bytes, found " + payload.length());
        }
        int fc = payload.u16(at);
        int type = fc >> 2 & 3;
        int subtype = fc >> 4 & 0xf;
        String kind = type == 0 && SUBTYPES[subtype] != null ? "IEEE80211_STYPE_" + SUBTYPES[subtype]
                : "type " + type + " subtype " + subtype;
        List<Field> out = new ArrayList<>();
        out.add(Field.member("frame_control", (long) fc, kind + flags(payload, at), at, 2));
        out.add(Field.member("duration", (long) payload.u16(at + 2), payload.u16(at + 2) + " us", at + 2, 2));
        out.add(address("addr1", payload, at + 4));
        out.add(address("addr2", payload, at + 10));
        out.add(address("addr3", payload, at + 16));
        out.add(Field.member("seq_ctrl", (long) payload.u16(at + 22),
                Bits.render(payload, at + 22, 2, SEQUENCE), at + 22, 2));
        String problem = type == 0 ? body(payload, subtype, at + HEADER, end, out) : rest(payload, at + HEADER, end, out);
        return Result.ofChildren(out, kind + " " + out.get(3).display() + " -> " + out.get(2).display(), problem);
    }

    private static String flags(ByteView v, int at) {
        String f = Bits.render(v, at + 1, 1, FLAGS);
        return "0".equals(f) ? "" : " " + f;
    }

    /** A management frame's fixed fields, then its elements; what was malformed, or null. */
    private static String body(ByteView v, int subtype, int at, int end, List<Field> out) {
        int pos = at;
        int fixed = switch (subtype) {
            case 0 -> 4;       // capability, listen interval
            case 1, 3 -> 6;    // capability, status, AID
            case 2 -> 10;      // capability, listen interval, current AP
            case 5, 8 -> 12;   // timestamp, beacon interval, capability
            case 10, 12 -> 2;  // reason
            case 11 -> 6;      // algorithm, transaction, status
            default -> 0;      // probe request: elements only; action: category first
        };
        if (pos + fixed > end) {
            rest(v, pos, end, out);
            return "the frame body needs " + fixed + " bytes of fixed fields, found " + (end - pos);
        }
        switch (subtype) {
            case 0, 2 -> {
                out.add(Bits.member("capability", v, pos, 2, CAPABILITY));
                out.add(Field.member("listen_interval", (long) v.u16(pos + 2), String.valueOf(v.u16(pos + 2)), pos + 2, 2));
                if (subtype == 2) {
                    out.add(address("current_ap", v, pos + 4));
                }
            }
            case 1, 3 -> {
                out.add(Bits.member("capability", v, pos, 2, CAPABILITY));
                out.add(Field.member("status_code", (long) v.u16(pos + 2), String.valueOf(v.u16(pos + 2)), pos + 2, 2));
                int aid = v.u16(pos + 4);
                out.add(Field.member("aid", (long) aid, String.valueOf(aid & 0x3fff), pos + 4, 2));
            }
            case 5, 8 -> {
                long tsf = v.u64(pos);
                out.add(Field.member("timestamp", tsf, Long.toUnsignedString(tsf), pos, 8));
                out.add(Field.member("beacon_int", (long) v.u16(pos + 8), v.u16(pos + 8) + " TU", pos + 8, 2));
                out.add(Bits.member("capability", v, pos + 10, 2, CAPABILITY));
            }
            case 10, 12 -> out.add(Field.member("reason_code", (long) v.u16(pos), String.valueOf(v.u16(pos)), pos, 2));
            case 11 -> {
                out.add(Field.member("auth_alg", (long) v.u16(pos), String.valueOf(v.u16(pos)), pos, 2));
                out.add(Field.member("auth_transaction", (long) v.u16(pos + 2), String.valueOf(v.u16(pos + 2)), pos + 2, 2));
                out.add(Field.member("status_code", (long) v.u16(pos + 4), String.valueOf(v.u16(pos + 4)), pos + 4, 2));
            }
            case 13, 14 -> {
                return Actions.fields(v, pos, end, out);
            }
            case 4 -> {
                // a probe request: elements only
            }
            default -> {
                return rest(v, pos, end, out);
            }
        }
        pos += fixed;
        if (pos >= end) {
            return null;
        }
        List<Field> elements = new ArrayList<>();
        String problem = Elements.walk(v, pos, end, elements);
        out.add(Field.parent("elements", -1, Elements.summary(elements), pos, end - pos, false, elements));
        return problem;
    }

    private static String rest(ByteView v, int at, int end, List<Field> out) {
        if (at < end) {
            out.add(Field.member("body", v.hex(at, end - at), v.hex(at, end - at), at, end - at));
        }
        return null;
    }

    private static Field address(String name, ByteView v, int at) {
        String mac = mac(v, at);
        return Field.member(name, mac, mac, at, 6);
    }

    /** The 6 octets at {@code at} as a MAC address, "02:00:00:00:01:00". */
    public static String mac(ByteView v, int at) {
        StringBuilder mac = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            mac.append(i == 0 ? "" : ":").append(v.hex(at + i, 1));
        }
        return mac.toString();
    }
}
