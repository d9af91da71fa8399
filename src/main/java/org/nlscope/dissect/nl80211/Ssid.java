package org.nlscope.dissect.nl80211;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;

/**
 * An SSID or mesh ID (NL80211_ATTR_SSID, NL80211_ATTR_MESH_ID, the SSID element): up to 32
 * octets with no terminator and no fixed encoding. Shown as text when the octets are UTF-8
 * without control characters, else with the other octets as \xNN; the empty one is the wildcard.
 */
public final class Ssid implements ValueDecoder {
    /** How the empty SSID reads: the wildcard a probe request or scan asks for. */
    static final String WILDCARD = "(wildcard)";

    @Override
    public String name() {
        return "ieee80211-ssid";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        String text = text(payload, payload.start(), payload.length());
        return Result.ofValue(text, payload.length() == 0 ? WILDCARD : text);
    }

    /** The octets as text, escaping what is not printable UTF-8. */
    static String text(ByteView v, int offset, int length) {
        byte[] bytes = v.bytes(offset, length);
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.chars().noneMatch(Character::isISOControl)) {
                return s;
            }
        } catch (CharacterCodingException e) {
            // not UTF-8: escaped below
        }
        StringBuilder out = new StringBuilder(length * 2);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        }
        return out.toString();
    }
}
