package org.nlscope.dissect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.decode.NetlinkFamilies;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.uapi.Netlink;

/**
 * Prints how much of each recorded capture, and of each family across them, the built-in
 * dissectors decode: messages with a name, attributes with a name, and attributes both
 * named and typed (shown as a value, a struct or a nest, not as raw hex), plus the
 * messages whose whole body is one hex blob. Run with
 * {@code java -cp target/classes:target/test-classes:target/lib/* org.nlscope.dissect.NamedShare [CAPTURE...]}.
 */
public final class NamedShare {

    /** Counts of one capture or family. */
    private static final class Tally {
        long messages;
        long namedMessages;
        long blobs;
        long attributes;
        long named;
        long typed;

        void add(Tally o) {
            messages += o.messages;
            namedMessages += o.namedMessages;
            blobs += o.blobs;
            attributes += o.attributes;
            named += o.named;
            typed += o.typed;
        }

        String row(String what) {
            return String.format("  %-28s %6d msgs %6d named %4d blobs | %6d attrs %6.1f%% named %6.1f%% typed",
                    what, messages, namedMessages, blobs, attributes, pct(named, attributes), pct(typed, attributes));
        }

        private static double pct(long part, long all) {
            return all == 0 ? 100.0 : 100.0 * part / all;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = args.length > 0 ? java.util.Arrays.stream(args).map(Path::of).toList() : RecordedCaptures.files();
        FrameDecoder decoder = new FrameDecoder(DissectorRegistry.load(List.of()));
        Map<String, Tally> families = new TreeMap<>();
        Tally all = new Tally();
        System.out.println("per capture:");
        for (Path file : files) {
            Tally capture = new Tally();
            try (CaptureReader r = CaptureReader.open(file)) {
                DecodeContext ctx = DecodeContext.of(r.metadata());
                int number = 0;
                for (Frame f; (f = r.next()) != null; ) {
                    DecodedFrame d = decoder.decode(f, ++number, ctx);
                    ctx = ContextLearner.learn(ctx, d);
                    for (DecodedMessage m : d.messages()) {
                        Tally one = new Tally();
                        message(m, one);
                        capture.add(one);
                        families.computeIfAbsent(family(d.family(), m), k -> new Tally()).add(one);
                    }
                }
            }
            System.out.println(capture.row(file.getFileName().toString()));
            all.add(capture);
        }
        System.out.println("per family:");
        families.forEach((name, t) -> System.out.println(t.row(name)));
        System.out.println(all.row("all"));
    }

    /** "route", "xfrm", "generic/nl80211", "netfilter/10" (the nfnetlink subsystem), "control" for NLMSG_*. */
    private static String family(int family, DecodedMessage m) {
        if (m.header().type() < 16) {
            return "control";
        }
        String name = NetlinkFamilies.name(family);
        if (m.genl() != null) {
            return name + "/" + (m.genl().family() == null ? "id " + m.genl().familyId() : m.genl().family());
        }
        if (family == Netlink.NETLINK_NETFILTER) {
            return name + "/" + (m.header().type() >> 8);
        }
        return name;
    }

    private static void message(DecodedMessage m, Tally t) {
        t.messages++;
        if (m.typeName() != null && (m.genl() == null || m.genl().cmdName() != null)) {
            t.namedMessages++;
        }
        if (isBlob(m)) {
            t.blobs++;
        }
        fields(m.attributes(), t);
        if (m.error() != null && m.error().request() != null) {
            fields(m.error().request().attributes(), t);
        }
    }

    private static void fields(List<Field> fields, Tally t) {
        for (Field f : fields) {
            if (f.isAttribute()) {
                t.attributes++;
                if (f.name() != null) {
                    t.named++;
                    if (Typed.typed(f)) {
                        t.typed++;
                    }
                }
            }
            fields(f.children(), t);
        }
    }

    /** A message no dissector took apart: its body is one hex "payload" member. */
    static boolean isBlob(DecodedMessage m) {
        return java.util.stream.Stream.concat(m.fixedHeader().stream(), m.attributes().stream())
                .anyMatch(f -> !f.isAttribute() && "payload".equals(f.name()));
    }

    private NamedShare() {
    }
}
