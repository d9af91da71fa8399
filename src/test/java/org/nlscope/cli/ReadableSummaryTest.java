package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.EngineDecoding;
import org.nlscope.session.MessageRow;

/**
 * The one-line summaries of the real captures read as the tools that made them print them:
 * interface names the capture taught, prefix lengths and tables of rules, route table ids,
 * netem in time units and percentages, address lifetimes, WireGuard keys and endpoints.
 */
class ReadableSummaryTest {

    private static List<String> lines(String capture, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "read";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = GoldenTest.CAPTURES.resolve(capture).toString();
        MainTest.Run r = MainTest.run(args);
        assertEquals(0, r.code(), r.err());
        return r.out().lines().toList();
    }

    private static boolean any(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void interfaceIndexesReadAsTheNamesTheCaptureGaveThem() {
        List<String> tc = lines("tc.pcapng");
        // `tc qdisc add dev dum0 root handle 1: htb`: ifindex 18 was named dum0 by tc's own RTM_GETLINK
        assertTrue(any(tc, "RTM_NEWQDISC REQUEST,ACK,EXCL,CREATE seq=1795398297 port=0 htb 1: dev dum0(18) parent root"));
        // once a capture named an index (in an RTM_NEWLINK: "#18 dum0"), no later summary shows it bare
        Pattern named = Pattern.compile("RTM_NEWLINK .*#(\\d+) [a-z]");
        Pattern bare = Pattern.compile(" dev (\\d+)\\b(?!\\()");
        int checked = 0;
        for (String capture : new String[] {"tc.pcapng", "routes.pcapng", "neighbours.pcapng", "nexthops.pcapng"}) {
            java.util.Set<String> known = new java.util.HashSet<>();
            for (String line : lines(capture)) {
                Matcher m = bare.matcher(line);
                assertFalse(m.find() && known.contains(m.group(1)), capture + ": " + line);
                checked += line.contains(" dev ") ? 1 : 0;
                Matcher n = named.matcher(line);
                if (n.find()) {
                    known.add(n.group(1));
                }
            }
        }
        assertTrue(checked > 50, "lines with a dev: " + checked);
    }

    @Test
    void theDesktopInfoColumnShowsTheSameNames() throws Exception {
        CaptureStore store = new CaptureStore(EngineDecoding.load(List.of()));
        try (CaptureReader r = CaptureReader.open(GoldenTest.CAPTURES.resolve("routes.pcapng"))) {
            Frame f;
            while ((f = r.next()) != null) {
                store.append(f);
            }
        }
        assertTrue(store.rows(0, store.size()).stream().map(MessageRow::info)
                .anyMatch(i -> i.contains("10.20.0.0/16 dev dum1(14) table 100")));
    }

    @Test
    void rulesShowPrefixLengthsAndTables() {
        List<String> rules = lines("rules.pcapng");
        // ip rule add from 192.0.2.0/24 table 100 priority 1000 (the table travels in the header)
        assertTrue(any(rules, "REQUEST,ACK,EXCL,CREATE seq=1795398218 port=0 pref 1000 from 192.0.2.0/24 TO_TBL table 100"));
        assertTrue(any(rules, "pref 1001 to 198.51.100.0/24 TO_TBL table 200"));
        assertTrue(any(rules, "pref 1000 from 2001:db8::/32 TO_TBL table 100"));
        assertTrue(any(rules, "pref 32766 TO_TBL table MAIN"));
    }

    @Test
    void routeTablesAreNumbersOrNames() {
        List<String> routes = lines("routes.pcapng");
        assertTrue(any(routes, "UNICAST 10.20.0.0/16 dev dum1(14) table 100"));
        assertTrue(any(routes, "table LOCAL"));
        for (String capture : new String[] {"routes.pcapng", "rules.pcapng"}) {
            assertFalse(any(lines(capture, "-V"), "unknown(100)"), capture);
        }
    }

    @Test
    void netemInTimeUnitsAndPercentages() {
        // tc qdisc add dev dum0 parent 1:10 handle 10: netem delay 20ms 5ms loss 1%
        assertTrue(any(lines("tc.pcapng"), "netem 10: dev dum0(18) parent 1:10 delay 20ms jitter 5ms loss 1%"));
        List<String> tree = lines("tc.pcapng", "-V");
        assertTrue(any(tree, "latency: 312500 (20ms)"));
        assertTrue(any(tree, "loss: 42949673 (1%)"));
    }

    @Test
    void addressLifetimes() {
        List<String> addresses = lines("addresses.pcapng");
        assertTrue(any(addresses, "lo 127.0.0.1/8 dev lo(1) scope HOST valid_lft forever"));
        // ip addr add 2001:db8:1::1/64 dev dum0 valid_lft 3600 preferred_lft 1800 nodad
        assertTrue(any(addresses, "2001:db8:1::1/64 dev dum0(12) scope UNIVERSE valid_lft 3600sec"));
        assertTrue(any(lines("addresses.pcapng", "-V"), "ifa_valid: 4294967295 (forever)"));
    }

    @Test
    void wireguardKeysInBase64AndEndpointsAsAddresses() {
        List<String> tree = lines("genl.pcapng", "-V");
        // the peer key and endpoint given to `wg set` (captures/README.md)
        assertTrue(any(tree, "WGPEER_A_PUBLIC_KEY (1): xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg="));
        assertTrue(any(tree, "WGPEER_A_ENDPOINT (4): 192.0.2.9:51820"));
        assertTrue(any(tree, "WGDEVICE_A_IFINDEX (1): 20 (wg0)"));
    }

    @Test
    void theFamilyOfALinkMessageShowsWhenItIsNotUnspec() {
        List<String> links = lines("links.pcapng");
        assertTrue(any(links, "RTM_GETLINK REQUEST,DUMP seq=1795398114 port=0 family PACKET ext-mask VF"));
        assertFalse(links.stream().filter(l -> l.contains("RTM_NEWLINK")).anyMatch(l -> l.contains("family UNSPEC")));
        // bridge link show: the kernel answers in AF_BRIDGE, with bridge attributes right in IFLA_AF_SPEC
        List<String> bridge = lines("bridge.pcapng");
        assertTrue(any(bridge, "RTM_NEWLINK MULTI seq=1796140205 port=143 family BRIDGE #4 dum0 mtu 1500"));
        assertFalse(any(bridge, "malformed"));
        assertTrue(any(lines("bridge.pcapng", "-V"), "IFLA_BRIDGE_VLAN_INFO"));
    }
}
