package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.pcap.TsharkInteropTest;

/**
 * {@code convert --redact}, {@code --anonymize} and {@code read}'s masking on real captures:
 * genl.pcapng ({@code wg set wg0 private-key ...}, then {@code wg showconf}) and xfrm.pcapng
 * ({@code ip xfrm state add ... enc ... auth ...}) and macsec.pcapng ({@code ip macsec add ... key ...}),
 * whose keys are fixed in scripts/record-captures.
 */
class RedactTest {
    static final Path CAPTURES = Path.of("src/test/resources/captures");

    /** The WireGuard private key of genl.pcapng. */
    static final byte[] WG_KEY = Base64.getDecoder().decode("yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=");
    /** The enc, auth, aead and auth-trunc keys of xfrm.pcapng. */
    static final List<String> XFRM_KEYS = List.of("00112233445566778899aabbccddeeff",
            "0123456789abcdef0123456789abcdef01234567", "fedcba9876543210fedcba987654321001020304",
            "0f0e0d0c0b0a09080706050403020100", "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf");

    @TempDir
    Path dir;

    /** The SAKs of macsec.pcapng ({@code ip macsec add ... key 01 ...}, {@code key 02 ...}). */
    static final List<String> MACSEC_KEYS = List.of("0102030405060708090a0b0c0d0e0f10", "1112131415161718191a1b1c1d1e1f20");

