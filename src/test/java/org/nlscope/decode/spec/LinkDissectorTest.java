package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlscope.decode.spec.Fixtures.at;
import static org.nlscope.uapi.Rtnetlink.RTM_NEWLINK;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.MessageBody;
import org.nlscope.decode.MessageKind;
import org.nlscope.model.Field;

/** dissectors/rtnetlink/link.yaml on a real RTM_GETLINK dump and on the requests ip sends. */
class LinkDissectorTest {
    private static final SpecDissector ROUTE = Fixtures.single("dissectors/rtnetlink/common.yaml", "dissectors/rtnetlink/linkinfo.yaml",
            "dissectors/rtnetlink/linkinfo-kinds.yaml", "dissectors/rtnetlink/devconf.yaml", "dissectors/rtnetlink/link.yaml");

    private static MessageBody decode(Recorded m) {
        return ROUTE.decode(m.type(), false, new ByteView(m.bytes(), 16, m.bytes().length), DecodeContext.empty());
    }

    private static void collect(List<Field> fields, List<Field> out) {
        for (Field f : fields) {
            out.add(f);
            collect(f.children(), out);
        }
    }

    @Test
    void keyNamesAndKinds() {
        assertEquals(DissectorKey.netlink(0), ROUTE.key());
        assertEquals("RTM_GETLINK", ROUTE.messageName(18));
        assertEquals(MessageKind.GET, ROUTE.kind(18));
        assertEquals(MessageKind.NEW, ROUTE.kind(16));
        assertEquals(MessageKind.DEL, ROUTE.kind(17));
        assertEquals(MessageKind.OTHER, ROUTE.kind(19));
        assertEquals("RTM_NEWLINKPROP", ROUTE.messageName(108));
    }

    @Test
    void aRealDumpDecodesWithoutUnknownsOrProblems() {
        List<Recorded> dump = Recorded.load("link-dump.hex");
        int links = 0;
        for (Recorded m : dump) {
            if (m.type() != RTM_NEWLINK) {
                continue;
            }
            links++;
            MessageBody b = decode(m);
            assertEquals(List.of(), b.problems());
            List<Field> all = new ArrayList<>();
            collect(b.attributes(), all);
            for (Field f : all) {
                assertTrue(f.name() != null, () -> "unknown attribute " + f + " in " + b.summary());
                assertTrue(f.offset() >= 16 && f.offset() + f.length() <= m.bytes().length);
            }
        }
        assertTrue(links >= 2, "the dump has lo and at least one more link");
    }

