package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nlscope.capture.CaptureException;
import org.nlscope.nativeio.ErrnoException;

/** The nlmon device lifecycle against this machine's real rtnetlink. */
class NlmonLinkTest {

    private static boolean kernelHasNlmon() {
        return Files.exists(Path.of("/sys/module/nlmon"));
    }

    @Test
    void aKernelWithoutNlmonGetsTheClearErrorAndNoDeviceIsLeft() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Assumptions.assumeFalse(kernelHasNlmon(), "this kernel has nlmon");
        try (NetlinkClient rtnl = NetlinkClient.open(0, "NETLINK_ROUTE")) {
            Assumptions.assumeTrue(NlmonLink.allLinks(rtnl).stream().noneMatch(l -> l.arphrd() == 824),
                    "an nlmon device exists");
        }
        CaptureException e = assertThrows(CaptureException.class, () -> NlmonLink.acquire(null, NetNamespace.CURRENT));
        assertEquals(CaptureException.Reason.NO_NLMON, e.reason());
        assertEquals("this kernel has no nlmon support (CONFIG_NLMON); try: modprobe nlmon", e.getMessage());
        ErrnoException cause = (ErrnoException) e.getCause();
        assertEquals("EOPNOTSUPP", cause.errnoName());
        assertEquals("Unknown device type", cause.detail(), "the extended ACK's text was read");
        try (NetlinkClient rtnl = NetlinkClient.open(0, "NETLINK_ROUTE")) {
            assertEquals(null, NlmonLink.byName(rtnl, "nlmon0"));
        }
    }

    @Test
    void aMissingInterfaceIsNamed() {
        CaptureException e = assertThrows(CaptureException.class, () -> NlmonLink.acquire("nosuch0", NetNamespace.CURRENT));
        assertEquals(CaptureException.Reason.INTERFACE, e.reason());
        assertEquals("no such interface: nosuch0", e.getMessage());
    }

    @Test
    void aDeviceThatIsNotNetlinkSaysWhatItIs() {
        CaptureException e = assertThrows(CaptureException.class, () -> NlmonLink.acquire("lo", NetNamespace.CURRENT));
        assertEquals(CaptureException.Reason.INTERFACE, e.reason());
        assertTrue(e.getMessage().startsWith("lo is not a netlink monitor device (it is ARPHRD_LOOPBACK)"), e.getMessage());
    }

    @Test
    void linksAreListedWithTheirTypes() {
        try (NetlinkClient rtnl = NetlinkClient.open(0, "NETLINK_ROUTE")) {
            LinkInfo lo = NlmonLink.byName(rtnl, "lo");
            assertNotNull(lo);
            assertEquals(772, lo.arphrd());
            assertTrue(NlmonLink.allLinks(rtnl).contains(lo));
            assertFalse(NlmonLink.allLinks(rtnl).isEmpty());
        }
    }

    @Test
    void theCreateRequestIsLaidOutAsTheKernelWantsIt() {
        byte[] m = NlmonLink.newLinkRequest(7);
        // nlmsghdr(16) ifinfomsg(16) IFLA_IFNAME(4+7 -> 12) IFLA_LINKINFO(4 + IFLA_INFO_KIND 4+6 -> 12 = 16)
        assertEquals(16 + 16 + 12 + 16, m.length);
        assertEquals(m.length, m[0] & 0xff);
        assertEquals(16, m[4]);
        assertEquals(0x05, m[6]);
        assertEquals(0x06, m[7]);
        assertEquals(7, m[8]);
        assertEquals(11, m[32]);                       // nla_len of IFLA_IFNAME
        assertEquals("nlmon0", new String(m, 36, 6));
        assertEquals(16, m[44]);                       // nla_len of the nest
        assertEquals((byte) 0x80, m[47]);              // NLA_F_NESTED | IFLA_LINKINFO
        assertEquals(10, m[48]);                       // IFLA_INFO_KIND
        assertEquals("nlmon", new String(m, 52, 5));
    }

    @Test
    void theMarkGoesOutWithTheUpRequest() {
        String alias = new DeviceMark(1234, 5678).alias();
        byte[] m = NlmonLink.upRequest(9, 42, alias);
        // nlmsghdr(16) ifinfomsg(16) IFLA_IFALIAS(4 + "nlscope pid 1234 start 5678\0" = 32)
        assertEquals(16 + 16 + 32, m.length);
        assertEquals(16, m[4]);                        // RTM_NEWLINK
        assertEquals(0x05, m[6]);                      // NLM_F_REQUEST | NLM_F_ACK: changes, never creates
        assertEquals(0, m[7]);
        assertEquals(42, m[20]);                       // ifi_index
        assertEquals(1, m[24]);                        // ifi_flags IFF_UP
        assertEquals(1, m[28]);                        // ifi_change IFF_UP
        assertEquals(4 + alias.length() + 1, m[32]);   // nla_len
        assertEquals(20, m[34]);                       // IFLA_IFALIAS
        assertEquals(alias, new String(m, 36, alias.length()));
        assertEquals(0, m[36 + alias.length()]);
        assertEquals(16 + 16, NlmonLink.upRequest(9, 42, null).length, "no alias for a device we did not make");
    }
}
