package org.nlscope.capture.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package's capture helper script (what pkexec and a sudoers rule for the helper run, as
 * root) decides which network namespaces the calling user may capture: names under /run/netns,
 * and processes whose namespace the caller could open themselves. Run for real as root, the
 * caller being the unprivileged user nobody (SUDO_UID, as sudo sets it); a refusal is one
 * line and exit 2, before anything is entered or started.
 */
class HelperScriptNetnsTest {
    private static final Path SCRIPT = Path.of("packaging/nlscope-capture-helper");
    private static final int NOBODY = 65534;

    @BeforeAll
    static void asRoot() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root, as the helper runs");
        Assumptions.assumeTrue(Elevation.onPath("setpriv") && Elevation.onPath("nsenter"), "needs util-linux");
    }

    private record Result(int exit, String err) {
    }

    private static Result helper(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("PKEXEC_UID");
        pb.environment().put("SUDO_UID", Integer.toString(NOBODY));
        Process p = pb.start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err);
    }

    private static void assertRefused(String line, String... args) throws Exception {
        Result r = helper(args);
        assertEquals(2, r.exit(), r.err());
        assertEquals("nlscope: capture helper: " + line + "\n", r.err());
    }

    @Test
    void notAProcessOfSomeoneElse() throws Exception {
        assertRefused("--netns 1: process 1 is not one of the calling user's (uid 65534)", "--netns=1");
        long self = ProcessHandle.current().pid();   // root's
        assertRefused("--netns /proc/" + self + "/ns/net: process " + self + " is not one of the calling user's (uid 65534)",
                "--netns", "/proc/" + self + "/ns/net");
    }

    @Test
    void noPathsAndNoNamesOutsideRunNetns() throws Exception {
        assertRefused("--netns /etc/passwd: the capture helper takes a name under /run/netns or a process id, not a path",
                "--netns=/etc/passwd");
        assertRefused("--netns ../../proc/1/ns/net: the capture helper takes a name under /run/netns or a process id, "
                + "not a path", "--netns=../../proc/1/ns/net");
        assertRefused("--netns ..: no network namespace named so under /run/netns ('ip netns list' shows the names)",
                "--netns=..");
        assertRefused("--netns nlscope-no-such-ns: no network namespace named so under /run/netns "
                + "('ip netns list' shows the names)", "--netns", "nlscope-no-such-ns");
        assertRefused("--netns 99999999: no process 99999999", "--netns=99999999");
        assertRefused("--netns 2: given twice", "--netns=1", "--netns=2");
    }

    /** The caller's own process passes the rule: the script goes on to nsenter, setpriv and the helper's JVM. */
    @Test
    void aProcessOfTheCallersOwn() throws Exception {
        Process own = new ProcessBuilder("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "sleep", "60")
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(Path.of("/proc/" + own.pid() + "/status")).contains("Uid:\t" + NOBODY)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Result r = helper("--netns=" + own.pid(), "-c", "1");
            assertFalse(r.err().contains("capture helper: --netns"), r.err());
            assertNotEquals(0, r.exit(), "no nlmon here, or no installed helper JVM: " + r.err());
            // what it got to: the package's JVM launcher (absent from a build machine) or its capture
            assertTrue(r.err().contains("/usr/bin/nlscope-cli") || r.err().contains("nlscope: "), r.err());
        } finally {
            own.destroyForcibly().waitFor();
        }
    }
}
