package org.nlscope.dissect.sockdiag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.MessageKind;
import org.nlscope.decode.NlAttr;
import org.nlscope.model.Field;
import org.nlscope.model.ProcessInfo;

/**
 * NETLINK_SOCK_DIAG (ss, and nlscope's own port-to-process lookup). Written in Java
 * because the layout of both the request and the reply is chosen by the address
 * family in their first byte, which a data file cannot say.
 */
public final class SockDiagDissector implements Dissector {
    public static final int NETLINK_SOCK_DIAG = 4;

    private static final Map<Integer, String> MESSAGES = Map.of(
            18, "TCPDIAG_GETSOCK", 19, "DCCPDIAG_GETSOCK", 20, "SOCK_DIAG_BY_FAMILY", 21, "SOCK_DESTROY");

    @Override
    public DissectorKey key() {
        return DissectorKey.netlink(NETLINK_SOCK_DIAG);
    }

    /** The 16-byte address slots of struct inet_diag_sockid, for anonymizing. */
    @Override
    public Set<String> addressFields() {
        return Set.of("idiag_src", "idiag_dst");
    }

    @Override
    public String messageName(int type) {
        return MESSAGES.get(type);
    }

    @Override
    public MessageKind kind(int type) {
        return switch (type) {
            case 18, 19, 20 -> MessageKind.GET;
            case 21 -> MessageKind.DEL;
            default -> MessageKind.OTHER;
        };
    }

    @Override
    public MessageBody decode(int type, boolean request, ByteView body, DecodeContext context) {
        if (!MESSAGES.containsKey(type)) {
            return new MessageBody(List.of(), List.of(), "", List.of());
        }
        if (body.length() < 1) {
            return new MessageBody(List.of(), List.of(), "", List.of("sock_diag message without a body"));
        }
        int family = body.u8(body.start());
        Layout layout = Layout.forFamily(family, request);
        if (layout == null) {
            return new MessageBody(List.of(), List.of(), Names.of(Names.ADDRESS_FAMILY, family),
                    List.of("sock_diag for unknown address family " + family));
        }
        List<String> problems = new ArrayList<>();
        int headerSize = layout.header().size();
        if (body.length() < headerSize) {
            problems.add(layout.header().name() + " needs " + headerSize + " bytes, message has " + body.length());
        }
        List<Field> header = layout.header().read(body, family).stream().map(f -> named(f, family)).toList();
        List<Field> attributes = new ArrayList<>();
        if (body.length() > headerSize) {
            ByteView rest = body.slice(body.start() + NlAttr.align(headerSize), body.length());
            AttrReader.Result walk = AttrReader.read(rest);
            for (NlAttr a : walk.attributes()) {
                attributes.add(attribute(a, body, layout));
            }
            if (!walk.clean()) {
                problems.add(walk.problem());
            }
        }
        return new MessageBody(header, attributes, summary(header, family, request, context), problems);
    }

    private static Field named(Field f, int family) {
        Map<Integer, String> names = switch (f.name()) {
            case "sdiag_family", "idiag_family", "udiag_family", "ndiag_family", "pdiag_family" -> Names.ADDRESS_FAMILY;
            case "sdiag_protocol" -> family == 16 ? Names.NETLINK_PROTOCOL : family == 1 || family == 17 ? null : Names.IP_PROTOCOL;
            case "ndiag_protocol" -> Names.NETLINK_PROTOCOL;
            case "ndiag_type", "udiag_type", "pdiag_type" -> Names.SOCKET_TYPE;
            case "ndiag_state" -> Names.NETLINK_STATE;
            case "idiag_state" -> Names.TCP_STATE;
            default -> null;
        };
        if (names == null || !(f.value() instanceof Long v)) {
            return f;
        }
        String name = Names.of(names, v);
        return new Field(f.name(), -1, v, name, List.of(), name, f.offset(), f.length(), false, List.of(), null);
    }

    private static Field attribute(NlAttr a, ByteView frame, Layout layout) {
        Layout.AttrSpec spec = layout.attributes().get(a.type());
        ByteView p = a.payload(frame);
        int off = p.start();
        int len = p.length();
        AttrKind kind = spec == null ? AttrKind.HEX : spec.kind();
        String name = spec == null ? null : spec.name();
        Object value;
        String display;
        String problem = null;
        switch (kind) {
            case STRING -> {
                int end = off;
                while (end < p.end() && p.u8(end) != 0) {
                    end++;
                }
                value = new String(p.data(), off, end - off, java.nio.charset.StandardCharsets.UTF_8);
                display = (String) value;
            }
            case U8, U32, U64 -> {
                int need = kind == AttrKind.U8 ? 1 : kind == AttrKind.U32 ? 4 : 8;
                if (len < need) {
                    value = p.hex(off, len);
                    display = (String) value;
                    problem = name + " needs " + need + " bytes, has " + len;
                } else {
                    long v = need == 1 ? p.u8(off) : need == 4 ? p.u32(off) : p.u64(off);
                    value = need == 8 && v < 0 ? new java.math.BigInteger(Long.toUnsignedString(v)) : v;
                    display = Long.toUnsignedString(v);
                }
            }
            case U32_ARRAY -> {
                StringBuilder sb = new StringBuilder();
                for (int i = off; i + 4 <= p.end(); i += 4) {
                    sb.append(sb.length() == 0 ? "" : " ").append(p.u32(i));
                }
                value = p.hex(off, len);
                display = sb.toString();
            }
            default -> {
                value = p.hex(off, len);
                display = (String) value;
            }
        }
        return new Field(name, a.type(), value, null, List.of(), display, a.offset(), a.length(), false, List.of(), problem);
    }

    /** "AF_NETLINK dump", "NETLINK_ROUTE port 1234 pid 88 (ip) ino 99", "IPPROTO_TCP TCP_LISTEN 0.0.0.0:22". */
    private static String summary(List<Field> header, int family, boolean request, DecodeContext context) {
        String af = Names.of(Names.ADDRESS_FAMILY, family);
        if (request) {
            Field proto = find(header, "sdiag_protocol");
            return af + (proto != null && proto.valueName() != null ? " " + proto.valueName() : "");
        }
        return switch (family) {
            case 16 -> {
                Field port = find(header, "ndiag_portid");
                StringBuilder sb = new StringBuilder(text(find(header, "ndiag_protocol")));
                if (port != null) {
                    long portId = (Long) port.value();
                    sb.append(" port ").append(portId);
                    ProcessInfo owner = context.process(portId);
                    if (owner != null) {
                        sb.append(' ').append(owner.label());
                    }
                }
                yield sb.append(" ino ").append(text(find(header, "ndiag_ino"))).toString();
            }
            case Addresses.AF_INET, Addresses.AF_INET6 -> text(find(header, "idiag_state")) + " "
                    + text(find(header, "idiag_src")) + ":" + text(find(header, "idiag_sport")) + " -> "
                    + text(find(header, "idiag_dst")) + ":" + text(find(header, "idiag_dport"));
            case 1 -> text(find(header, "udiag_type")) + " ino " + text(find(header, "udiag_ino"));
            default -> af;
        };
    }

    private static Field find(List<Field> fields, String name) {
        return fields.stream().filter(f -> name.equals(f.name())).findFirst().orElse(null);
    }

    private static String text(Field f) {
        return f == null ? "?" : f.display();
    }
}
