package org.nlscope.dissect.nl80211;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.nlscope.dissect.DecodedCapture.at;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nlscope.dissect.DecodedCapture;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;

/**
 * networkmanager.pcapng (captures/README.md): wpa_supplicant, for NetworkManager, scanning and
 * associating wlan0 with the open AP "nlscope" hostapd serves on wlan1 (mac80211_hwsim,
 * 2412 MHz), as the decode reads the nl80211 side of it.
 */
class NetworkManagerWifiTest {
    private static final List<DecodedMessage> MESSAGES = DecodedCapture.messages("networkmanager.pcapng");

    static DecodedMessage first(Predicate<DecodedMessage> which) {
        return MESSAGES.stream().filter(which).findFirst().orElseThrow();
    }

    static boolean command(DecodedMessage m, String cmd) {
        return m.genl() != null && cmd.equals(m.genl().cmdName());
    }

    @Test
    void controlPortEthertypeIsAFlagInTheWiphyAndEapolsEtherTypeInTheAssociation() {
        DecodedMessage wiphy = first(m -> command(m, "NL80211_CMD_NEW_WIPHY")
                && m.attribute("NL80211_ATTR_CONTROL_PORT_ETHERTYPE") != null);
        assertEquals(Boolean.TRUE, wiphy.attribute("NL80211_ATTR_CONTROL_PORT_ETHERTYPE").value());
        DecodedMessage associate = first(m -> command(m, "NL80211_CMD_ASSOCIATE"));
        assertEquals(List.of(), associate.problems());
        Field ethertype = associate.attribute("NL80211_ATTR_CONTROL_PORT_ETHERTYPE");
        assertEquals(0x888eL, ethertype.value());
        assertNull(ethertype.problem());
        assertEquals("nlscope", associate.attribute("NL80211_ATTR_SSID").value());
    }

    @Test
    void stationInfoOfTheAccessPoint() {
        DecodedMessage station = first(m -> command(m, "NL80211_CMD_NEW_STATION")
                && m.attribute("NL80211_ATTR_STA_INFO") != null
                && !m.attribute("NL80211_ATTR_STA_INFO").children().isEmpty());
        Field info = station.attribute("NL80211_ATTR_STA_INFO");
        assertEquals(-30L, at(info.children(), "NL80211_STA_INFO_SIGNAL").value());
        assertEquals(10L, at(info.children(), "NL80211_STA_INFO_TX_BITRATE/NL80211_RATE_INFO_BITRATE32").value());
        assertEquals(100L, at(info.children(), "NL80211_STA_INFO_BSS_PARAM/NL80211_STA_BSS_PARAM_BEACON_INTERVAL").value());
        assertEquals(17, at(info.children(), "NL80211_STA_INFO_TID_STATS").children().size());
    }

    @Test
    void scanResultAndSurvey() {
        DecodedMessage scan = first(m -> command(m, "NL80211_CMD_NEW_SCAN_RESULTS") && m.attribute("NL80211_ATTR_BSS") != null);
        Field bss = scan.attribute("NL80211_ATTR_BSS");
        assertEquals("02:00:00:00:01:00", at(bss.children(), "NL80211_BSS_BSSID").display());
        assertEquals(2412L, at(bss.children(), "NL80211_BSS_FREQUENCY").value());
        assertEquals(-3000L, at(bss.children(), "NL80211_BSS_SIGNAL_MBM").value());
        assertEquals(List.of("WLAN_CAPABILITY_ESS", "WLAN_CAPABILITY_SHORT_SLOT_TIME"),
                at(bss.children(), "NL80211_BSS_CAPABILITY").valueNames());
        DecodedMessage survey = first(m -> command(m, "NL80211_CMD_NEW_SURVEY_RESULTS"));
        Field info = survey.attribute("NL80211_ATTR_SURVEY_INFO");
        assertEquals(2412L, at(info.children(), "NL80211_SURVEY_INFO_FREQUENCY").value());
        assertEquals(-92L, at(info.children(), "NL80211_SURVEY_INFO_NOISE").value());
    }
}
