package org.nlscope.dissect.sockdiag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.MessageBody;
import org.nlscope.model.Field;
import org.nlscope.model.ProcessInfo;
import org.nlscope.uapi.Netlink;

/**
 * Bytes recorded from this machine's kernel: an `ss -A netlink` style dump request and its first
 * reply, decoded by the built-in sock_diag dissector (the layouts in dissectors/sock_diag, the
 * choice among them in {@link SockDiagDissector}).
 */
class SockDiagDissectorTest {
    private static final String REQUEST = "2400000014000103070000000000000010ff0000000000000a000000ffffffffffffffff";
    private static final String REPLY = "340000001400020007000000b3380000100200070000000000000000000000000400000001000000000000000800040000000000";

    private final Dissector dissector = DissectorRegistry.load(List.of())
            .forKey(DissectorKey.netlink(Netlink.NETLINK_SOCK_DIAG));

    /** The message body (after its nlmsghdr), placed after a 16-byte cooked header as in a capture. */
    private static ByteView body(String messageHex) {
        byte[] message = HexFormat.of().parseHex(messageHex);
        byte[] frame = new byte[16 + message.length];
        System.arraycopy(message, 0, frame, 16, message.length);
        return new ByteView(frame, 32, frame.length);
    }

    private static Field field(List<Field> fields, String name) {
        return fields.stream().filter(f -> name.equals(f.name())).findFirst().orElseThrow();
    }

    @Test
    void namesTheDumpRequest() {
        MessageBody body = dissector.decode(20, true, body(REQUEST), DecodeContext.empty());
        assertEquals("SOCK_DIAG_BY_FAMILY", dissector.messageName(20));
        assertEquals("AF_NETLINK", field(body.fixedHeader(), "sdiag_family").valueName());
        assertEquals("NDIAG_PROTO_ALL", field(body.fixedHeader(), "sdiag_protocol").valueName());
        assertEquals(10L, field(body.fixedHeader(), "ndiag_show").value());
        assertEquals("0xffffffffffffffff", field(body.fixedHeader(), "ndiag_cookie").display());
        assertEquals(32 + 8, field(body.fixedHeader(), "ndiag_show").offset());
        assertEquals("AF_NETLINK NDIAG_PROTO_ALL", body.summary());
        assertTrue(body.problems().isEmpty());
    }

    @Test
    void decodesTheReplyWithItsAttributesAndTheOwningProcess() {
        DecodeContext ctx = DecodeContext.empty().withProcess(new ProcessInfo(0, -1, null, false));
        MessageBody body = dissector.decode(20, false, body(REPLY), ctx);
        assertEquals("NETLINK_ROUTE", field(body.fixedHeader(), "ndiag_protocol").valueName());
        assertEquals("SOCK_DGRAM", field(body.fixedHeader(), "ndiag_type").valueName());
        assertEquals(0L, field(body.fixedHeader(), "ndiag_portid").value());
        assertEquals(4L, field(body.fixedHeader(), "ndiag_ino").value());
        Field flags = body.attributes().get(0);
        assertEquals("NETLINK_DIAG_FLAGS", flags.name());
        assertEquals(4, flags.type());
        assertEquals(0L, flags.value());
        assertEquals(16 + 16 + 28, flags.offset());
        assertEquals("NETLINK_ROUTE port 0 kernel ino 4", body.summary());
        assertTrue(body.problems().isEmpty());
    }

    @Test
    void truncatedHeaderKeepsWhatFitsAndSaysWhy() {
        String cut = REPLY.substring(0, (16 + 10) * 2);
        MessageBody body = dissector.decode(20, false, body(cut), DecodeContext.empty());
        assertEquals(List.of("netlink-diag-msg needs 28 bytes, found 10"), body.problems());
        assertEquals("NETLINK_ROUTE", field(body.fixedHeader(), "ndiag_protocol").valueName());
        assertFalse(body.fixedHeader().stream().anyMatch(f -> "ndiag_ino".equals(f.name())));
    }

    @Test
    void lyingAttributeLengthIsAProblemNotAnException() {
        // NETLINK_DIAG_FLAGS claims 200 bytes
        String lying = REPLY.substring(0, REPLY.length() - 16) + "c8000400" + "04000000";
        MessageBody body = dissector.decode(20, false, body(lying), DecodeContext.empty());
        assertEquals(1, body.problems().size());
        assertTrue(body.problems().get(0).contains("nla_len 200"), body.problems().toString());
    }

    @Test
    void unknownAddressFamilyIsNamedAsUnknown() {
        MessageBody body = dissector.decode(20, true, body("2400000014000103070000000000000063"), DecodeContext.empty());
        assertEquals(List.of("sock_diag for unknown address family 99"), body.problems());
    }
}
