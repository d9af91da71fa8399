package org.nlscope.dissect.rtnetlink;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NlAttr;
import org.nlscope.decode.spec.SpecDecoding;
import org.nlscope.decode.spec.ValueDecoder;
import org.nlscope.model.Field;

/**
 * RTA_MULTIPATH: a run of struct rtnexthop, each followed by its own route
 * attributes up to rtnh_len. Data files can say structs and attribute sets but not
 * "a struct whose first member sizes the attributes after it", so this is Java.
 */
public final class RtNexthopList implements ValueDecoder {
    private static final String STRUCT = "rtnexthop";
    private static final String ATTRIBUTES = "route-attrs";

    @Override
    public String name() {
        return "rtnexthop-list";
    }

    @Override
    public Result decode(ByteView payload, SpecDecoding decoding) {
        int headerSize = decoding.structSize(STRUCT);
        List<Field> hops = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        String problem = null;
        int pos = payload.start();
        while (pos < payload.end()) {
            if (!payload.has(pos, headerSize)) {
                problem = "rtnexthop at offset " + pos + " needs " + headerSize + " bytes, " + (payload.end() - pos) + " remain";
                break;
            }
            int len = payload.u16(pos);
            if (len < headerSize || !payload.has(pos, len)) {
                problem = "rtnexthop at offset " + pos + " has rtnh_len " + len + " (" + (payload.end() - pos) + " bytes remain)";
                break;
            }
            ByteView hop = payload.slice(pos, len);
            List<Field> children = new ArrayList<>(decoding.struct(STRUCT, hop));
            SpecDecoding.Attributes attrs = decoding.attributes(ATTRIBUTES, hop.slice(pos + NlAttr.align(headerSize), len));
            children.addAll(attrs.fields());
            String display = describe(children);
            shown.add(display);
            Field entry = Field.parent(STRUCT, -1, display, pos, len, false, children);
            hops.add(attrs.problem() == null ? entry : entry.withProblem(attrs.problem()));
            pos += NlAttr.align(len);
        }
        return ValueDecoder.Result.ofChildren(hops, String.join(", ", shown), problem);
    }

    /** "via 10.0.0.1 dev 3 weight 2", the way `ip route` shows a next hop. */
    private static String describe(List<Field> fields) {
        StringBuilder sb = new StringBuilder();
        for (Field f : fields) {
            if ("RTA_GATEWAY".equals(f.name()) || "RTA_VIA".equals(f.name())) {
                sb.append("via ").append(f.display()).append(' ');
            }
        }
        for (Field f : fields) {
            if ("rtnh_ifindex".equals(f.name())) {
                sb.append("dev ").append(f.display()).append(' ');
            } else if ("rtnh_hops".equals(f.name()) && f.value() instanceof Long hops) {
                sb.append("weight ").append(hops + 1).append(' ');
            }
        }
        return sb.toString().trim();
    }
}
