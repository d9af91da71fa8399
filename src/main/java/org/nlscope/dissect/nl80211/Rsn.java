package org.nlscope.dissect.nl80211;

import static org.nlscope.dissect.nl80211.Bits.bit;
import static org.nlscope.dissect.nl80211.Bits.field;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/**
 * The RSN element's body (IEEE 802.11-2020 9.4.2.24): version, group data cipher suite, pairwise
 * cipher suites, AKM suites, RSN capabilities, PMKIDs, group management cipher suite; each part
 * optional from the end. Suites of the IEEE 802.11 OUI 00-0f-ac read by the kernel's names
 * (WLAN_CIPHER_SUITE_*, WLAN_AKM_SUITE_*), others as "oui:type".
 */
final class Rsn {
    private static final String[] CIPHERS = {"USE_GROUP", "WEP40", "TKIP", null, "CCMP", "WEP104", "AES_CMAC",
        "NO_GROUP_ADDR", "GCMP", "GCMP_256", "CCMP_256", "BIP_GMAC_128", "BIP_GMAC_256", "BIP_CMAC_256"};
    private static final String[] AKMS = {null, "8021X", "PSK", "FT_8021X", "FT_PSK", "8021X_SHA256", "PSK_SHA256",
        "TDLS", "SAE", "FT_OVER_SAE", "AP_PEER_KEY", "8021X_SUITE_B", "8021X_SUITE_B_192", "FT_8021X_SHA384",
        "FILS_SHA256", "FILS_SHA384", "FT_FILS_SHA256", "FT_FILS_SHA384", "OWE", "FT_PSK_SHA384", "PSK_SHA384",
        null, null, null, "SAE_EXT_KEY", "FT_SAE_EXT_KEY"};
    private static final List<Bits> CAPABILITIES = List.of(bit("PREAUTH", 0), bit("NO_PAIRWISE", 1),
            field("PTKSA_REPLAY_COUNTER", 2, 2), field("GTKSA_REPLAY_COUNTER", 4, 2), bit("MFPR", 6), bit("MFPC", 7),
            bit("JOINT_MULTIBAND_RSNA", 8), bit("PEERKEY_ENABLED", 9), bit("SPP_AMSDU_CAPABLE", 10),
            bit("SPP_AMSDU_REQUIRED", 11), bit("PBAC", 12), bit("EXTENDED_KEY_ID", 13), bit("OCVC", 14));

    private Rsn() {
    }

    static List<Field> members(ByteView v, int at, int length) {
        if (length < 2) {
            return null;
        }
        int end = at + length;
        List<Field> out = new ArrayList<>();
        out.add(Field.member("version", (long) v.u16(at), String.valueOf(v.u16(at)), at, 2));
        int pos = at + 2;
        if (pos + 4 <= end) {
            out.add(suite("group_cipher", v, pos, CIPHERS, "WLAN_CIPHER_SUITE_"));
            pos += 4;
        }
        pos = suites("pairwise_ciphers", v, pos, end, CIPHERS, "WLAN_CIPHER_SUITE_", out);
        pos = suites("akm_suites", v, pos, end, AKMS, "WLAN_AKM_SUITE_", out);
        if (pos + 2 <= end) {
            out.add(Bits.member("rsn_capabilities", v, pos, 2, CAPABILITIES));
            pos += 2;
        }
        if (pos + 2 <= end) {
            int count = v.u16(pos);
            int bytes = Math.min(16 * count, end - pos - 2);
            out.add(Field.member("pmkids", v.hex(pos + 2, bytes), count + " PMKID " + v.hex(pos + 2, bytes), pos,
                    2 + bytes));
            pos += 2 + bytes;
        }
        if (pos + 4 <= end) {
            out.add(suite("group_mgmt_cipher", v, pos, CIPHERS, "WLAN_CIPHER_SUITE_"));
        }
        return out;
    }

    private static int suites(String name, ByteView v, int pos, int end, String[] names, String prefix, List<Field> out) {
        if (pos + 2 > end) {
            return pos;
        }
        int count = v.u16(pos);
        List<String> shown = new ArrayList<>();
        int at = pos + 2;
        for (int i = 0; i < count && at + 4 <= end; i++, at += 4) {
            shown.add(suiteName(v, at, names, prefix));
        }
        out.add(Field.member(name, v.hex(pos, at - pos), String.join(" ", shown), pos, at - pos));
        return at;
    }

    private static Field suite(String name, ByteView v, int at, String[] names, String prefix) {
        String shown = suiteName(v, at, names, prefix);
        return Field.member(name, v.hex(at, 4), shown, at, 4);
    }

    private static String suiteName(ByteView v, int at, String[] names, String prefix) {
        int type = v.u8(at + 3);
        boolean ieee = v.u8(at) == 0x00 && v.u8(at + 1) == 0x0f && v.u8(at + 2) == 0xac;
        if (ieee && type < names.length && names[type] != null) {
            return prefix + names[type];
        }
        return v.hex(at, 1) + "-" + v.hex(at + 1, 1) + "-" + v.hex(at + 2, 1) + ":" + type;
    }
}
