package org.nlscope.dissect.sockdiag;

import java.util.List;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.spec.SpecBackedDissector;
import org.nlscope.decode.spec.SpecDissector;
import org.nlscope.model.Field;
import org.nlscope.model.ProcessInfo;

/**
 * NETLINK_SOCK_DIAG (ss, and nlscope's own port-to-process lookup). The layouts are data
 * (dissectors/sock_diag/sock-diag.yaml); what the data cannot say is which one a message
 * uses: that is chosen here by the address family in its first byte and its direction.
 */
final class SockDiagDissector extends SpecBackedDissector {
    private static final int TCPDIAG_GETSOCK = 18;
    private static final int DCCPDIAG_GETSOCK = 19;

    SockDiagDissector(SpecDissector data) {
        super(data);
    }

    /** None: the file ties no attribute set to a type; the body's address family picks it (see decode). */
    @Override
    public String attributeName(int type, boolean request, String nestPath, int attrType) {
        return null;
    }

    @Override
    public MessageBody decode(int type, boolean request, ByteView body, DecodeContext context) {
        if (data.messageName(type) == null) {
            return data.decode(type, request, body, context);
        }
        if (body.length() < 1) {
            return new MessageBody(List.of(), List.of(), "", List.of("sock_diag message without a body"));
        }
        int family = body.u8(body.start());
        String kind = switch (family) {
            case 2, 10 -> "inet";
            case 1 -> "unix";
            case 16 -> "netlink";
            case 17 -> "packet";
            default -> null;
        };
        if (kind == null) {
            return new MessageBody(List.of(), List.of(), "unknown(" + family + ")",
                    List.of("sock_diag for unknown address family " + family));
        }
        boolean legacy = type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK;
        String header = !request ? kind + "-diag-msg"
                : legacy ? "inet-diag-req"
                : kind.equals("inet") ? "inet-diag-req-v2" : kind + "-diag-req";
        String attributes = request ? (kind.equals("inet") ? "inet-diag-req-attrs" : null) : kind + "-diag-attrs";
        MessageBody decoded = data.decodeAs(header, attributes, body, context);
        return new MessageBody(decoded.fixedHeader(), decoded.attributes(),
                summary(decoded.fixedHeader(), family, request, context), decoded.problems());
    }

    /** "AF_NETLINK NDIAG_PROTO_ALL", "NETLINK_ROUTE port 1234 pid 88 (ip) ino 99", "TCP_LISTEN 0.0.0.0:22 -> ...". */
    private static String summary(List<Field> header, int family, boolean request, DecodeContext context) {
        Field first = header.isEmpty() ? null : header.get(0);
        String af = first != null && first.valueName() != null ? first.valueName() : "unknown(" + family + ")";
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
            case 2, 10 -> {
                Field id = find(header, "id");
                List<Field> sockid = id == null ? List.of() : id.children();
                yield text(find(header, "idiag_state")) + " "
                        + text(find(sockid, "idiag_src")) + ":" + text(find(sockid, "idiag_sport")) + " -> "
                        + text(find(sockid, "idiag_dst")) + ":" + text(find(sockid, "idiag_dport"));
            }
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
