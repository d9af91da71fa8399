package org.nlscope.dissect.nl80211;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;

/**
 * An attribute the kernel sends as a flag in one message and as a u16 in another:
 * NL80211_ATTR_CONTROL_PORT_ETHERTYPE is a flag in NEW_WIPHY (the device may use another
 * EtherType than EAPOL's) and the EtherType itself (host order) in CONNECT and ASSOCIATE.
 * Typed by what is there.
 */
public final class FlagOrU16 implements ValueDecoder {
    @Override
    public String name() {
        return "flag-or-u16";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        return switch (payload.length()) {
            case 0 -> Result.ofValue(Boolean.TRUE, "true");
            case 2 -> {
                long value = payload.u16(payload.start());
                yield Result.ofValue(value, String.format("0x%04x", value));
            }
            default -> {
                String hex = payload.hex(payload.start(), payload.length());
                yield new Result(hex, hex, List.of(), false, "a flag or a u16, found " + payload.length() + " bytes");
            }
        };
    }
}
