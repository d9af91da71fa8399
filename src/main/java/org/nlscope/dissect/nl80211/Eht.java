package org.nlscope.dissect.nl80211;

import static org.nlscope.dissect.nl80211.Bits.bit;
import static org.nlscope.dissect.nl80211.Bits.field;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.model.Field;

/**
 * 802.11be's EHT capabilities (IEEE 802.11be 9.4.2.313): the EHT MAC Capabilities Information
 * (2 octets), EHT PHY Capabilities Information (9 octets) and Supported EHT-MCS And NSS Set, as
 * the EHT Capabilities element and NL80211_BAND_IFTYPE_ATTR_EHT_CAP_* carry them. Subfield names
 * are the standard's, shortened.
 */
final class Eht {
    static final int MAC_SIZE = 2;
    static final int PHY_SIZE = 9;

    static final List<Bits> MAC = List.of(bit("EPCS_PRIO_ACCESS", 0), bit("OM_CONTROL", 1),
            bit("TRIG_TXOP_SHARING_MODE1", 2), bit("TRIG_TXOP_SHARING_MODE2", 3), bit("RESTRICTED_TWT", 4),
            bit("SCS_TRAFFIC_DESC", 5), field("MAX_MPDU_LEN", 6, 2), bit("MAX_AMPDU_LEN_EXP_EXT", 8),
            bit("EHT_TRS", 9), bit("TXOP_RETURN_IN_SHARING_MODE2", 10), bit("TWO_BQRS", 11),
            field("EHT_LINK_ADAPTATION", 12, 2), bit("UNSOL_EPCS_PRIO_ACCESS_PARAM_UPDATE", 14));
    static final List<Bits> PHY = List.of(bit("320MHZ_IN_6GHZ", 1), bit("242_TONE_RU_GT20MHZ", 2),
            bit("NDP_4_EHT_LTF_32_GI", 3), bit("PARTIAL_BW_UL_MU_MIMO", 4), bit("SU_BEAMFORMER", 5),
            bit("SU_BEAMFORMEE", 6), field("BEAMFORMEE_SS_80MHZ", 7, 3), field("BEAMFORMEE_SS_160MHZ", 10, 3),
            field("BEAMFORMEE_SS_320MHZ", 13, 3), field("SOUNDING_DIM_80MHZ", 16, 3),
            field("SOUNDING_DIM_160MHZ", 19, 3), field("SOUNDING_DIM_320MHZ", 22, 3), bit("NG_16_SU_FEEDBACK", 25),
            bit("NG_16_MU_FEEDBACK", 26), bit("CODEBOOK_4_2_SU_FDBK", 27), bit("CODEBOOK_7_5_MU_FDBK", 28),
            bit("TRIG_SU_BF_FDBK", 29), bit("TRIG_MU_BF_PART_BW_FDBK", 30), bit("TRIG_CQI_FDBK", 31),
            bit("PART_BW_DL_MU_MIMO", 32), bit("PSR_SR_SUPP", 33), bit("POWER_BOOST_FACT_SUPP", 34),
            bit("EHT_MU_PPDU_4_EHT_LTF_08_GI", 35), field("MAX_NC", 36, 4), bit("NON_TRIG_CQI_FEEDBACK", 40),
            bit("TX_1024_4096_QAM_LT_242_TONE_RU", 41), bit("RX_1024_4096_QAM_LT_242_TONE_RU", 42),
            bit("PPE_THRESHOLD_PRESENT", 43), field("COMMON_NOMINAL_PKT_PAD", 44, 2),
            field("MAX_NUM_SUPP_EHT_LTF", 46, 5), field("SUPP_EHT_MCS15", 51, 4), bit("EHT_DUP_6GHZ", 55),
            bit("20MHZ_STA_RX_NDP_WIDER_BW", 56), bit("NON_OFDMA_UL_MU_MIMO_80MHZ", 57),
            bit("NON_OFDMA_UL_MU_MIMO_160MHZ", 58), bit("NON_OFDMA_UL_MU_MIMO_320MHZ", 59),
            bit("MU_BEAMFORMER_80MHZ", 60), bit("MU_BEAMFORMER_160MHZ", 61), bit("MU_BEAMFORMER_320MHZ", 62),
            bit("TB_SOUNDING_FDBK_RATE_LIMIT", 63), bit("RX_1024QAM_WIDER_BW_DL_OFDMA", 64),
            bit("RX_4096QAM_WIDER_BW_DL_OFDMA", 65), bit("20MHZ_ONLY_LIMITED_CAPS", 66),
            bit("20MHZ_ONLY_TRIG_MU_BF_FULL_BW_FB_AND_DL_MU_MIMO", 67), bit("20MHZ_ONLY_MRU", 68));
    private static final String[] ONLY_20MHZ = {"mcs_0_7", "mcs_8_9", "mcs_10_11", "mcs_12_13"};
    private static final String[] PER_WIDTH = {"mcs_0_9", "mcs_10_11", "mcs_12_13"};
    private static final String[] WIDTHS = {"80", "160", "320"};

    private Eht() {
    }

    /**
     * The Supported EHT-MCS And NSS Set: 4 octets for a 20 MHz-only STA (MCS 0-7, 8-9, 10-11, 12-13),
     * else 3 for each of ≤80, 160 and 320 MHz it supports (MCS 0-9, 10-11, 12-13); an octet holds the
     * most rx streams in its low 4 bits and tx streams in its high 4.
     */
    static List<Field> mcsNss(ByteView v, int at, int length) {
        List<Field> out = new ArrayList<>();
        if (length == ONLY_20MHZ.length) {
            for (int i = 0; i < length; i++) {
                out.add(streams("20_" + ONLY_20MHZ[i], v, at + i));
            }
            return out;
        }
        for (int i = 0; i < length && i / 3 < WIDTHS.length; i++) {
            out.add(streams(WIDTHS[i / 3] + "_" + PER_WIDTH[i % 3], v, at + i));
        }
        return out;
    }

    private static Field streams(String name, ByteView v, int at) {
        int octet = v.u8(at);
        return Field.member(name, (long) octet, "rx " + (octet & 0xf) + " tx " + (octet >> 4), at, 1);
    }

    /** PPE Thresholds: NSS (streams - 1) in B0-B3, the RU Index Bitmask in B4-B8, then the thresholds. */
    static List<Field> ppe(ByteView v, int at, int length) {
        return He.ppe(v, at, length, 4, 5);
    }
}
