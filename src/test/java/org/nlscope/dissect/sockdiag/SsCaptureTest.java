package org.nlscope.dissect.sockdiag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.dissect.DecodedCapture.at;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nlscope.dissect.DecodedCapture;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;

/**
 * ss.pcapng (captures/README.md): the values ss printed while it was recorded
 * (rtt:5.595, mss:32768, rcv_space:65483 of 127.0.0.1:8765; the MPTCP token a957d2b6 and
 * write_seq 5c20de52d67e42b5; the filter on port 8765) as the decode reads them.
 */
class SsCaptureTest {
    private static final List<DecodedMessage> MESSAGES = DecodedCapture.messages("ss.pcapng");

    private static DecodedMessage first(Predicate<DecodedMessage> which) {
        return MESSAGES.stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void tcpInfoOfTheListenersConnection() {
        DecodedMessage m = first(x -> x.summary().contains("TCP_ESTABLISHED 127.0.0.1:8765 -> 127.0.0.1:38616")
                && x.attribute("INET_DIAG_INFO") != null);
        assertEquals(List.of(), m.problems());
        Field info = m.attribute("INET_DIAG_INFO");
        assertEquals(5595L, at(info.children(), "tcpi_rtt").value());
        assertEquals(32768L, at(info.children(), "tcpi_snd_mss").value());
        assertEquals(65483L, at(info.children(), "tcpi_rcv_space").value());
        assertEquals("TCP_ESTABLISHED", at(info.children(), "tcpi_state").valueName());
        assertEquals("127.0.0.1", at(m.fixedHeader(), "id/idiag_src").display());
        assertEquals("cubic", m.attribute("INET_DIAG_CONG").value());
    }

    @Test
    void mptcpInfoAndTheSubflowsUlp() {
        DecodedMessage msk = first(x -> x.attribute("INET_DIAG_INFO") != null
                && x.attribute("INET_DIAG_INFO").display().startsWith("mptcp_info"));
        Field info = msk.attribute("INET_DIAG_INFO");
        assertEquals(0xa957d2b6L, at(info.children(), "mptcpi_token").value());
        assertEquals("0x5c20de52d67e42b5", at(info.children(), "mptcpi_write_seq").display());
        DecodedMessage subflow = first(x -> x.attribute("INET_DIAG_ULP_INFO") != null);
        assertEquals("mptcp", at(subflow.attribute("INET_DIAG_ULP_INFO").children(), "INET_ULP_INFO_NAME").value());
        assertTrue(at(subflow.attribute("INET_DIAG_ULP_INFO").children(), "INET_ULP_INFO_MPTCP").nested());
    }

    @Test
    void theFiltersBytecode() {
        DecodedMessage request = first(x -> x.attribute("INET_DIAG_REQ_BYTECODE") != null);
        Field code = request.attribute("INET_DIAG_REQ_BYTECODE");
        assertEquals(null, code.problem());
        assertEquals("INET_DIAG_BC_D_COND * port 8765, INET_DIAG_BC_JMP, INET_DIAG_BC_S_COND * port 8765", code.display());
        assertEquals(8765L, at(code.children().get(0).children(), "port").value());
    }

    @Test
    void unixAndPacketSockets() {
        DecodedMessage unix = first(x -> x.attribute("UNIX_DIAG_NAME") != null);
        assertEquals("@nlscope", unix.attribute("UNIX_DIAG_NAME").value()); // an abstract name, as ss shows it
        DecodedMessage packet = first(x -> x.attribute("PACKET_DIAG_INFO") != null);
        assertEquals("AF_PACKET", at(packet.fixedHeader(), "pdiag_family").valueName());
    }
}
