package org.nlscope.dissect.nl80211;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NlAttr;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * NL80211_ATTR_SCAN_SSIDS: the SSIDs a scan probes for, attributes numbered from 1, each an
 * SSID as {@link Ssid} reads it (the empty one is the wildcard, what "iw scan" sends).
 */
public final class SsidList implements ValueDecoder {
    @Override
    public String name() {
        return "ieee80211-ssid-list";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        AttrReader.Result r = AttrReader.read(payload);
        List<Field> out = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (NlAttr a : r.attributes()) {
            ByteView p = a.payload(payload);
            String text = Ssid.text(p, p.start(), p.length());
            String display = p.length() == 0 ? Ssid.WILDCARD : text;
            out.add(Field.value("[" + a.type() + "]", a.type(), text, display, a.offset(), a.length()));
            shown.add(display);
        }
        return new Result(null, String.join(", ", shown), out, true, r.problem());
    }
}
