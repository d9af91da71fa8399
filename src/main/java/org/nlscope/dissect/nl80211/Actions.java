package org.nlscope.dissect.nl80211;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * An Action frame's body, or the start of one (IEEE 802.11-2020 9.6): the category (Table 9-51,
 * by the kernel's WLAN_CATEGORY_* names), the action code, and the rest in hex (a vendor
 * specific action's OUI first). As a value decoder it reads NL80211_ATTR_FRAME_MATCH, the
 * first bytes of the action frames an NL80211_CMD_REGISTER_FRAME asks for.
 */
public final class Actions implements ValueDecoder {
    private static final int VENDOR_SPECIFIC_PROTECTED = 126;
    private static final int VENDOR_SPECIFIC = 127;

    @Override
    public String name() {
        return "ieee80211-action-match";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        List<Field> out = new ArrayList<>();
        fields(payload, payload.start(), payload.end(), out);
        if (out.isEmpty()) {
            return Result.ofValue("", "any action frame");
        }
        return Result.ofChildren(out, ElementBodies.display(out), null);
    }

    /** The category, action code and rest from at to end into out; null (nothing here is malformed). */
    static String fields(ByteView v, int at, int end, List<Field> out) {
        if (at >= end) {
            return null;
        }
        int category = v.u8(at);
        String name = category(category);
        out.add(Field.member("category", (long) category, name != null ? name : String.valueOf(category), at, 1));
        int pos = at + 1;
        if (category == VENDOR_SPECIFIC || category == VENDOR_SPECIFIC_PROTECTED) {
            if (pos + 3 <= end) {
                String oui = ElementBodies.oui(v, pos);
                out.add(Field.member("oui", oui, oui, pos, 3));
                pos += 3;
            }
        } else if (pos < end) {
            out.add(Field.member("action", (long) v.u8(pos), String.valueOf(v.u8(pos)), pos, 1));
            pos++;
        }
        if (pos < end) {
            out.add(Field.member("rest", v.hex(pos, end - pos), v.hex(pos, end - pos), pos, end - pos));
        }
        return null;
    }

    /** WLAN_CATEGORY_* of a category number, or null. */
    static String category(int category) {
        String name = switch (category) {
            case 0 -> "SPECTRUM_MGMT";
            case 1 -> "QOS";
            case 2 -> "DLS";
            case 3 -> "BACK";
            case 4 -> "PUBLIC";
            case 5 -> "RADIO_MEASUREMENT";
            case 6 -> "FAST_BBS_TRANSITION";
            case 7 -> "HT";
            case 8 -> "SA_QUERY";
            case 9 -> "PROTECTED_DUAL_OF_ACTION";
            case 10 -> "WNM";
            case 11 -> "WNM_UNPROTECTED";
            case 12 -> "TDLS";
            case 13 -> "MESH_ACTION";
            case 14 -> "MULTIHOP_ACTION";
            case 15 -> "SELF_PROTECTED";
            case 16 -> "DMG";
            case 17 -> "WMM";
            case 18 -> "FST";
            case 19 -> "ROBUST_AV_STREAMING";
            case 20 -> "UNPROT_DMG";
            case 21 -> "VHT";
            case 22 -> "UNPROT_S1G";
            case 23 -> "S1G";
            case 30 -> "HE";
            case 31 -> "PROTECTED_HE";
            case VENDOR_SPECIFIC_PROTECTED -> "VENDOR_SPECIFIC_PROTECTED";
            case VENDOR_SPECIFIC -> "VENDOR_SPECIFIC";
            default -> null;
        };
        return name == null ? null : "WLAN_CATEGORY_" + name;
    }
}