    static List<byte[]> keys(String capture) {
        if (capture.startsWith("genl")) {
            return List.of(WG_KEY);
        }
        return (capture.startsWith("macsec") ? MACSEC_KEYS : XFRM_KEYS).stream().map(HexFormat.of()::parseHex).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"genl.pcapng", "xfrm.pcapng", "macsec.pcapng"})
    void redactedCopyHasNoKeyBytesAndDecodesToTheSameMessages(String capture) throws Exception {
        Path in = CAPTURES.resolve(capture);
        byte[] original = Files.readAllBytes(in);
        for (byte[] key : keys(capture)) {
            assertTrue(indexOf(original, key) >= 0, "the recording holds the key " + HexFormat.of().formatHex(key));
        }
        Path out = dir.resolve("redacted.pcapng");
        MainTest.Run convert = MainTest.run("convert", "--redact", in.toString(), out.toString());
        assertEquals(0, convert.code(), convert.err());
        assertTrue(convert.err().matches("nlscope: [1-9]\\d* secret values redacted in \\d+ frames\\n"), convert.err());

        byte[] redacted = Files.readAllBytes(out);
        for (byte[] key : keys(capture)) {
            assertEquals(-1, indexOf(redacted, key), "key bytes left in the redacted file");
        }
        // the same messages, types and summaries: keys are in no one-line summary
        assertEquals(MainTest.run("read", in.toString()).out(), MainTest.run("read", out.toString()).out());
        String shown = MainTest.run("read", "-V", "--show-secrets", out.toString()).out();
        for (byte[] key : keys(capture)) {
            assertFalse(shown.contains(HexFormat.of().formatHex(key)), "a key in the redacted file's decode");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"genl.pcapng", "xfrm.pcapng", "macsec.pcapng"})
    void readMasksKeysInEveryFormatUnlessAskedForThem(String capture) {
        String in = CAPTURES.resolve(capture).toString();
        for (String[] format : new String[][] {{}, {"-V"}, {"--json"}}) {
            String masked = read(List.of(format), in);
            String shown = read(List.of(format).isEmpty() ? List.of("--show-secrets")
                    : List.of(format[0], "--show-secrets"), in);
            for (byte[] key : keys(capture)) {
                String hex = HexFormat.of().formatHex(key);
                String base64 = java.util.Base64.getEncoder().encodeToString(key); // WireGuard keys read as wg prints them
                assertFalse(masked.contains(hex) || masked.contains(base64),
                        "read " + String.join(" ", format) + " printed a key");
                // the one-line form shows no keys at all
                if (format.length > 0) {
                    assertTrue(shown.contains(hex) || shown.contains(base64), "--show-secrets shows the key " + hex);
                }
            }
        }
    }

    @Test
    void wireGuardPrivateKeyReadsAsZerosOfItsLength() {
        String tree = read(List.of("-V"), CAPTURES.resolve("genl.pcapng").toString());
        assertTrue(tree.contains("WGDEVICE_A_PRIVATE_KEY (3): "
                + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n"), tree);
    }

    @Test
    void tsharkReadsTheRedactedFileAndShowsWhatWasRedacted() throws Exception {
        Assumptions.assumeTrue(TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        Path in = CAPTURES.resolve("xfrm.pcapng");
        Path out = dir.resolve("xfrm-redacted.pcapng");
        assertEquals(0, MainTest.run("convert", "--redact", in.toString(), out.toString()).code());
        var frames = TsharkInteropTest.run("tshark", "-r", out.toString(), "-T", "fields", "-e", "frame.number",
                "-e", "frame.comment");
        assertEquals(0, frames.exit(), frames.err());
        List<String> lines = frames.out().lines().toList();
        assertEquals(MainTest.run("read", in.toString()).out().lines().map(l -> l.split(" ")[0]).distinct().count(),
                lines.size(), frames.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("nlscope redacted XFRMA_ALG_AUTH_TRUNC, XFRMA_ALG_CRYPT")),
                frames.out());
        var info = TsharkInteropTest.run("capinfos", "-k", out.toString());
        assertTrue(info.out().contains("Redacted by nlscope"), info.out());
        assertTrue(info.out().contains("XFRMA_ALG_CRYPT: "), info.out());
    }

    @Test
    void anonymizeReplacesAddressesConsistently() throws Exception {
        Path in = CAPTURES.resolve("addresses.pcapng");
        Path out = dir.resolve("anon.pcapng");
        MainTest.Run convert = MainTest.run("convert", "--anonymize", in.toString(), out.toString());
        assertEquals(0, convert.code(), convert.err());
        String before = MainTest.run("read", in.toString()).out();
        String after = MainTest.run("read", out.toString()).out();
        assertTrue(before.contains("192.0.2.1") && before.contains("2001:db8::1"), before);
        for (String real : List.of("192.0.2.1", "198.51.100.7", "2001:db8::1", "2001:db8:1::1", "02:00:00:00:00:01")) {
            assertFalse(after.contains(real), real + " left in " + after);
            assertFalse(MainTest.run("read", "-V", out.toString()).out().contains(real), real + " left in -V");
        }
        assertEquals(before.lines().count(), after.lines().count());
        // one address, one pseudonym: the lines that named 192.0.2.1 now all name the same stand-in
        List<String> was = before.lines().filter(l -> l.contains(" 192.0.2.1/")).toList();
        assertFalse(was.isEmpty(), before);
        String stand = after.lines().filter(l -> l.contains(" 10.")).findFirst().orElseThrow()
                .replaceAll(".* (10\\.\\d+\\.\\d+\\.\\d+)/.*", "$1");
        List<String> now = after.lines().filter(l -> l.contains(" " + stand + "/")).toList();
        assertEquals(was.size(), now.size(), after);
    }

    @Test
    void anonymizeReplacesTheAddressOfAWireGuardEndpointAndKeepsItsPort() throws Exception {
        Path in = CAPTURES.resolve("genl.pcapng");
        Path out = dir.resolve("anon-wg.pcapng");
        MainTest.Run convert = MainTest.run("convert", "--anonymize", in.toString(), out.toString());
        assertEquals(0, convert.code(), convert.err());
        String before = MainTest.run("read", "-V", in.toString()).out();
        String after = MainTest.run("read", "-V", out.toString()).out();
        assertTrue(before.contains("WGPEER_A_ENDPOINT (4): 192.0.2.9:51820"), before);
        assertFalse(after.contains("192.0.2.9"), "the endpoint's address is left in " + after);
        List<String> endpoints = after.lines().filter(l -> l.contains("WGPEER_A_ENDPOINT (4): ")).toList();
        assertEquals(before.lines().filter(l -> l.contains("WGPEER_A_ENDPOINT (4): ")).count(), endpoints.size());
        for (String e : endpoints) {
            // still a sockaddr_in with its port: only the address became a pseudonym
            assertTrue(e.matches(".*WGPEER_A_ENDPOINT \\(4\\): 10\\.\\d+\\.\\d+\\.\\d+:51820$"), e);
        }
        assertEquals(1, endpoints.stream().map(String::strip).distinct().count(), "one address, one pseudonym: " + endpoints);
    }

    @Test
    void anonymizeReplacesSockDiagAddressesInTheirSixteenByteSlots() throws Exception {
        // the recorded sock_diag dump, with its loopback sockets moved to 192.0.2.5 (loopback is never hidden)
        byte[] file = Files.readAllBytes(CAPTURES.resolve("sock-diag.pcapng"));
        byte[] loopback = {127, 0, 0, 1};
        int moved = 0;
        for (int at = indexOf(file, loopback); at >= 0; at = indexOf(file, loopback)) {
            file[at] = (byte) 192;
            file[at + 2] = 2;
            file[at + 3] = 5;
            moved++;
        }
        assertTrue(moved > 0);
        Path in = dir.resolve("sock-diag-192.pcapng");
        Files.write(in, file);
        Path out = dir.resolve("sock-diag-anon.pcapng");
        MainTest.Run convert = MainTest.run("convert", "--anonymize", in.toString(), out.toString());
        assertEquals(0, convert.code(), convert.err());
        String before = MainTest.run("read", in.toString()).out();
        String after = MainTest.run("read", out.toString()).out();
        assertTrue(before.contains("192.0.2.5:8765"), before);
        assertFalse(MainTest.run("read", "-V", out.toString()).out().contains("192.0.2.5"), after);
        assertEquals(before.lines().count(), after.lines().count());
        // still IPv4 with its port: the slot's other twelve bytes stay zero
        assertTrue(after.lines().anyMatch(l -> l.matches(".*TCP_LISTEN 10\\.\\d+\\.\\d+\\.\\d+:8765 .*")), after);
    }

    private static String read(List<String> options, String file) {
        List<String> args = new java.util.ArrayList<>(List.of("read"));
        args.addAll(options);
        args.add(file);
        MainTest.Run r = MainTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
