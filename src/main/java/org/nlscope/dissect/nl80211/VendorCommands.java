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
 * NL80211_ATTR_VENDOR_DATA and _VENDOR_EVENTS as a wiphy lists them: attributes numbered from 1,
 * each a struct nl80211_vendor_cmd_info (vendor OUI, subcommand). Anything else (the payload of
 * an NL80211_CMD_VENDOR, which only the vendor defines) stays in hex.
 */
public final class VendorCommands implements ValueDecoder {
    private static final int INFO_SIZE = 8;

    @Override
    public String name() {
        return "nl80211-vendor-cmds";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        AttrReader.Result r = AttrReader.read(payload);
        List<Field> entries = new ArrayList<>();
        for (NlAttr a : r.attributes()) {
            ByteView p = a.payload(payload);
            if (p.length() != INFO_SIZE) {
                entries = null;
                break;
            }
            List<Field> members = decoding.struct("nl80211-vendor-cmd-info", p);
            entries.add(Field.parent("[" + a.type() + "]", -1, decoding.structDisplay(members), a.offset(), a.length(),
                    false, members));
        }
        if (!r.clean() || entries == null || payload.length() == 0) {
            String hex = payload.hex(payload.start(), payload.length());
            return Result.ofValue(hex, hex);
        }
        return Result.ofChildren(entries, entries.size() + " vendor commands", null);
    }
}
