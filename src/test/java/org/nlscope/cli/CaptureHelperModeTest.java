package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nlscope capture --helper}, the privileged process the desktop app starts through
 * sudo or pkexec: it refuses every option that names a file or asks for a decode, in one
 * line with exit 1, before it touches anything; and it drops its privileges before it opens
 * the capture.
 */
class CaptureHelperModeTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, args);
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static void assertRefused(String expectedStart, String... args) {
        String[] r = run(args);
        assertEquals("1", r[0], String.join(" ", args) + ": " + r[2]);
        assertEquals("", r[1]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertTrue(r[2].startsWith(expectedStart), r[2]);
    }

    @Test
    void noOutputFileNotEvenStandardOutputByName() {
        boolean existed = Files.exists(Path.of("/etc/x"));
        assertRefused("nlscope: capture --helper does not take -w /etc/x: it streams pcapng to standard output only, "
                + "and writes no file as root", "capture", "--helper", "-w", "/etc/x");
        assertEquals(existed, Files.exists(Path.of("/etc/x")));
        assertRefused("nlscope: capture --helper does not take -w -:", "capture", "--helper", "-w", "-");
    }

    @Test
    void noDissectorFilesWhereverTheOptionStands(@TempDir Path dir) {
        assertRefused("nlscope: capture --helper does not take --dissectors: it loads no dissector files and decodes nothing",
                "capture", "--helper", "--dissectors", dir.toString());
        assertRefused("nlscope: capture --helper does not take --dissectors:",
                "--dissectors", dir.toString(), "capture", "--helper");
    }

    @Test
    void noDecodeAndNoYnlFiles(@TempDir Path dir) {
        assertRefused("nlscope: capture --helper does not take -V: it decodes nothing; its parent does", "capture", "--helper", "-V");
        assertRefused("nlscope: capture --helper does not take --json:", "capture", "--helper", "--json");
        assertRefused("nlscope: capture --helper does not take -Y: it parses nothing of the user's",
                "capture", "--helper", "-Y", "error");
        assertRefused("nlscope: capture --helper does not take --redact: it decodes nothing", "capture", "--helper", "--redact");
        assertRefused("nlscope: capture --helper does not take --ynl: it loads no YNL specs and decodes nothing",
                "capture", "--helper", "--ynl=" + dir);
    }

    @Test
    void entersNoNamespaceItself() {
        assertRefused("nlscope: capture --helper does not take --netns 1: it is started inside the namespace, "
                + "by packaging/nlscope-capture-helper", "capture", "--helper", "--netns", "1");
    }

    @Test
    void noCommandRunAsRoot() {
        assertRefused("nlscope: capture --helper does not take -- id: it runs no command as root",
                "capture", "--helper", "--", "id", "-u");
    }

    /** picocli's @FILE argument files are off: the helper, root, would read any file and print its first word. */
    @Test
    void readsNoArgumentFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "the-secret-word\n");
        String[] r = run("capture", "--helper", "@" + secret);
        assertEquals("1", r[0], r[2]);
        assertEquals("nlscope: capture --helper does not take -- @" + secret
                + ": it runs no command as root; capture a process with --pid or --process\n", r[2]);
        assertFalse(r[1].contains("the-secret-word") || r[2].contains("the-secret-word"), r[2]);
    }

    /**
     * The real helper in a child JVM as root on this kernel without nlmon: it says what it
     * kept before it tries to open the capture, then fails that in one line, exit 2.
     */
    @Test
    void dropsPrivilegesBeforeItOpensTheCapture() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Assumptions.assumeFalse(Files.exists(Path.of("/sys/module/nlmon")), "this kernel has nlmon");
        Assumptions.assumeFalse(Files.exists(Path.of("/sys/class/net/nlmon0")), "an nlmon device exists");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.nlscope.cli.Main", "capture", "--helper", "-c", "1").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals("nlscope: capture helper: keeping only CAP_NET_ADMIN and CAP_NET_RAW (CapEff 0000000000003000), no_new_privs\n"
                + "nlscope: this kernel has no nlmon support (CONFIG_NLMON); try: modprobe nlmon\n", err);
        assertFalse(out.contains("nlscope"), "nothing but pcapng may reach standard output: " + out);
    }

    /** The namespace the helper script entered is the pcapng's label; anything but a checked name or pid is none. */
    @Test
    void theNamespaceItsScriptEnteredIsALabelOnly() {
        assertEquals("netns blue", CaptureHelperMode.enteredNetnsLabel(java.util.Map.of("NLSCOPE_HELPER_NETNS", "blue")));
        assertEquals("netns of pid 4242", CaptureHelperMode.enteredNetnsLabel(java.util.Map.of("NLSCOPE_HELPER_NETNS", "4242")));
        assertEquals(null, CaptureHelperMode.enteredNetnsLabel(java.util.Map.of()));
        for (String hostile : new String[] {"", "../x", "a b", "blue\nnetns red", "-x", "x".repeat(65)}) {
            assertEquals(null, CaptureHelperMode.enteredNetnsLabel(java.util.Map.of("NLSCOPE_HELPER_NETNS", hostile)), hostile);
        }
    }
}
