package org.nlscope.dissect.nl80211;

import static org.nlscope.dissect.nl80211.Bits.bit;
import static org.nlscope.dissect.nl80211.Bits.field;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/**
 * 802.11ax's HE capabilities (IEEE 802.11ax-2021 9.4.2.248): the HE MAC Capabilities Information
 * (6 octets), HE PHY Capabilities Information (11 octets), Supported HE-MCS And NSS Set and PPE
 * Thresholds fields, as the HE Capabilities element and nl80211's NL80211_BAND_IFTYPE_ATTR_HE_CAP_*
 * carry them, and the HE 6 GHz Band Capabilities element's 2 octets (9.4.2.263). Subfield names
 * are the standard's, shortened.
 */
final class He {
    static final int MAC_SIZE = 6;
    static final int PHY_SIZE = 11;

    static final List<Bits> MAC = List.of(bit("HTC_HE", 0), bit("TWT_REQ", 1), bit("TWT_RES", 2),
            field("DYNAMIC_FRAG", 3, 2), field("MAX_NUM_FRAG_MSDU", 5, 3), field("MIN_FRAG_SIZE", 8, 2),
            field("TF_MAC_PAD_DUR", 10, 2), field("MULTI_TID_AGG_RX", 12, 3), field("LINK_ADAPTATION", 15, 2),
            bit("ALL_ACK", 17), bit("TRS", 18), bit("BSR", 19), bit("BCAST_TWT", 20), bit("32BIT_BA_BITMAP", 21),
            bit("MU_CASCADING", 22), bit("ACK_EN_AGG", 23), bit("OMI_CONTROL", 25), bit("OFDMA_RA", 26),
            field("MAX_AMPDU_LEN_EXP_EXT", 27, 2), bit("AMSDU_FRAG", 29), bit("FLEX_TWT_SCHED", 30),
            bit("RX_CTRL_FRAME_TO_MULTIBSS", 31), bit("BSRP_BQRP_AMPDU_AGG", 32), bit("QTP", 33), bit("BQR", 34),
            bit("PSR_RESP", 35), bit("NDP_FEEDBACK_REPORT", 36), bit("OPS", 37), bit("AMSDU_IN_AMPDU", 38),
            field("MULTI_TID_AGG_TX", 39, 3), bit("SUBCHAN_SELECTIVE_TX", 42), bit("UL_2x996_TONE_RU", 43),
            bit("OM_UL_MU_DATA_DIS_RX", 44), bit("DYNAMIC_SMPS", 45), bit("PUNCTURED_SOUNDING", 46),
            bit("HT_VHT_TRIG_FRAME_RX", 47));
    static final List<Bits> PHY = List.of(bit("CHANNEL_WIDTH_SET_40MHZ_IN_2G", 1),
            bit("CHANNEL_WIDTH_SET_40MHZ_80MHZ_IN_5G", 2), bit("CHANNEL_WIDTH_SET_160MHZ_IN_5G", 3),
            bit("CHANNEL_WIDTH_SET_80PLUS80_MHZ_IN_5G", 4), bit("CHANNEL_WIDTH_SET_RU_MAPPING_IN_2G", 5),
            bit("CHANNEL_WIDTH_SET_RU_MAPPING_IN_5G", 6), field("PUNCTURED_PREAMBLE_RX", 8, 4),
            bit("DEVICE_CLASS_A", 12), bit("LDPC_CODING_IN_PAYLOAD", 13), bit("HE_LTF_1X_GI_0_8_SU", 14),
            field("MIDAMBLE_RX_TX_MAX_NSTS", 15, 2), bit("NDP_4x_LTF_AND_3_2US", 17), bit("STBC_TX_UNDER_80MHZ", 18),
            bit("STBC_RX_UNDER_80MHZ", 19), bit("DOPPLER_TX", 20), bit("DOPPLER_RX", 21),
            bit("FULL_BW_UL_MU_MIMO", 22), bit("PARTIAL_BW_UL_MU_MIMO", 23), field("DCM_MAX_CONST_TX", 24, 2),
            bit("DCM_MAX_TX_NSS_2", 26), field("DCM_MAX_CONST_RX", 27, 2), bit("DCM_MAX_RX_NSS_2", 29),
            bit("RX_PARTIAL_BW_SU_IN_20MHZ_MU", 30), bit("SU_BEAMFORMER", 31), bit("SU_BEAMFORMEE", 32),
            bit("MU_BEAMFORMER", 33), field("BEAMFORMEE_STS_UNDER_80MHZ", 34, 3),
            field("BEAMFORMEE_STS_ABOVE_80MHZ", 37, 3), field("SOUNDING_DIMENSIONS_UNDER_80MHZ", 40, 3),
            field("SOUNDING_DIMENSIONS_ABOVE_80MHZ", 43, 3), bit("NG16_SU_FEEDBACK", 46), bit("NG16_MU_FEEDBACK", 47),
            bit("CODEBOOK_SIZE_SU", 48), bit("CODEBOOK_SIZE_MU", 49), bit("TRIG_SU_BEAMFORMING_FB", 50),
            bit("TRIG_MU_BEAMFORMING_PARTIAL_BW_FB", 51), bit("TRIG_CQI_FB", 52), bit("PARTIAL_BW_EXT_RANGE", 53),
            bit("PARTIAL_BW_DL_MU_MIMO", 54), bit("PPE_THRESHOLD_PRESENT", 55), bit("PSR_BASED_SR", 56),
            bit("POWER_BOOST_FACTOR", 57), bit("HE_SU_MU_PPDU_4XLTF_AND_08_US_GI", 58), field("MAX_NC", 59, 3),
            bit("STBC_TX_ABOVE_80MHZ", 62), bit("STBC_RX_ABOVE_80MHZ", 63), bit("HE_ER_SU_PPDU_4XLTF_AND_08_US_GI", 64),
            bit("20MHZ_IN_40MHZ_HE_PPDU_IN_2G", 65), bit("20MHZ_IN_160MHZ_HE_PPDU", 66),
            bit("80MHZ_IN_160MHZ_HE_PPDU", 67), bit("HE_ER_SU_1XLTF_AND_08_US_GI", 68),
            bit("MIDAMBLE_RX_TX_2X_AND_1XLTF", 69), field("DCM_MAX_RU", 70, 2), bit("LONGER_THAN_16_SIGB_OFDM_SYM", 72),
            bit("NON_TRIGGERED_CQI_FEEDBACK", 73), bit("TX_1024_QAM_LESS_THAN_242_TONE_RU", 74),
            bit("RX_1024_QAM_LESS_THAN_242_TONE_RU", 75), bit("RX_FULL_BW_SU_USING_MU_WITH_COMP_SIGB", 76),
            bit("RX_FULL_BW_SU_USING_MU_WITH_NON_COMP_SIGB", 77), field("NOMINAL_PACKET_PADDING", 78, 2),
            bit("MAX_NUM_HE_LTF_MU_MORE_THAN_ONE_RU", 80));
    static final List<Bits> CAP_6GHZ = List.of(field("MIN_MPDU_START", 0, 3), field("MAX_AMPDU_LEN_EXP", 3, 3),
            field("MAX_MPDU_LEN", 6, 2), field("SM_PS", 9, 2), bit("RD_RESPONDER", 11), bit("RX_ANTPAT_CONS", 12),
            bit("TX_ANTPAT_CONS", 13));
    /** What each 2-bit entry of an HE-MCS map says. */
    static final String[] HE_MCS = {"0-7", "0-9", "0-11", null};
    private static final String[] MAPS = {"rx_mcs_80", "tx_mcs_80", "rx_mcs_160", "tx_mcs_160", "rx_mcs_80p80",
        "tx_mcs_80p80"};

