package org.nlscope.dissect.nl80211;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.dissect.DecodedCapture.at;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.dissect.DecodedCapture;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;

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

    /** An nl80211 message with a management frame of that subtype. */
    static boolean frame(DecodedMessage m, String subtype) {
        Field frame = m.genl() != null ? m.attribute("NL80211_ATTR_FRAME") : null;
        return frame != null && frame.display().startsWith(subtype);
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

    @Test
    void theAssociationsFramesAndElements() {
        DecodedMessage request = first(m -> frame(m, "IEEE80211_STYPE_ASSOC_REQ"));
        Field frame = request.attribute("NL80211_ATTR_FRAME");
        assertEquals("02:00:00:00:01:00", at(frame.children(), "addr1").display());
        assertEquals("nlscope", at(frame.children(), "elements/WLAN_EID_SSID").value());
        DecodedMessage probe = first(m -> frame(m, "IEEE80211_STYPE_PROBE_RESP"));
        Field elements = at(probe.attribute("NL80211_ATTR_FRAME").children(), "elements");
        assertEquals(1L, at(elements.children(), "WLAN_EID_DS_PARAMS").value());
        assertEquals("1* 2* 5.5* 11* 6 9 12 18 Mbit/s", at(elements.children(), "WLAN_EID_SUPP_RATES").display());
        DecodedMessage ap = first(m -> m.attribute("IFLA_WIRELESS") != null
                && m.attribute("IFLA_WIRELESS").display().startsWith("SIOCGIWAP 02"));
        assertEquals("02:00:00:00:01:00", at(ap.attribute("IFLA_WIRELESS").children(), "iw_event/sa_data").value());
    }

    @Test
    void theScanAndTheInterfacesByTheirKernelNames() {
        DecodedMessage scan = first(m -> command(m, "NL80211_CMD_TRIGGER_SCAN") && m.attribute("NL80211_ATTR_SCAN_SSIDS") != null);
        assertEquals("(wildcard)", scan.attribute("NL80211_ATTR_SCAN_SSIDS").display());
        DecodedMessage ap = first(m -> command(m, "NL80211_CMD_NEW_INTERFACE") && m.attribute("NL80211_ATTR_IFTYPE") != null
                && m.attribute("NL80211_ATTR_IFTYPE").value().equals(3L));
        assertEquals("NL80211_IFTYPE_AP", ap.attribute("NL80211_ATTR_IFTYPE").valueName());
    }

    @Test
    void elementsCutShortAreAProblemNamingTheirOffset() {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        DecodeContext ctx = DecodeContext.empty();
        int n = 0;
        for (Frame f : RecordedCaptures.frames(RecordedCaptures.DIRECTORY.resolve("networkmanager.pcapng"))) {
            DecodedFrame d = decoder.decode(f, ++n, ctx);
            ctx = ContextLearner.learn(ctx, d);
            for (DecodedMessage m : d.messages()) {
                Field ies = command(m, "NL80211_CMD_CONNECT") ? m.attribute("NL80211_ATTR_REQ_IE") : null;
                if (ies == null) {
                    continue;
                }
                // the request's elements as recorded, less their last byte
                byte[] cut = Arrays.copyOfRange(f.data(), ies.offset() + 4, ies.offset() + ies.length() - 1);
                List<Field> out = new ArrayList<>();
                String problem = Elements.walk(ByteView.of(cut), 0, cut.length, out);
                assertEquals(ies.children().size() - 1, out.size());
                assertTrue(problem != null && problem.matches("element \\d+ at offset \\d+ has length \\d+, \\d+ bytes left"),
                        String.valueOf(problem));
                return;
            }
        }
        throw new AssertionError("no NL80211_CMD_CONNECT with NL80211_ATTR_REQ_IE");
    }
}
