package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nlscope.model.ProcessInfo;

/** The genl snapshot and the port-to-process map, against this machine's kernel and /proc. */
class CaptureMetadataSourcesTest {

    @Test
    void theGenlSnapshotNamesNlctrlAndTheFamiliesGenlCtrlListShows() throws Exception {
        Map<Integer, String> families = GenlFamilies.snapshot();
        assertEquals("nlctrl", families.get(0x10));
        Process genl = new ProcessBuilder("genl", "ctrl", "list").redirectErrorStream(true).start();
        String out = new String(genl.getInputStream().readAllBytes());
        Assumptions.assumeTrue(genl.waitFor(10, TimeUnit.SECONDS) && genl.exitValue() == 0, "genl unavailable");
        long listed = out.lines().filter(l -> l.startsWith("Name: ")).count();
        assertEquals(listed, families.size(), "as many families as genl ctrl list shows");
        for (String name : families.values()) {
            assertTrue(out.contains("Name: " + name + "\n"), name);
        }
    }

    @Test
    void portsOfLiveProcessesAreNamedAndExitedOnesMarkedGone() throws Exception {
        // `ip monitor` holds a NETLINK_ROUTE socket open until we end it
        Process ip = new ProcessBuilder("ip", "monitor", "link").start();
        try (PortOwners owners = new PortOwners(NetNamespace.CURRENT)) {
            Thread.sleep(300);   // let it bind; a one-off start-up wait, not a timing assertion
            owners.refresh();
            Assumptions.assumeTrue(owners.available(), "no NETLINK_SOCK_DIAG for netlink sockets in this kernel");
            ProcessInfo ipPort = owners.snapshot().values().stream().filter(p -> p.pid() == ip.pid())
                    .findFirst().orElseThrow(() -> new AssertionError("ip monitor's port not found: " + owners.snapshot()));
            assertEquals("ip", ipPort.name());
            assertEquals("pid " + ip.pid() + " (ip)", ipPort.label());
            ip.destroy();
            ip.waitFor(10, TimeUnit.SECONDS);
            owners.refresh();
            ProcessInfo after = owners.snapshot().get(ipPort.portId());
            assertTrue(after.gone(), "marked gone: " + after);
            assertEquals("pid " + ip.pid() + " (ip, exited)", after.label());
        } finally {
            ip.destroyForcibly();
        }
    }
}
