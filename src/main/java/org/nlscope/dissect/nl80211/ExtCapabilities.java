package org.nlscope.dissect.nl80211;

import static org.nlscope.dissect.nl80211.Bits.bit;
import static org.nlscope.dissect.nl80211.Bits.field;

import java.util.List;

/**
 * The Extended Capabilities field (IEEE 802.11-2020 Table 9-153, with 802.11ax's bits): the
 * body of element 127 and of NL80211_ATTR_EXT_CAPA, _EXT_CAPA_MASK and the iftype ones.
 */
final class ExtCapabilities {
    static final List<Bits> BITS = List.of(bit("BSS_COEX_MGMT_SUPPORT", 0), bit("EXT_CHANNEL_SWITCHING", 2),
            bit("PSMP_CAPABILITY", 4), bit("S_PSMP_SUPPORT", 6), bit("EVENT", 7), bit("DIAGNOSTICS", 8),
            bit("MULTICAST_DIAGNOSTICS", 9), bit("LOCATION_TRACKING", 10), bit("FMS", 11), bit("PROXY_ARP", 12),
            bit("COLLOCATED_INTERFERENCE_REPORTING", 13), bit("CIVIC_LOCATION", 14), bit("GEOSPATIAL_LOCATION", 15),
            bit("TFS", 16), bit("WNM_SLEEP_MODE", 17), bit("TIM_BROADCAST", 18), bit("BSS_TRANSITION", 19),
            bit("QOS_TRAFFIC_CAPABILITY", 20), bit("AC_STATION_COUNT", 21), bit("MULTIPLE_BSSID", 22),
            bit("TIMING_MEASUREMENT", 23), bit("CHANNEL_USAGE", 24), bit("SSID_LIST", 25), bit("DMS", 26),
            bit("UTC_TSF_OFFSET", 27), bit("TPU_BUFFER_STA_SUPPORT", 28), bit("TDLS_PEER_PSM_SUPPORT", 29),
            bit("TDLS_CHANNEL_SWITCHING", 30), bit("INTERWORKING", 31), bit("QOS_MAP", 32), bit("EBR", 33),
            bit("SSPN_INTERFACE", 34), bit("MSGCF_CAPABILITY", 36), bit("TDLS_SUPPORT", 37),
            bit("TDLS_PROHIBITED", 38), bit("TDLS_CHANNEL_SWITCHING_PROHIBITED", 39),
            bit("REJECT_UNADMITTED_FRAME", 40), field("SERVICE_INTERVAL_GRANULARITY", 41, 3),
            bit("IDENTIFIER_LOCATION", 44), bit("UAPSD_COEXISTENCE", 45), bit("WNM_NOTIFICATION", 46),
            bit("QAB_CAPABILITY", 47), bit("UTF8_SSID", 48), bit("QMF_ACTIVATED", 49),
            bit("QMF_RECONFIGURATION_ACTIVATED", 50), bit("ROBUST_AV_STREAMING", 51), bit("ADVANCED_GCR", 52),
            bit("MESH_GCR", 53), bit("SCS", 54), bit("QLOAD_REPORT", 55), bit("ALTERNATE_EDCA", 56),
            bit("UNPROTECTED_TXOP_NEGOTIATION", 57), bit("PROTECTED_TXOP_NEGOTIATION", 58),
            bit("PROTECTED_QLOAD_REPORT", 60), bit("TDLS_WIDER_BANDWIDTH", 61),
            bit("OPERATING_MODE_NOTIFICATION", 62), field("MAX_MSDU_IN_AMSDU", 63, 2),
            bit("CHANNEL_SCHEDULE_MANAGEMENT", 65), bit("GEODATABASE_INBAND_ENABLING_SIGNAL", 66),
            bit("NETWORK_CHANNEL_CONTROL", 67), bit("WHITE_SPACE_MAP", 68), bit("CHANNEL_AVAILABILITY_QUERY", 69),
            bit("FTM_RESPONDER", 70), bit("FTM_INITIATOR", 71), bit("FILS_CAPABILITY", 72),
            bit("EXT_SPECTRUM_MANAGEMENT", 73), bit("FUTURE_CHANNEL_GUIDANCE", 74), bit("PAD", 75),
            bit("TWT_REQUESTER_SUPPORT", 77), bit("TWT_RESPONDER_SUPPORT", 78), bit("OBSS_NARROW_BW_RU_TOLERANCE", 79),
            bit("COMPLETE_LIST_OF_NONTX_BSSID_PROFILES", 80), bit("SAE_PASSWORD_IDS_IN_USE", 81),
            bit("SAE_PASSWORDS_USED_EXCLUSIVELY", 82), bit("ENHANCED_MULTI_BSSID_ADVERTISEMENT", 83),
            bit("BEACON_PROTECTION", 84), bit("MIRRORED_SCS", 85), bit("OCT", 86), bit("LOCAL_MAC_ADDRESS_POLICY", 87),
            bit("SAE_PK_PASSWORDS_USED_EXCLUSIVELY", 88), bit("TWT_PARAMETERS_RANGE", 89));

    private ExtCapabilities() {
    }
}
