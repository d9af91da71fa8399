package org.nlscope.session.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.decode.NetlinkMessageBuilder;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;

/**
 * The families no recording here sets keys for (nl80211 needs a Wi-Fi supplicant), built as
 * their tools send them (linux/nl80211.h): the built-in files' secret marks find the keys,
 * also inside nests, and the rest of the message is left as it was.
 */
class RedactorTest {
    static final DissectorRegistry REGISTRY = DissectorRegistry.load(List.of());
    static final int NL80211_ID = 0x1c;
    static final byte[] TK = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    static final byte[] PMK = HexFormat.of().parseHex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0");

    private static DecodedFrame decode(byte[] message) {
        byte[] data = NetlinkMessageBuilder.concat(CookedHeader.netlinkHeader(CookedHeader.PACKET_USER, 16), message);
        DecodeContext ctx = DecodeContext.empty().withGenlFamily(NL80211_ID, "nl80211");
        return new FrameDecoder(REGISTRY).decode(Frame.of(0, LinkType.NETLINK, data), 1, ctx);
    }

    @Test
    void nl80211NewKeyLosesItsKeyDataInsideTheKeyNest() {
        // iw/wpa_supplicant: NL80211_CMD_NEW_KEY (11) with NL80211_ATTR_IFINDEX (3) and
        // NL80211_ATTR_KEY (80) { NL80211_KEY_DATA (1), NL80211_KEY_IDX (2), NL80211_KEY_CIPHER (3) }
        byte[] msg = NetlinkMessageBuilder.genl(NL80211_ID, 5, 7, 0, 11, 0)
                .attrU32(3, 4)
                .beginNest(80).attrBytes(1, TK).attrU8(2, 1).attrU32(3, 0x000fac04).endNest()
                .build();
        DecodedFrame df = decode(msg);
        assertEquals("NL80211_CMD_NEW_KEY", df.messages().get(0).genl().cmdName());
        Redactor r = new Redactor(REGISTRY, false, true);
        Frame out = r.apply(df);
        assertNotSame(df.frame(), out);
        String before = HexFormat.of().formatHex(df.frame().data());
        String after = HexFormat.of().formatHex(out.data());
        assertTrue(before.contains(HexFormat.of().formatHex(TK)));
        assertFalse(after.contains(HexFormat.of().formatHex(TK)));
        assertEquals(before.length(), after.length());
        assertEquals(before.replace(HexFormat.of().formatHex(TK), "00".repeat(TK.length)), after,
                "only the key's bytes change");
        assertEquals(Map.of("NL80211_KEY_DATA", 1), r.report().secrets());
        assertEquals("nlscope redacted NL80211_KEY_DATA", out.comment());
    }

    @Test
    void nl80211ConnectLosesItsPmkAndSaePassword() {
        // NL80211_CMD_CONNECT (46) with NL80211_ATTR_PMK (254) and NL80211_ATTR_SAE_PASSWORD (277)
        byte[] msg = NetlinkMessageBuilder.genl(NL80211_ID, 5, 8, 0, 46, 0)
                .attrU32(3, 4).attrBytes(254, PMK).attrBytes(277, "correct horse".getBytes())
                .build();
        Redactor r = Redactor.masking(REGISTRY);
        Frame out = r.apply(decode(msg));
        String after = new String(out.data(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(after.contains("correct horse"));
        assertFalse(HexFormat.of().formatHex(out.data()).contains(HexFormat.of().formatHex(PMK)));
        assertEquals(Map.of("NL80211_ATTR_PMK", 1, "NL80211_ATTR_SAE_PASSWORD", 1), r.report().secrets());
    }

    @Test
    void aFrameWithoutSecretsIsTheSameInstance() {
        byte[] msg = NetlinkMessageBuilder.genl(NL80211_ID, 5, 9, 0, 5, 0).attrU32(3, 4).build(); // GET_INTERFACE
        DecodedFrame df = decode(msg);
        assertSame(df.frame(), Redactor.masking(REGISTRY).apply(df));
    }
}
