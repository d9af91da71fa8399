package org.nlscope.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.pcap.TsharkInteropTest;

/**
 * The values nlscope decodes beside those tshark -T fields reads from the same frames, for
 * the fields both decode: ipset's set names, element addresses and comments, the
 * inode numbers of every socket in a sock_diag dump, and the 802.11 frames and elements
 * nl80211 carries (element IDs in order, transmitter and receiver addresses, the DS
 * Parameter Set's channel).
 */
class TsharkCrossCheckTest {

    /** Per frame, tshark's values of the fields, comma-joined, "" where it found none. */
    private static List<String> tshark(Path capture, String... fields) throws Exception {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", capture.toString(), "-T", "fields",
                "-E", "aggregator=,", "-E", "separator=,"));
        for (String f : fields) {
            command.addAll(List.of("-e", f));
        }
        TsharkInteropTest.Run run = TsharkInteropTest.run(command.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        return run.out().lines().map(l -> String.join(",", List.of(l.split(",")).stream()
                .filter(s -> !s.isEmpty()).toList())).toList();
    }

    /** Per frame, nlscope's values of the named fields at any depth, in order, comma-joined. */
    private static List<String> ours(Path capture, Set<String> names) {
        return ours(capture, m -> true, f -> names.contains(f.name()) ? f.display() : null, true);
    }

    /**
     * Per frame, what {@code value} gives of each named field it accepts (null: not this one) at any
     * depth of the messages {@code which} accepts, in order, comma-joined.
     */
    private static List<String> ours(Path capture, Predicate<DecodedMessage> which, Function<Field, String> value,
                                     boolean headers) {
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        DecodeContext ctx = DecodeContext.empty();
        List<String> out = new ArrayList<>();
        int n = 0;
        for (Frame f : RecordedCaptures.frames(capture)) {
            DecodedFrame d = decoder.decode(f, ++n, ctx);
            ctx = ContextLearner.learn(ctx, d);
            List<String> values = new ArrayList<>();
            for (DecodedMessage m : d.messages()) {
                if (which.test(m)) {
                    if (headers) {
                        collect(m.fixedHeader(), value, values);
                    }
                    collect(m.attributes(), value, values);
                }
            }
            out.add(String.join(",", values));
        }
        return out;
    }

    private static void collect(List<Field> fields, Function<Field, String> value, List<String> out) {
        for (Field f : fields) {
            String v = f.name() == null ? null : value.apply(f);
            if (v != null) {
                out.add(v);
            }
            collect(f.children(), value, out);
        }
    }

    @Test
    void ipsetNamesAddressesAndComments() throws Exception {
        Assumptions.assumeTrue(TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        Path capture = RecordedCaptures.DIRECTORY.resolve("ipset.pcapng");
        List<String> theirs = tshark(capture, "netlink-netfilter.ipset.setname");
        assertEquals(theirs, ours(capture, Set.of("IPSET_ATTR_SETNAME")));
        List<String> addresses = tshark(capture, "netlink-netfilter.ipset.ip_addr");
        assertTrue(addresses.contains("198.51.100.0"), addresses.toString());
        assertEquals(addresses, ours(capture, Set.of("IPSET_ATTR_IPADDR_IPV4")));
        assertEquals(tshark(capture, "netlink-netfilter.ipset.comment"), ours(capture, Set.of("IPSET_ATTR_COMMENT")));
    }

    @Test
    void sockDiagInodes() throws Exception {
        Assumptions.assumeTrue(TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        Path capture = RecordedCaptures.DIRECTORY.resolve("ss.pcapng");
        List<String> theirs = tshark(capture, "netlink-sock_diag.inode");
        assertTrue(theirs.stream().filter(s -> !s.isEmpty()).count() > 5, theirs.toString());
        assertEquals(theirs, ours(capture, Set.of("ndiag_ino", "udiag_ino", "idiag_inode", "pdiag_ino")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"networkmanager.pcapng", "wifi.pcapng"})
    void ieee80211ElementIdsAddressesAndChannels(String name) throws Exception {
        Assumptions.assumeTrue(TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        Path capture = RecordedCaptures.DIRECTORY.resolve(name);
        // nl80211's messages only: tshark leaves rtnetlink's IFLA_WIRELESS events in hex
        Predicate<DecodedMessage> nl80211 = m -> m.genl() != null;
        assertEquals(tshark(capture, "wlan.tag.number"), ours(capture, nl80211,
                f -> f.name().startsWith("WLAN_EID_") ? String.valueOf(f.type()) : null, false));
        assertEquals(tshark(capture, "wlan.ta"), ours(capture, nl80211,
                f -> f.name().equals("addr2") ? f.display() : null, false));
        assertEquals(tshark(capture, "wlan.ra"), ours(capture, nl80211,
                f -> f.name().equals("addr1") ? f.display() : null, false));
        assertEquals(tshark(capture, "wlan.ds.current_channel"), ours(capture, nl80211,
                f -> f.name().equals("WLAN_EID_DS_PARAMS") ? String.valueOf(f.value()) : null, false));
    }

    @Test
    void networkManagersAssociationHasTheFramesAndExtensionElements() throws Exception {
        Assumptions.assumeTrue(TsharkInteropTest.tsharkPresent(), "tshark is not installed");
        Path capture = RecordedCaptures.DIRECTORY.resolve("networkmanager.pcapng");
        // wifi.pcapng has neither frames nor elements: there the comparison above agrees on nothing
        assertTrue(tshark(capture, "wlan.tag.number").stream().filter(t -> t.contains("255")).count() >= 3);
        assertTrue(tshark(capture, "wlan.ta").stream().filter(t -> !t.isEmpty()).count() >= 20);
    }
}
