package org.nlscope.capture.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real veth pair for ring tests: {@code outside} stays in this namespace (where the
 * test captures and sends), its peer lives in a network namespace made for the test, so
 * nothing else on the host talks on the link. IPv6 is off on it so the kernel sends
 * nothing of its own. Needs root and iproute2, else the test is skipped.
 */
final class VethNamespace implements AutoCloseable {
    final String namespace;
    final String outside;
    final String inside;

    private VethNamespace(String namespace, String outside, String inside) {
        this.namespace = namespace;
        this.outside = outside;
        this.inside = inside;
    }

    static VethNamespace create() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
                || Files.isExecutable(Path.of("/usr/bin/ip")), "needs iproute2");
        String tag = Long.toString(ProcessHandle.current().pid() % 100000) + (int) (Math.random() * 100);
        VethNamespace v = new VethNamespace("nlscope-t" + tag, "nlsa" + tag, "nlsb" + tag);
        Assumptions.assumeTrue(run("ip", "netns", "add", v.namespace) == 0, "cannot create a network namespace");
        try {
            check(run("ip", "link", "add", v.outside, "type", "veth", "peer", "name", v.inside, "netns", v.namespace));
            Path ipv6 = Path.of("/proc/sys/net/ipv6/conf", v.outside, "disable_ipv6");
            if (Files.exists(ipv6)) {
                Files.writeString(ipv6, "1");
            }
            run("ip", "netns", "exec", v.namespace, "sysctl", "-qw", "net.ipv6.conf." + v.inside + ".disable_ipv6=1");
            check(run("ip", "link", "set", v.outside, "up"));
            check(run("ip", "-n", v.namespace, "link", "set", v.inside, "up"));
            return v;
        } catch (Exception | AssertionError e) {
            v.close();
            throw e;
        }
    }

    private static void check(int rc) {
        if (rc != 0) {
            throw new AssertionError("ip failed: " + rc);
        }
    }

    static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ": " + out.trim());
        }
        return p.exitValue();
    }

    @Override
    public void close() throws Exception {
        run("ip", "link", "del", outside);
        run("ip", "netns", "del", namespace);
    }
}
