package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlscope capture} on this machine: its options, and its one-line errors for real. */
class CaptureCommandTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, args);
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void familiesByNameOrNumber() throws Exception {
        assertEquals(Set.of(0, 16, 4), CaptureArguments.parseFamilies(List.of("route", "NETLINK_GENERIC", "4")));
        CliException e = assertThrows(CliException.class, () -> CaptureArguments.parseFamilies(List.of("routing")));
        assertEquals(Main.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("unknown netlink family 'routing'"), e.getMessage());
    }

    @Test
    void durationIsSecondsAfterDuration() throws Exception {
        assertEquals(2_500_000_000L, CaptureArguments.parseDuration("duration:2.5"));
        assertEquals(0, CaptureArguments.parseDuration(null));
        assertThrows(CliException.class, () -> CaptureArguments.parseDuration("filesize:10"));
        assertThrows(CliException.class, () -> CaptureArguments.parseDuration("duration:-1"));
    }

    @Test
    void messagesOfAFrameAreCountedByNlmsgLen() {
        byte[] frame = new byte[16 + 20 + 16];
        frame[16] = 20;          // a 20-byte message, padded to 20
        frame[36] = 16;          // then a bare header
        assertEquals(2, CaptureArguments.countMessages(frame));
    }

    @Test
    void aPidThatNamesNoProcessIsAUsageError() {
        String[] r = run("capture", "--pid", "999999999", "-c", "1");
        assertEquals("1", r[0]);
        assertEquals("nlscope: --pid 999999999: no such process\n", r[2]);
        r = run("capture", "--process", "/usr/sbin/ip", "-c", "1");
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("nlscope: --process wants a command name as ps -o comm shows it"), r[2]);
    }

    @Test
    void aScopeSaysWhatItKeepsForTheInterfaceDescription() throws Exception {
        CaptureScope scope = CaptureScope.of(List.of("ip", "link", "add", "dum0", "type", "dummy"),
                List.of((int) ProcessHandle.current().pid()), List.of("NetworkManager"));
        String comm = Files.readString(Path.of("/proc/self/comm")).trim();
        assertEquals("kept: the netlink traffic of the command 'ip link add dum0 type dummy', pid "
                + ProcessHandle.current().pid() + " (" + comm + "), processes named NetworkManager, and of their children",
                scope.description());
        assertEquals(null, CaptureScope.of(List.of(), List.of(), List.of()));
    }

    @Test
    void aKernelWithoutNlmonIsOneClearLine() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Assumptions.assumeFalse(Files.exists(Path.of("/sys/module/nlmon")), "this kernel has nlmon");
        Assumptions.assumeFalse(Files.exists(Path.of("/sys/class/net/nlmon0")), "an nlmon device exists");
        String[] r = run("capture", "-c", "1");
        assertEquals("2", r[0]);
        assertEquals("nlscope: this kernel has no nlmon support (CONFIG_NLMON); try: modprobe nlmon\n", r[2]);
        assertEquals("", r[1]);
    }

    @Test
    void aMissingOrWrongInterfaceIsNamed() {
        String[] r = run("capture", "-i", "nosuch0");
        assertEquals("2", r[0]);
        assertEquals("nlscope: no such interface: nosuch0\n", r[2]);
        r = run("capture", "-i", "lo");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("nlscope: lo is not a netlink monitor device (it is ARPHRD_LOOPBACK)"), r[2]);
        assertEquals(1, r[2].lines().count());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals("1", run("capture", "--family", "bogus")[0]);
        assertEquals("1", run("capture", "-a", "10")[0]);
        assertEquals("1", run("capture", "--ring-mb", "0")[0]);
    }

    /** As user nobody, without capabilities: the privileges message, from a real refused call. */
    @Test
    void withoutPrivilegesItSaysWhichAndHow(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to become nobody");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        // nobody cannot read root's Maven repository: give the child a world-readable copy of the classpath
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                Path copy = tmp.resolve(cp.size() + "-" + p.getFileName());
                Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                copy.toFile().setReadable(true, false);
                cp.add(copy.toString());
            } else if (Files.isDirectory(p)) {
                cp.add(entry);
            }
        }
        Path jnaTmp = Files.createDirectory(tmp.resolve("jna"));
        Files.setPosixFilePermissions(jnaTmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djna.tmpdir=" + jnaTmp, "-cp", String.join(File.pathSeparator, cp), "org.nlscope.cli.Main", "capture")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Assumptions.assumeFalse(err.contains("Could not find or load main class") || err.contains("UnsatisfiedLinkError"),
                "the child JVM could not start as nobody: " + err);
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("nlscope: capturing netlink needs CAP_NET_ADMIN and CAP_NET_RAW: run nlscope with sudo,"
                + " or grant them to java once: sudo setcap cap_net_admin,cap_net_raw+ep /"), err);
        assertTrue(err.contains("EPERM (Operation not permitted)"), err);
    }
}
