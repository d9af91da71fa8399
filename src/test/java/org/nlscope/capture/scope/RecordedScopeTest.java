package org.nlscope.capture.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nlscope.model.Frame;

/**
 * The attribution against what the live capture did, both recorded in the nlmon VM by
 * scripts/vm-capture-test: tcpdump's command-all.pcap holds everything on nlmon0 while
 * {@code ip link add vmcmd0 type dummy} ran under {@code nlscope capture --}, another
 * process looped {@code ip link show} and {@code ip monitor} listened; command.pcapng is
 * what nlscope kept, command.ports its summary's port lines.
 */
class RecordedScopeTest {
    private static final Path DIR = Path.of("src/test/resources/scope");
    private static final Pattern PORT = Pattern.compile("port (\\d+): pid (\\d+) \\((.*)\\), by (.*)");

    @Test
    void theRulesKeepFromEverythingWhatTheLiveCaptureKept() throws Exception {
        Map<Long, PortOwner> ports = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("command.ports"))) {
            Matcher m = PORT.matcher(line);
            assertTrue(m.matches(), line);
            long port = Long.parseLong(m.group(1));
            ports.put(port, new PortOwner(port, Integer.parseInt(m.group(2)), m.group(3), m.group(4), true));
        }
        List<Frame> everything = ScopeFilterTest.readFile(DIR.resolve("command-all.pcap"));
        List<Frame> live = ScopeFilterTest.readFile(DIR.resolve("command.pcapng"));
        ScopeFilter filter = new ScopeFilter(ScopeFilterTest.known(ports));
        List<Integer> kept = ScopeFilterTest.kept(everything, filter);
        assertEquals(hex(live), kept.stream().map(n -> everything.get(n - 1)).map(RecordedScopeTest::hex).toList());
        assertEquals(List.copyOf(ports.values()), filter.keptPorts());
        assertTrue(filter.droppedFrames() > 10 * kept.size(), "the loop's dumps were most of the traffic: " + filter.droppedFrames());
    }

    private static List<String> hex(List<Frame> frames) {
        return frames.stream().map(RecordedScopeTest::hex).toList();
    }

    /** The netlink bytes after the cooked header (tcpdump leaves the unused address bytes as the ring slot had them). */
    private static String hex(Frame f) {
        return HexFormat.of().formatHex(f.data(), 16, f.data().length);
    }
}
