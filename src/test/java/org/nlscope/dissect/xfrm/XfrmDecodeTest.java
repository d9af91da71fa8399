package org.nlscope.dissect.xfrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;

/** xfrm.pcapng (captures/README.md: ip xfrm state add/get/del, policy add/flush) as the decode reads it. */
class XfrmDecodeTest {
    private static final FrameDecoder DECODER = new FrameDecoder(DissectorRegistry.load(List.of()));
    private static List<Frame> frames;

    @BeforeAll
    static void read() {
        frames = RecordedCaptures.frames(RecordedCaptures.DIRECTORY.resolve(Path.of("xfrm.pcapng")));
    }

    private static DecodedMessage message(int frame) {
        return DECODER.decode(frames.get(frame - 1), frame, DecodeContext.empty()).messages().get(0);
    }

    private static Field at(List<Field> fields, String path) {
        Field f = null;
        for (String step : path.split("/")) {
            List<Field> in = f == null ? fields : f.children();
            f = in.stream().filter(c -> step.equals(c.name())).findFirst().orElse(null);
            assertNotNull(f, path + ": no " + step + " in " + in);
        }
        return f;
    }

    @Test
    void anIpv4StateHasItsAddressesInTheirSlotsAndItsAlgorithms() {
        DecodedMessage m = message(1);
        assertEquals("XFRM_MSG_NEWSA", m.typeName());
        assertEquals(List.of(), m.problems());
        assertEquals("192.0.2.2", at(m.fixedHeader(), "id/daddr").display());
        assertEquals("192.0.2.1", at(m.fixedHeader(), "saddr").display());
        assertEquals(0x1000L, at(m.fixedHeader(), "id/spi").value());
        assertEquals("AF_INET", at(m.fixedHeader(), "family").valueName());
        assertEquals("XFRM_MODE_TUNNEL", at(m.fixedHeader(), "mode").valueName());
        // the decoder itself shows the key: read masks it from the bytes (XfrmKeys), see RedactTest
        assertEquals("cbc(aes)", at(m.attributes(), "XFRMA_ALG_CRYPT/alg_name").value());
        assertEquals(128L, at(m.attributes(), "XFRMA_ALG_CRYPT/alg_key_len").value());
        assertEquals("00112233445566778899aabbccddeeff", at(m.attributes(), "XFRMA_ALG_CRYPT/alg_key").value());
        assertEquals("hmac(sha1)", at(m.attributes(), "XFRMA_ALG_AUTH/alg_name").value());
        assertEquals("XFRM_MSG_NEWSA ESP spi 0x1000 192.0.2.1 -> 192.0.2.2 TUNNEL", m.summary());
    }

    @Test
    void anIpv6StateAndAnAeadOne() {
        DecodedMessage v6 = message(5);
        assertEquals("2001:db8::2", at(v6.fixedHeader(), "id/daddr").display());
        assertEquals(128L, at(v6.attributes(), "XFRMA_ALG_AUTH_TRUNC/alg_trunc_len").value());
        DecodedMessage aead = message(3);
        assertEquals("rfc4106(gcm(aes))", at(aead.attributes(), "XFRMA_ALG_AEAD/alg_name").value());
        assertEquals(128L, at(aead.attributes(), "XFRMA_ALG_AEAD/alg_icv_len").value());
        assertEquals("fedcba9876543210fedcba987654321001020304", at(aead.attributes(), "XFRMA_ALG_AEAD/alg_key").value());
    }

    @Test
    void aPolicyWithItsSelectorAndTemplate() {
        DecodedMessage m = message(7);
        assertEquals("XFRM_MSG_NEWPOLICY", m.typeName());
        assertEquals("10.1.0.0", at(m.fixedHeader(), "sel/saddr").display());
        assertEquals(16L, at(m.fixedHeader(), "sel/prefixlen_d").value());
        assertEquals("XFRM_POLICY_OUT", at(m.fixedHeader(), "dir").valueName());
        Field tmpl = at(m.attributes(), "XFRMA_TMPL/[0]");
        assertEquals("192.0.2.2", at(tmpl.children(), "id/daddr").display());
        assertEquals("192.0.2.1", at(tmpl.children(), "saddr").display());
        assertEquals("XFRM_MSG_NEWPOLICY OUT 10.1.0.0/16 -> 10.2.0.0/16 ALLOW", m.summary());
    }

    @Test
    void aDumpRequestHasNoFixedHeader() {
        DecodedMessage m = message(9);
        assertEquals("XFRM_MSG_GETSA", m.typeName());
        assertEquals(List.of(), m.fixedHeader());
        assertEquals(List.of(), m.problems());
        assertEquals("AF_UNSPEC", at(m.attributes(), "XFRMA_ADDRESS_FILTER/family").valueName());
        // and the same type with a body that is a header (ip xfrm state get) keeps it
        DecodedMessage get = message(15);
        assertEquals("192.0.2.2", at(get.fixedHeader(), "daddr").display());
    }

    @Test
    void aCutStateKeepsWhatFitsAndSaysWhy() {
        Frame f = frames.get(0);
        int cut = 16 + 16 + 100; // cooked header, nlmsghdr, 100 of xfrm_usersa_info's 224 bytes
        byte[] data = Arrays.copyOf(f.data(), cut);
        data[16] = (byte) (cut - 16); // nlmsg_len
        data[17] = 0;
        Frame shorter = new Frame(f.timestampNanos(), f.linkType(), data, data.length, f.packetType(), null);
        DecodedMessage m = DECODER.decode(shorter, 1, DecodeContext.empty()).messages().get(0);
        List<String> problems = new ArrayList<>(m.problems());
        assertTrue(problems.contains("xfrm-usersa-info needs 224 bytes, found 100"), problems.toString());
        assertEquals(0x1000L, at(m.fixedHeader(), "id/spi").value());
        // the family that says the slot holds IPv4 (at offset 212) was cut off: it reads as IPv6
        assertEquals("c000:202::", at(m.fixedHeader(), "id/daddr").display());
    }
}
