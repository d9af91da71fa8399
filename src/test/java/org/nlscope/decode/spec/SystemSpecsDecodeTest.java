package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.DissectorProvider;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.DissectorSources;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.fuzz.RecordedCaptures;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;
import org.nlscope.session.export.DetailTree;
import org.nlscope.session.export.FrameText;

/**
 * With Linux 7.3's YNL specs installed as the system's kernel documentation (outside the
 * repository: skipped when absent), every recorded capture decodes the same or better than
 * with nlscope's built-in definitions alone, although the system's specs now override them
 * (rt-link, rt-route, tc, nlctrl, wireguard, nl80211 ...): nlscope's own files lie over them.
 * A line of the built-in decode that the system's decode of the same frame lacks is worse,
 * unless it showed an attribute or value nlscope could not name (unknown(N)).
 */
class SystemSpecsDecodeTest {
    static final Path SPECS = Path.of(Files.isDirectory(Path.of("../shared/ynl/linux-7.3/specs"))
            ? "../shared/ynl/linux-7.3/specs" : "../../shared/ynl/linux-7.3/specs");

    @TempDir
    Path root;

    @Test
    void everyCaptureDecodesTheSameOrBetterWithTheSystemsSpecs() throws Exception {
        assumeTrue(Files.isDirectory(SPECS), "skipped: no kernel YNL specs at " + SPECS.toAbsolutePath().normalize());
        Path docs = Files.createDirectories(root.resolve("usr/src/linux-7.3/Documentation/netlink"));
        Files.createSymbolicLink(docs.resolve("specs"), SPECS.toAbsolutePath());
        SpecDissectorProvider system = new SpecDissectorProvider(null, root);
        DissectorSources withSystem = new DissectorSources(List.of(), List.of(), true);
        assertTrue(system.reports(withSystem).stream().anyMatch(r -> r.sources().stream()
                .anyMatch(s -> s.endsWith("rt-link.yaml"))), "the system's rt-link spec decodes rtnetlink");
        FrameDecoder builtIn = new FrameDecoder(registry(new SpecDissectorProvider(null, root),
                new DissectorSources(List.of(), List.of(), false)));
        FrameDecoder kernel = new FrameDecoder(registry(system, withSystem));

        List<String> worse = new ArrayList<>();
        long lines = 0;
        long better = 0;
        for (Path capture : RecordedCaptures.files()) {
            List<String> a = decode(builtIn, capture);
            List<String> b = decode(kernel, capture);
            assertEquals(a.size(), b.size(), capture + ": frames");
            for (int i = 0; i < a.size(); i++) {
                List<String> lost = missing(a.get(i), b.get(i));
                lines += a.get(i).lines().count();
                for (String line : lost) {
                    if (line.contains("unknown(")) {
                        better++;
                    } else {
                        worse.add(capture.getFileName() + " frame " + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        System.out.printf("system specs: %d lines decoded, %d worse, %d unknown(N) lines now named%n",
                lines, worse.size(), better);
        assertEquals(List.of(), worse.subList(0, Math.min(20, worse.size())), worse.size() + " lines got worse");
    }

    /** The lines of one frame's text the other's lacks, counted as a multiset. */
    private static List<String> missing(String a, String b) {
        Map<String, Integer> have = new HashMap<>();
        b.lines().forEach(l -> have.merge(l, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String l : a.lines().toList()) {
            int n = have.getOrDefault(l, 0);
            if (n == 0) {
                out.add(l);
            } else {
                have.put(l, n - 1);
            }
        }
        return out;
    }

    /** Each frame's lines as read prints them, then its tree as read -V does. */
    private static List<String> decode(FrameDecoder decoder, Path capture) throws Exception {
        List<String> out = new ArrayList<>();
        FrameText text = new FrameText();
        DetailTree tree = new DetailTree();
        try (CaptureReader r = CaptureReader.open(capture)) {
            DecodeContext ctx = DecodeContext.of(r.metadata());
            int number = 0;
            for (Frame f; (f = r.next()) != null; ) {
                DecodedFrame d = decoder.decode(f, ++number, ctx);
                ctx = ContextLearner.learn(ctx, d);
                out.add(text.toText(d) + tree.toText(d));
            }
        }
        return out;
    }

    /** Every provider ServiceLoader finds (the Java dissectors), with this one for the data-driven families. */
    private static DissectorRegistry registry(SpecDissectorProvider spec, DissectorSources sources) {
        List<DissectorProvider> providers = new ArrayList<>();
        for (DissectorProvider p : ServiceLoader.load(DissectorProvider.class)) {
            providers.add(p instanceof SpecDissectorProvider ? spec : p);
        }
        return DissectorRegistry.fromProviders(providers, sources);
    }
}
