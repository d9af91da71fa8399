package org.nlscope.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
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
 * the fields both decode: ipset's set names, element addresses and comments, and the
 * inode numbers of every socket in a sock_diag dump.
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
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        DecodeContext ctx = DecodeContext.empty();
        List<String> out = new ArrayList<>();
        int n = 0;
        for (Frame f : RecordedCaptures.frames(capture)) {
            DecodedFrame d = decoder.decode(f, ++n, ctx);
            ctx = ContextLearner.learn(ctx, d);
            List<String> values = new ArrayList<>();
            for (DecodedMessage m : d.messages()) {
                collect(m.fixedHeader(), names, values);
                collect(m.attributes(), names, values);
            }
            out.add(String.join(",", values));
        }
        return out;
    }

    private static void collect(List<Field> fields, Set<String> names, List<String> out) {
        for (Field f : fields) {
            if (f.name() != null && names.contains(f.name())) {
                out.add(f.display());
            }
            collect(f.children(), names, out);
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
}
