package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The capture helper's privilege drop, for real, in a child JVM run as root (this test
 * JVM keeps its own): afterwards the thread, the threads it starts and the programs
 * they run hold CAP_NET_ADMIN and CAP_NET_RAW only, in every set that grants anything,
 * with no_new_privs; and what root could do besides (chown) is refused.
 */
class HelperPrivilegesTest {
    /** CAP_NET_ADMIN (12) and CAP_NET_RAW (13). */
    private static final String KEPT = String.format("%016x", HelperPrivileges.KEPT);

    @Test
    void keepsOnlyTheCaptureCapabilities() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Assumptions.assumeTrue(Files.readString(Path.of("/proc/self/status")).matches("(?s).*CapEff:\\s*[0-9a-f]*[13579bdf][0-9a-f]{2}\\n.*"),
                "needs CAP_SETPCAP (bit 8) to narrow the bounding set");
        assertEquals("0000000000003000", KEPT);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                HelperPrivilegesProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        for (String who : List.of("thread", "started-thread", "program")) {
            assertTrue(out.contains(who + " CapEff: " + KEPT + "\n"), who + ":\n" + out);
            assertTrue(out.contains(who + " CapPrm: " + KEPT + "\n"), who + ":\n" + out);
            assertTrue(out.contains(who + " CapBnd: " + KEPT + "\n"), who + ":\n" + out);
            assertTrue(out.contains(who + " CapInh: 0000000000000000\n"), who + ":\n" + out);
            assertTrue(out.contains(who + " CapAmb: 0000000000000000\n"), who + ":\n" + out);
            assertTrue(out.contains(who + " NoNewPrivs: 1\n"), who + ":\n" + out);
        }
        assertTrue(out.contains("chown: refused\n"), out);
    }
}
