package org.nlscope.uapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checked-in kernel constants are what scripts/gen-uapi makes of this machine's uapi headers. */
class UapiTest {
    private static final Path CHECKED_IN = Path.of("src/main/java/org/nlscope/uapi");

    @Test
    void theCheckedInFilesAreTheScriptsOutput(@TempDir Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("scripts/gen-uapi", out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), said);
        try (var files = Files.list(out)) {
            List<String> made = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("Errno.java", "Genetlink.java", "Netlink.java", "NfTables.java", "Nl80211.java", "Rtnetlink.java", "Wireless.java"), made);
        }
        for (String name : List.of("Errno.java", "Genetlink.java", "Netlink.java", "NfTables.java", "Nl80211.java", "Rtnetlink.java", "Wireless.java")) {
            assertEquals(Files.readString(out.resolve(name)), Files.readString(CHECKED_IN.resolve(name)),
                    name + " differs from scripts/gen-uapi's output: run the script and review the diff");
        }
    }

    @Test
    void namesAreLookedUpByNumberAndBack() {
        assertEquals("NETLINK_SOCK_DIAG", Netlink.protocolName(4));
        assertNull(Netlink.protocolName(17));   // reserved for DM, no name in linux/netlink.h
        assertEquals(4, Netlink.protocolNumber("NETLINK_INET_DIAG"));
        assertEquals(-1, Netlink.protocolNumber("NETLINK_NOSUCH"));
        assertEquals("EAGAIN", Errno.name(-Errno.EWOULDBLOCK));   // an alias reads as the number's first name
        assertEquals("-EEXIST: File exists", Errno.describe(-17));
        assertEquals("-524: unknown errno", Errno.describe(-524));
        assertNull(Errno.name(41));
    }
}
