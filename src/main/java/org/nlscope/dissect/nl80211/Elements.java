package org.nlscope.dissect.nl80211;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * A list of 802.11 elements ("information elements": NL80211_ATTR_IE, _REQ_IE, _RESP_IE, a BSS's
 * NL80211_BSS_INFORMATION_ELEMENTS and _BEACON_IES, a management frame's body): each an ID
 * octet, a length octet and that many octets. Each element is a field named by its ID
 * (WLAN_EID_SSID), its type the ID, its body decoded by {@link ElementBodies}; an ID with no
 * name has none, its body in hex. An element running past the end is a problem.
 */
public final class Elements implements ValueDecoder {
    @Override
    public String name() {
        return "ieee80211-ies";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        List<Field> elements = new ArrayList<>();
        String problem = walk(payload, payload.start(), payload.end(), elements);
        return Result.ofChildren(elements, summary(elements), problem);
    }

    /** The elements from start to end into out; what was malformed, or null. */
    public static String walk(ByteView v, int start, int end, List<Field> out) {
        ElementBodies bodies = new ElementBodies();
        int pos = start;
        while (pos < end) {
            if (pos + 2 > end) {
                return "1 byte left after " + out.size() + " elements at offset " + pos;
            }
            int id = v.u8(pos);
            int length = v.u8(pos + 1);
            if (pos + 2 + length > end) {
                return "element " + id + " at offset " + pos + " has length " + length + ", " + (end - pos - 2)
                        + " bytes left";
            }
            out.add(bodies.element(v, pos, id, length));
            pos += 2 + length;
        }
        return null;
    }

    /** "SSID nlscope, 8 more": the SSID when there is one, and how many elements. */
    public static String summary(List<Field> elements) {
        for (Field e : elements) {
            if ("WLAN_EID_SSID".equals(e.name())) {
                return "SSID " + e.display() + (elements.size() > 1 ? ", " + (elements.size() - 1) + " more" : "");
            }
        }
        return elements.size() + " elements";
    }
}
