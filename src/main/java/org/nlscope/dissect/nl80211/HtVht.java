package org.nlscope.dissect.nl80211;

import static org.nlscope.dissect.nl80211.Bits.bit;
import static org.nlscope.dissect.nl80211.Bits.field;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/**
 * The HT Capabilities element's body (802.11n, IEEE 802.11-2020 9.4.2.55; the kernel's struct
 * ieee80211_ht_cap, 26 octets) and the VHT Capabilities element's (802.11ac, 9.4.2.157; struct
 * ieee80211_vht_cap, 12 octets), as nl80211 carries them too (NL80211_ATTR_HT_CAPABILITY and its
 * _MASK, NL80211_ATTR_VHT_CAPABILITY and its _MASK). Subfield names follow the kernel's
 * IEEE80211_HT_CAP_* and IEEE80211_VHT_CAP_*, without the prefix.
 */
final class HtVht {
    static final int HT_SIZE = 26;
    static final int VHT_SIZE = 12;

    static final List<Bits> HT_CAP_INFO = List.of(bit("LDPC_CODING", 0), bit("SUP_WIDTH_20_40", 1),
            field("SM_PS", 2, 2), bit("GRN_FLD", 4), bit("SGI_20", 5), bit("SGI_40", 6), bit("TX_STBC", 7),
            field("RX_STBC", 8, 2), bit("DELAY_BA", 10), bit("MAX_AMSDU", 11), bit("DSSSCCK40", 12),
            bit("RESERVED", 13), bit("40MHZ_INTOLERANT", 14), bit("LSIG_TXOP_PROT", 15));
    static final List<Bits> AMPDU_PARAMS = List.of(field("MAX_AMPDU_LENGTH_EXPONENT", 0, 2),
            field("MIN_MPDU_START_SPACING", 2, 3));
    static final List<Bits> MCS_TX_PARAMS = List.of(bit("TX_DEFINED", 0), bit("TX_RX_DIFF", 1),
            field("TX_MAX_STREAMS", 2, 2), bit("TX_UNEQUAL_MODULATION", 4));
    static final List<Bits> EXTENDED_HT_CAP = List.of(bit("PCO", 0), field("PCO_TRANSITION_TIME", 1, 2),
            field("MCS_FEEDBACK", 8, 2), bit("HTC_HT", 10), bit("RD_RESPONDER", 11));
    static final List<Bits> VHT_CAP_INFO = List.of(field("MAX_MPDU_LENGTH", 0, 2), field("SUPP_CHAN_WIDTH", 2, 2),
            bit("RXLDPC", 4), bit("SHORT_GI_80", 5), bit("SHORT_GI_160", 6), bit("TXSTBC", 7),
            field("RXSTBC", 8, 3), bit("SU_BEAMFORMER_CAPABLE", 11), bit("SU_BEAMFORMEE_CAPABLE", 12),
            field("BEAMFORMEE_STS", 13, 3), field("SOUNDING_DIMENSIONS", 16, 3), bit("MU_BEAMFORMER_CAPABLE", 19),
            bit("MU_BEAMFORMEE_CAPABLE", 20), bit("VHT_TXOP_PS", 21), bit("HTC_VHT", 22),
            field("MAX_A_MPDU_LENGTH_EXPONENT", 23, 3), field("VHT_LINK_ADAPTATION", 26, 2),
            bit("RX_ANTENNA_PATTERN", 28), bit("TX_ANTENNA_PATTERN", 29), field("EXT_NSS_BW", 30, 2));

    private HtVht() {
    }

    /** The members of an HT Capabilities body; those that do not fit are left out. */
    static List<Field> ht(ByteView v, int at, int length) {
        List<Field> out = new ArrayList<>();
        if (length >= 2) {
            out.add(Bits.member("cap_info", v, at, 2, HT_CAP_INFO));
        }
        if (length >= 3) {
            out.add(Bits.member("ampdu_params_info", v, at + 2, 1, AMPDU_PARAMS));
        }
        if (length >= 19) {
            out.add(Field.member("rx_mask", v.hex(at + 3, 10), mcsIndexes(v, at + 3, 10, 77), at + 3, 10));
            long highest = v.u16(at + 13) & 0x3ff;
            out.add(Field.member("rx_highest", highest, highest + " Mbit/s", at + 13, 2));
            out.add(Bits.member("tx_params", v, at + 15, 1, MCS_TX_PARAMS));
        }
        if (length >= 21) {
            out.add(Bits.member("extended_ht_cap_info", v, at + 19, 2, EXTENDED_HT_CAP));
        }
        if (length >= 25) {
            long txbf = v.u32(at + 21);
            out.add(Field.member("tx_BF_cap_info", txbf, String.format("0x%08x", txbf), at + 21, 4));
        }
        if (length >= HT_SIZE) {
            int asel = v.u8(at + 25);
            out.add(Field.member("antenna_selection_info", (long) asel, String.format("0x%02x", asel), at + 25, 1));
        }
        return out;
    }

    /** The members of a VHT Capabilities body. */
    static List<Field> vht(ByteView v, int at, int length) {
        List<Field> out = new ArrayList<>();
        if (length >= 4) {
            out.add(Bits.member("vht_cap_info", v, at, 4, VHT_CAP_INFO));
        }
        if (length >= VHT_SIZE) {
            out.add(Field.member("rx_mcs_map", (long) v.u16(at + 4), mcsMap(v.u16(at + 4), 8, VHT_MCS), at + 4, 2));
            long rxHighest = v.u16(at + 6) & 0x1fff;
            out.add(Field.member("rx_highest", rxHighest, rxHighest + " Mbit/s", at + 6, 2));
            out.add(Field.member("tx_mcs_map", (long) v.u16(at + 8), mcsMap(v.u16(at + 8), 8, VHT_MCS), at + 8, 2));
            long txHighest = v.u16(at + 10) & 0x1fff;
            out.add(Field.member("tx_highest", txHighest, txHighest + " Mbit/s", at + 10, 2));
        }
        return out;
    }

    /** What each 2-bit entry of a VHT-MCS map (and an HE-MCS map) says for its number of streams. */
    static final String[] VHT_MCS = {"0-7", "0-8", "0-9", null};

    /**
     * A map of 2 bits per number of spatial streams, 1 to {@code streams}: "1:0-9 2:0-9", the
     * streams not supported (3) left out; "none" when no stream is.
     */
    static String mcsMap(int map, int streams, String[] meaning) {
        List<String> out = new ArrayList<>();
        for (int nss = 1; nss <= streams; nss++) {
            String m = meaning[map >> (2 * (nss - 1)) & 3];
            if (m != null) {
                out.add(nss + ":" + m);
            }
        }
        return out.isEmpty() ? "none" : "NSS " + String.join(" ", out);
    }

    /** The MCS indexes whose bits are set, as ranges: "MCS 0-15 32". */
    static String mcsIndexes(ByteView v, int at, int length, int bits) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= bits; i++) {
            boolean set = i < bits && i / 8 < length && (v.u8(at + i / 8) >> (i % 8) & 1) != 0;
            if (set && start < 0) {
                start = i;
            } else if (!set && start >= 0) {
                out.add(start == i - 1 ? String.valueOf(start) : start + "-" + (i - 1));
                start = -1;
            }
        }
        return out.isEmpty() ? "none" : "MCS " + String.join(" ", out);
    }
}
