package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;

/**
 * --netns against this machine's kernel: a namespace made for the test with a veth peer
 * moved into it, seen through sockets made on a thread that entered it.
 */
class NetNamespaceTest {

    @Test
    void anArgumentNamesANamespaceAPathOrAProcess() {
        assertEquals("/run/netns/blue", NetNamespace.path("blue"));
        assertEquals("/proc/1234/ns/net", NetNamespace.path("1234"));
        assertEquals("/var/run/docker/netns/abc", NetNamespace.path("/var/run/docker/netns/abc"));
        assertEquals("./x", NetNamespace.path("./x"));
    }

    @Test
    void aMissingNamespaceIsOneLineSayingWhereItLooked() {
        CaptureException e = assertThrows(CaptureException.class, () -> NetNamespace.open("nlscope-no-such-ns"));
        assertEquals("--netns nlscope-no-such-ns: no network namespace named nlscope-no-such-ns "
                + "(/run/netns/nlscope-no-such-ns does not exist; 'ip netns list' shows the names)", e.getMessage());
        e = assertThrows(CaptureException.class, () -> NetNamespace.open("999999999"));
        assertEquals("--netns 999999999: no process 999999999 (/proc/999999999/ns/net does not exist)", e.getMessage());
    }

    @Test
    void aFileThatIsNoNamespaceIsSaidToBeNone(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("plain"), "x");
        CaptureException e = assertThrows(CaptureException.class, () -> NetNamespace.open(f.toString()));
        assertTrue(e.getMessage().equals(f + " is not a network namespace")
                || e.reason() == CaptureException.Reason.PRIVILEGES, e.getMessage());
    }

    @Test
    void socketsMadeInsideSeeTheNamespacesLinksAndTheCallersThreadStaysOutside() throws Exception {
        try (VethNamespace veth = VethNamespace.create()) {
            Map<Integer, String> outside = NlmonLink.linkNames();
            assertTrue(outside.containsValue(veth.outside));
            assertFalse(outside.containsValue(veth.inside));
            String threadBefore = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
            try (NetNamespace ns = NetNamespace.open(veth.namespace)) {
                assertEquals("netns " + veth.namespace, ns.label());
                Map<Integer, String> inside = ns.call(NlmonLink::linkNames);
                assertTrue(inside.containsValue(veth.inside), inside.toString());
                assertTrue(inside.containsValue("lo"), inside.toString());
                assertFalse(inside.containsValue(veth.outside), inside.toString());
                String nsThread = ns.call(() -> readLink("/proc/thread-self/ns/net"));
                assertNotEquals(threadBefore, nsThread);
            }
            assertEquals(threadBefore, readLink("/proc/thread-self/ns/net"), "the caller never moved");
            assertEquals(outside, NlmonLink.linkNames());
        }
    }

    @Test
    void aCaptureInANamespaceMakesItsDeviceThere() throws Exception {
        try (VethNamespace veth = VethNamespace.create()) {
            CaptureOptions options = CaptureOptions.defaults().withNetns(veth.namespace);
            if (Files.exists(Path.of("/sys/module/nlmon"))) {
                try (NlmonCapture capture = NlmonCapture.open(options)) {
                    assertEquals("netns " + veth.namespace, capture.netnsLabel());
                    assertTrue(new NetNamespaceProbe(veth.namespace).links().containsValue("nlmon0"));
                    assertFalse(NlmonLink.linkNames().containsValue("nlmon0"), "not in the caller's namespace");
                }
                assertFalse(new NetNamespaceProbe(veth.namespace).links().containsValue("nlmon0"), "removed there");
            } else {
                // this kernel has no nlmon: the creation was tried, inside, and refused
                CaptureException e = assertThrows(CaptureException.class, () -> NlmonCapture.open(options));
                assertEquals(CaptureException.Reason.NO_NLMON, e.reason(), e.getMessage());
            }
        }
    }

    private static String readLink(String path) {
        try {
            return Files.readSymbolicLink(Path.of(path)).toString();
        } catch (Exception e) {
            return "";
        }
    }

    /** The links of a namespace, read through a fresh entry into it. */
    private record NetNamespaceProbe(String name) {
        Map<Integer, String> links() {
            try (NetNamespace ns = NetNamespace.open(name)) {
                return ns.call(NlmonLink::linkNames);
            }
        }
    }
}