    @Test
    void oneDissectorDecodesOnManyThreadsAlike() throws Exception {
        List<Recorded> dump = Recorded.load("link-dump.hex").stream().filter(m -> m.type() == RTM_NEWLINK).toList();
        List<MessageBody> expected = dump.stream().map(LinkDissectorTest::decode).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        for (int k = 0; k < dump.size(); k++) {
                            if (!expected.get(k).equals(decode(dump.get(k)))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> run : runs) {
                assertTrue(run.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void loopbackAsTheKernelDescribesIt() {
        MessageBody lo = decode(Recorded.load("link-dump.hex").get(0));
        assertEquals("#1 lo mtu 65536 UP|LOOPBACK|RUNNING|LOWER_UP", lo.summary());
        Field type = at(lo, "ifi_type");
        assertEquals(772L, type.value());
        assertEquals("ARPHRD_LOOPBACK", type.valueName());
        Field flags = at(lo, "ifi_flags");
        assertEquals(List.of("IFF_UP", "IFF_LOOPBACK", "IFF_RUNNING", "IFF_LOWER_UP"), flags.valueNames());
        assertEquals("lo", at(lo, "IFLA_IFNAME").value());
        assertEquals("IF_OPER_UNKNOWN", at(lo, "IFLA_OPERSTATE").valueName());
        assertEquals("00:00:00:00:00:00", at(lo, "IFLA_ADDRESS").value());
        Field stats = at(lo, "IFLA_STATS64");
        assertNull(stats.value());
        assertEquals(25, stats.children().size());
        assertEquals(at(lo, "IFLA_STATS/rx_packets").value(), at(lo, "IFLA_STATS64/rx_packets").value());
        assertEquals("IN6_ADDR_GEN_MODE_EUI64", at(lo, "IFLA_AF_SPEC/AF_INET6/IFLA_INET6_ADDR_GEN_MODE").valueName());
        assertTrue(at(lo, "IFLA_AF_SPEC/AF_INET/IFLA_INET_CONF").children().size() > 20);
        assertEquals("XDP_ATTACHED_NONE", at(lo, "IFLA_XDP/IFLA_XDP_ATTACHED").valueName());
    }

    @Test
    void vethCreateRequestWithItsPeer() {
        // what "ip link add v0 type veth peer name v1" sends
        Nla ifinfomsg = Nla.bytes().u8(0).u8(0).u16(0).u32(0).u32(0).u32(0);
        Nla peer = Nla.bytes().raw(ifinfomsg.build()).attrString(3, "v1");
        byte[] body = Nla.bytes().raw(ifinfomsg.build()).attrString(3, "v0")
                .nest(18, Nla.bytes().attrString(1, "veth").nest(2, Nla.bytes().nest(1, peer)))
                .build();
        MessageBody b = Fixtures.decode(ROUTE, RTM_NEWLINK, true, body, 16);
        assertEquals(List.of(), b.problems());
        assertEquals("v0 veth", b.summary(), "an ifi_index of 0 names no device");
        Field peerField = at(b, "IFLA_LINKINFO/IFLA_INFO_DATA/VETH_INFO_PEER");
        assertTrue(peerField.nested());
        assertEquals("v1", peerField.child("IFLA_IFNAME").value());
        assertEquals(0L, peerField.child("ifi_index").value());
    }

    @Test
    void vlanCreateRequest() {
        // "ip link add link eth0 name eth0.5 type vlan id 5 protocol 802.1ad"
        Nla ifinfomsg = Nla.bytes().u8(0).u8(0).u16(0).u32(0).u32(0).u32(0);
        byte[] body = Nla.bytes().raw(ifinfomsg.build()).attrU32(5, 2).attrString(3, "eth0.5")
                .nest(18, Nla.bytes().attrString(1, "vlan").nest(2, Nla.bytes()
                        .attrU16(1, 5)
                        .attr(5, Nla.bytes().hex("88a8"))
                        .attr(2, Nla.bytes().u32(1).u32(0xffffffffL))
                        .nest(3, Nla.bytes().attr(1, Nla.bytes().u32(1).u32(3)))))
                .build();
        MessageBody b = Fixtures.decode(ROUTE, RTM_NEWLINK, true, body, 16);
        assertEquals(List.of(), b.problems());
        assertEquals(5L, at(b, "IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VLAN_ID").value());
        assertEquals("0x88a8", at(b, "IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VLAN_PROTOCOL").display());
        assertEquals(List.of("VLAN_FLAG_REORDER_HDR"),
                at(b, "IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VLAN_FLAGS/flags").valueNames());
        assertEquals(3L, at(b, "IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VLAN_EGRESS_QOS/IFLA_VLAN_QOS_MAPPING/to").value());
        assertEquals("2", at(b, "IFLA_LINK").display());
    }

    @Test
    void protinfoIsChosenByTheHeadersFamily() {
        // an RTM_NEWLINK for AF_INET6 carries IFLA_PROTINFO with IFLA_INET6_* attributes
        Nla ifinfomsg = Nla.bytes().u8(10).u8(0).u16(1).u32(2).u32(0).u32(0);
        byte[] body = Nla.bytes().raw(ifinfomsg.build())
                .nest(12, Nla.bytes().attrU8(8, 2).attrU32(9, 1500))
                .build();
        MessageBody b = Fixtures.decode(ROUTE, RTM_NEWLINK, false, body, 16);
        assertEquals("IN6_ADDR_GEN_MODE_STABLE_PRIVACY", at(b, "IFLA_PROTINFO/IFLA_INET6_ADDR_GEN_MODE").valueName());
        assertEquals(1500L, at(b, "IFLA_PROTINFO/IFLA_INET6_RA_MTU").value());
        assertEquals("INET6", at(b, "ifi_family").display());
    }

    @Test
    void attributeNamesForMissingAttributeReports() {
        assertEquals("IFLA_MTU", ROUTE.attributeName(RTM_NEWLINK, true, null, 4));
        assertEquals("IFLA_INFO_KIND", ROUTE.attributeName(RTM_NEWLINK, true, "IFLA_LINKINFO", 1));
        assertNull(ROUTE.attributeName(RTM_NEWLINK, true, "IFLA_LINKINFO/IFLA_INFO_DATA", 5),
                "IFLA_VLAN_PROTOCOL, IFLA_BR_STP_STATE, IFLA_BOND_DOWNDELAY...: the kind is not known here");
        assertNull(ROUTE.attributeName(RTM_NEWLINK, true, "IFLA_LINKINFO/IFLA_INFO_DATA", 1),
                "IFLA_VLAN_ID or VETH_INFO_PEER: the kind is not known here");
        assertNull(ROUTE.attributeName(RTM_NEWLINK, true, "IFLA_NOPE", 1));
        assertNull(ROUTE.attributeName(999, true, null, 1));
        SpecDissector nlctrl = Fixtures.single("dissectors/genetlink/nlctrl.yaml");
        assertEquals("CTRL_ATTR_OP_FLAGS", nlctrl.attributeName(3, false, "CTRL_ATTR_OPS/[1]", 2));
    }

    @Test
    void altNamePropertyMessages() {
        Nla ifinfomsg = Nla.bytes().u8(0).u8(0).u16(0).u32(3).u32(0).u32(0);
        byte[] body = Nla.bytes().raw(ifinfomsg.build())
                .nest(52, Nla.bytes().attrString(53, "a-very-long-alternative-name")).build();
        MessageBody b = Fixtures.decode(ROUTE, 108, true, body, 16);
        assertEquals("a-very-long-alternative-name", at(b, "IFLA_PROP_LIST/IFLA_ALT_IFNAME").value());
        assertEquals("#3", b.summary());
    }
}