    private He() {
    }

    /** The Supported HE-MCS And NSS Set: up to six maps of 2 octets, ≤80, 160 and 80+80 MHz, rx then tx. */
    static List<Field> mcsNss(ByteView v, int at, int length) {
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < MAPS.length && 2 * i + 2 <= length; i++) {
            int map = v.u16(at + 2 * i);
            out.add(Field.member(MAPS[i], (long) map, HtVht.mcsMap(map, 8, HE_MCS), at + 2 * i, 2));
        }
        return out;
    }

    /** How many octets the HE-MCS maps take, by the PHY capabilities' channel width set. */
    static int mcsNssSize(ByteView v, int phy, int phyLength) {
        return 4 + (Bits.read(v, phy, phyLength, 3, 1) != 0 ? 4 : 0) + (Bits.read(v, phy, phyLength, 4, 1) != 0 ? 4 : 0);
    }

    /** PPE Thresholds: NSTS (streams - 1) in B0-B2, the RU Index Bitmask in B3-B6, then the thresholds. */
    static List<Field> ppe(ByteView v, int at, int length) {
        return ppe(v, at, length, 3, 4);
    }

    /**
     * PPE Thresholds of HE (3 bits of streams, 4 of RU index bitmask) and EHT (4 and 5): then, for
     * each stream and each RU index in the bitmask, a PPET16 and a PPET8 of 3 bits.
     */
    static List<Field> ppe(ByteView v, int at, int length, int nssBits, int ruBits) {
        List<Field> out = new ArrayList<>();
        if (length < 1) {
            return out;
        }
        long nss = Bits.read(v, at, length, 0, nssBits);
        long ru = Bits.read(v, at, length, nssBits, ruBits);
        out.add(Field.member("nss", nss, (nss + 1) + (nss == 0 ? " stream" : " streams"), at, 1));
        out.add(Field.member("ru_index_bitmask", ru, String.format("0x%x", ru), at, length > 1 ? 2 : 1));
        List<String> thresholds = new ArrayList<>();
        int bit = nssBits + ruBits;
        for (int s = 0; s <= nss; s++) {
            for (int r = 0; r < ruBits; r++) {
                if ((ru >> r & 1) != 0) {
                    thresholds.add("NSS" + (s + 1) + "/RU" + r + " PPET16=" + Bits.read(v, at, length, bit, 3)
                            + " PPET8=" + Bits.read(v, at, length, bit + 3, 3));
                    bit += 6;
                }
            }
        }
        out.add(Field.member("thresholds", v.hex(at, length), thresholds.isEmpty() ? "none"
                : String.join(", ", thresholds), at, length));
        return out;
    }
}
