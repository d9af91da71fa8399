package org.nlscope.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.uapi.Errno;

/** Flags, errno, family names and the registry. */
class SmallPartsTest {

    @Test
    void flagsAreNamedByKind() {
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_DUMP"), NetlinkFlags.names(0x301, MessageKind.GET));
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ROOT"), NetlinkFlags.names(0x101, MessageKind.GET));
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_DUMP", "NLM_F_ATOMIC"), NetlinkFlags.names(0x701, MessageKind.GET));
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_ACK", "NLM_F_REPLACE", "NLM_F_CREATE", "NLM_F_APPEND"),
                NetlinkFlags.names(0xd05, MessageKind.NEW));
        assertEquals(List.of("NLM_F_REQUEST", "NLM_F_NONREC", "NLM_F_BULK"), NetlinkFlags.names(0x301, MessageKind.DEL));
        assertEquals(List.of("NLM_F_MULTI", "NLM_F_DUMP_INTR", "NLM_F_DUMP_FILTERED"), NetlinkFlags.names(0x32, MessageKind.OTHER));
        assertEquals(List.of("NLM_F_REQUEST", "0x300"), NetlinkFlags.names(0x301, MessageKind.OTHER));
        assertEquals(List.of("NLM_F_ECHO", "0x4000"), NetlinkFlags.names(0x4008, MessageKind.DEL));
        assertEquals(List.of("NLM_F_CAPPED", "NLM_F_ACK_TLVS", "0x400"), NetlinkFlags.ackNames(0x700));
        assertEquals(List.of(), NetlinkFlags.names(0, null));
        assertEquals("NLM_F_REQUEST|NLM_F_DUMP", NetlinkFlags.join(NetlinkFlags.names(0x301, MessageKind.GET)));
        assertEquals("0", NetlinkFlags.join(List.of()));
    }

    @Test
    void errnoNamesAndTexts() {
        assertEquals("EEXIST", Errno.name(-17));
        assertEquals("File exists", Errno.text(17));
        assertEquals("EOPNOTSUPP", Errno.name(95), "the kernel's name, not glibc's ENOTSUP alias");
        assertEquals("EDEADLK", Errno.name(35));
        assertEquals("EHWPOISON", Errno.name(133));
        assertNull(Errno.name(41));
        assertNull(Errno.name(0));
        assertNull(Errno.name(134));
        assertNull(Errno.name(Integer.MIN_VALUE));
        assertEquals("-ENODEV: No such device", Errno.describe(-19));
        assertEquals("-524: unknown errno", Errno.describe(-524));
    }

    @Test
    void familyNames() {
        assertEquals("NETLINK_ROUTE", NetlinkFamilies.name(0));
        assertEquals("NETLINK_SOCK_DIAG", NetlinkFamilies.name(4));
        assertEquals("NETLINK_GENERIC", NetlinkFamilies.name(16));
        assertNull(NetlinkFamilies.name(17));
        assertNull(NetlinkFamilies.name(-1));
        assertEquals(0, NetlinkFamilies.number("route"));
        assertEquals(4, NetlinkFamilies.number("sock_diag"));
        assertEquals(4, NetlinkFamilies.number("inet_diag"));
        assertEquals(16, NetlinkFamilies.number("NETLINK_GENERIC"));
        assertEquals(12, NetlinkFamilies.number("12"));
        assertEquals(-1, NetlinkFamilies.number("nosuch"));
        assertEquals(-1, NetlinkFamilies.number("99999999999"));
    }

    record Provider(int priority, List<Dissector> list) implements DissectorProvider {
        public List<Dissector> dissectors(List<Path> userDirectories) {
            return list;
        }
    }

    @Test
    void theRegistryLetsHigherPriorityWin() {
        Dissector builtIn = new TestLinkDissector();
        Dissector user = new TestLinkDissector();
        Dissector genl = new TestNlctrlDissector();
        DissectorRegistry r = DissectorRegistry.fromProviders(
                List.of(new Provider(5, List.of(user)), new Provider(0, List.of(builtIn, genl))), List.of());
        assertSame(user, r.forKey(DissectorKey.netlink(0)));
        assertSame(genl, r.forKey(DissectorKey.genl("nlctrl")));
        assertNull(r.forKey(DissectorKey.genl("nl80211")));
        assertEquals(2, r.all().size());
        assertSame(builtIn, DissectorRegistry.of(List.of(user, builtIn)).forKey(DissectorKey.netlink(0)), "later wins");
        assertThrows(UnsupportedOperationException.class, () -> r.all().clear());
    }

    @Test
    void theRegistryPassesLoadErrorsOn() {
        DissectorProvider bad = new DissectorProvider() {
            public List<Dissector> dissectors(List<Path> dirs) {
                throw new DissectorLoadException("x.yaml: attribute-sets[0]: no name");
            }
        };
        DissectorLoadException e = assertThrows(DissectorLoadException.class,
                () -> DissectorRegistry.fromProviders(List.of(bad), List.of()));
        assertEquals("x.yaml: attribute-sets[0]: no name", e.getMessage());
    }

    @Test
    void loadingThroughServiceLoaderWorksWithWhateverIsOnTheClasspath() {
        DissectorRegistry r = DissectorRegistry.load(List.of());
        assertTrue(r.all().stream().allMatch(d -> r.forKey(d.key()) == d));
    }
}
