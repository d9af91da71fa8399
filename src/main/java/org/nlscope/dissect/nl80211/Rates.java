package org.nlscope.dissect.nl80211;

import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;

/**
 * A list of legacy rates as the Supported Rates element has them (NL80211_ATTR_STA_SUPPORTED_RATES,
 * NL80211_ATTR_BSS_BASIC_RATES): one octet each, the rate in 500 kb/s in bits 0-6, bit 7 set
 * for a basic rate. Read as "1* 2* 5.5 11 Mbit/s" (the asterisk marks the basic rates, as iw does).
 */
public final class Rates implements ValueDecoder {
    @Override
    public String name() {
        return "ieee80211-rates";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        String text = text(payload, payload.start(), payload.length());
        return Result.ofValue(text, text);
    }

    static String text(ByteView v, int offset, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = offset; i < offset + length; i++) {
            int octet = v.u8(i);
            int halfMbps = octet & 0x7f;
            out.append(halfMbps / 2);
            if (halfMbps % 2 != 0) {
                out.append(".5");
            }
            if ((octet & 0x80) != 0) {
                out.append('*');
            }
            out.append(' ');
        }
        return out.append("Mbit/s").toString();
    }
}
