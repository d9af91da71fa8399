package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The helper's launch policy ({@link HelperPrivileges#WHOLE_PROCESS}, what the package's
 * nlscope-capture-helper and the desktop app's sudo path run) for real: a JVM started under
 * it as root holds CAP_NET_ADMIN and CAP_NET_RAW alone in every one of its threads (the
 * collector and compiler threads too), with no_new_privs.
 */
class HelperWholeProcessTest {
    @Test
    void everyThreadOfTheJvmKeepsOnlyTheCaptureCapabilities() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs util-linux's setpriv");
        List<String> command = new ArrayList<>(HelperPrivileges.WHOLE_PROCESS);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                WholeProcessProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        long threads = out.lines().filter(l -> l.contains(" Name: ")).count();
        assertTrue(threads >= 5, "a JVM has its collector, compiler and signal threads:\n" + out);
        String kept = String.format("%016x", HelperPrivileges.KEPT);
        assertEquals(threads, out.lines().filter(l -> l.endsWith(" CapEff: " + kept)).count(), out);
        assertEquals(threads, out.lines().filter(l -> l.endsWith(" NoNewPrivs: 1")).count(), out);
    }
}
