package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.decode.ContextLearner;
import org.nlscope.decode.DecodeContext;
import org.nlscope.decode.Dissector;
import org.nlscope.decode.DissectorKey;
import org.nlscope.decode.DissectorRegistry;
import org.nlscope.decode.FrameDecoder;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.pcap.CaptureReader;

/** The built-in families compile when a capture first has them; a user's files at load. */
class DeferredCompilationTest {
    @TempDir
    Path tmp;

    private static final DissectorKey ROUTE = DissectorKey.netlink(0);
    private static final DissectorKey NL80211 = DissectorKey.genl("nl80211");

    @Test
    void aCaptureOfRoutesCompilesRouteAlone() throws Exception {
        DissectorRegistry registry = DissectorRegistry.of(new SpecDissectorProvider(null).dissectors(List.of()));
        for (Dissector d : registry.all()) {
            assertTrue(d instanceof DeferredDissector deferred && !deferred.isCompiled(), d.key() + " compiled at load");
        }
        FrameDecoder decoder = FrameDecoder.forSummaries(registry);
        int lines = 0;
        try (CaptureReader r = CaptureReader.open(Path.of("src/test/resources/captures/routes.pcapng"))) {
            DecodeContext ctx = DecodeContext.of(r.metadata());
            int n = 0;
            for (Frame f; (f = r.next()) != null; ) {
                DecodedFrame d = decoder.decode(f, ++n, ctx);
                ctx = ContextLearner.learn(ctx, d);
                lines += d.messages().size();
            }
        }
        assertTrue(lines > 0);
        assertTrue(((DeferredDissector) registry.forKey(ROUTE)).isCompiled());
        assertFalse(((DeferredDissector) registry.forKey(NL80211)).isCompiled(), "nl80211 compiled for a capture of routes");
        // asking anything but the key compiles it
        registry.forKey(NL80211).secretAttributes();
        assertTrue(((DeferredDissector) registry.forKey(NL80211)).isCompiled());
    }

    @Test
    void aFamilyWithAUsersFileCompilesAtLoad() throws IOException {
        Path f = tmp.resolve("extra/foo.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, """
                family: route
                messages: [{name: RTM_NEWFOO, value: 200}]
                """);
        DissectorRegistry registry = DissectorRegistry.of(new SpecDissectorProvider(null).dissectors(List.of(tmp)));
        assertTrue(registry.forKey(ROUTE) instanceof SpecDissector);
        assertTrue(registry.forKey(NL80211) instanceof DeferredDissector d && !d.isCompiled());
    }
}
