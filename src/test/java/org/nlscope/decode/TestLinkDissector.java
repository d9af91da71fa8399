package org.nlscope.decode;

import static org.nlscope.uapi.Rtnetlink.IFLA_IFNAME;
import static org.nlscope.uapi.Rtnetlink.IFLA_INFO_DATA;
import static org.nlscope.uapi.Rtnetlink.IFLA_INFO_KIND;
import static org.nlscope.uapi.Rtnetlink.IFLA_LINKINFO;
import static org.nlscope.uapi.Rtnetlink.IFLA_MTU;
import static org.nlscope.uapi.Rtnetlink.RTM_DELLINK;
import static org.nlscope.uapi.Rtnetlink.RTM_GETLINK;
import static org.nlscope.uapi.Rtnetlink.RTM_NEWLINK;

import java.util.ArrayList;
import java.util.List;
import org.nlscope.model.Field;
import org.nlscope.uapi.Netlink;

/**
 * A tiny hand-written rtnetlink link dissector for the engine's tests: ifinfomsg, then
 * IFLA_IFNAME, IFLA_MTU and IFLA_LINKINFO {IFLA_INFO_KIND, IFLA_INFO_DATA {IFLA_VLAN_ID}}.
 * The real ones are data-driven (decode.spec).
 */
final class TestLinkDissector implements Dissector {
    static final int IFLA_VLAN_ID = 1;

    @Override
    public DissectorKey key() {
        return DissectorKey.netlink(Netlink.NETLINK_ROUTE);
    }

    @Override
    public String messageName(int type) {
        return switch (type) {
            case RTM_NEWLINK -> "RTM_NEWLINK";
            case RTM_DELLINK -> "RTM_DELLINK";
            case RTM_GETLINK -> "RTM_GETLINK";
            default -> null;
        };
    }

    @Override
    public MessageKind kind(int type) {
        return switch (type) {
            case RTM_NEWLINK -> MessageKind.NEW;
            case RTM_DELLINK -> MessageKind.DEL;
            case RTM_GETLINK -> MessageKind.GET;
            default -> MessageKind.OTHER;
        };
    }

    @Override
    public String attributeName(int type, boolean request, String nestPath, int attrType) {
        if (nestPath == null) {
            return switch (attrType) {
                case IFLA_IFNAME -> "IFLA_IFNAME";
                case IFLA_MTU -> "IFLA_MTU";
                case IFLA_LINKINFO -> "IFLA_LINKINFO";
                default -> null;
            };
        }
        if (nestPath.equals("IFLA_LINKINFO")) {
            return attrType == IFLA_INFO_KIND ? "IFLA_INFO_KIND" : attrType == IFLA_INFO_DATA ? "IFLA_INFO_DATA" : null;
        }
        return null;
    }

    @Override
    public MessageBody decode(int type, boolean request, ByteView body, DecodeContext context) {
        List<String> problems = new ArrayList<>();
        List<Field> header = new ArrayList<>();
        int p = body.start();
        if (body.length() < 16) {
            problems.add("ifinfomsg truncated");
            return new MessageBody(header, List.of(), "", problems);
        }
        header.add(Field.member("ifi_family", (long) body.u8(p), "" + body.u8(p), p, 1));
        header.add(Field.member("ifi_type", (long) body.u16(p + 2), "" + body.u16(p + 2), p + 2, 2));
        header.add(Field.member("ifi_index", (long) body.s32(p + 4), "" + body.s32(p + 4), p + 4, 4));
        header.add(Field.member("ifi_flags", body.u32(p + 8), "" + body.u32(p + 8), p + 8, 4));
        header.add(Field.member("ifi_change", body.u32(p + 12), "" + body.u32(p + 12), p + 12, 4));
        ByteView attrs = body.slice(p + 16, body.length() - 16);
        List<Field> fields = attributes(attrs, problems, 0);
        StringBuilder summary = new StringBuilder();
        for (Field f : fields) {
            if ("IFLA_IFNAME".equals(f.name())) {
                summary.append(f.value());
            }
        }
        for (Field f : fields) {
            if ("IFLA_MTU".equals(f.name())) {
                summary.append(" mtu ").append(f.value());
            }
        }
        return new MessageBody(header, fields, summary.toString(), problems);
    }

    private List<Field> attributes(ByteView w, List<String> problems, int level) {
        AttrReader.Result r = AttrReader.read(w);
        List<Field> out = new ArrayList<>();
        for (NlAttr a : r.attributes()) {
            if (level == 0 && a.type() == IFLA_IFNAME) {
                out.add(Fields.string("IFLA_IFNAME", a, w));
            } else if (level == 0 && a.type() == IFLA_MTU) {
                out.add(Fields.integer("IFLA_MTU", a, w, 4, false, false));
            } else if (level == 0 && a.type() == IFLA_LINKINFO) {
                out.add(nest("IFLA_LINKINFO", a, w, problems, 1));
            } else if (level == 1 && a.type() == IFLA_INFO_KIND) {
                out.add(Fields.string("IFLA_INFO_KIND", a, w));
            } else if (level == 1 && a.type() == IFLA_INFO_DATA) {
                out.add(nest("IFLA_INFO_DATA", a, w, problems, 2));
            } else if (level == 2 && a.type() == IFLA_VLAN_ID) {
                Field id = Fields.integer("IFLA_VLAN_ID", a, w, 2, false, false);
                if (id.problem() != null) {
                    problems.add(id.problem());
                }
                out.add(id);
            } else {
                out.add(RawAttributes.attribute(a, w, level, problems));
            }
        }
        if (!r.clean()) {
            problems.add(r.problem());
        }
        return out;
    }

    private Field nest(String name, NlAttr a, ByteView w, List<String> problems, int level) {
        List<Field> children = attributes(a.payload(w), problems, level);
        return Field.parent(name, a.type(), "", a.offset(), a.length(), true, children);
    }
}
