package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded nlctrl and WireGuard traffic decodes the same with the kernel's own YNL
 * specs of those families (Linux 7.3's, outside the repository: skipped when absent) as
 * with nlscope's built-in files: the overlay keeps nlscope's summaries and displays.
 */
class YnlDecodeEquivalenceTest {
    static final Path CAPTURE = Path.of("src/test/resources/captures/genl.pcapng");
    static final Path SPECS = Path.of(Files.isDirectory(Path.of("../shared/ynl/linux-7.3/specs"))
            ? "../shared/ynl/linux-7.3/specs" : "../../shared/ynl/linux-7.3/specs");

    @TempDir
    Path dir;

    @Test
    void genlCaptureDecodesTheSameWithTheKernelsSpecs() throws Exception {
        assumeTrue(Files.isDirectory(SPECS), "skipped: no kernel YNL specs at " + SPECS.toAbsolutePath().normalize());
        for (String f : new String[] {"nlctrl.yaml", "wireguard.yaml"}) {
            Files.copy(SPECS.resolve(f), dir.resolve(f));
        }
        MainTest.Run builtIn = MainTest.run("read", "-V", CAPTURE.toString());
        MainTest.Run ynl = MainTest.run("--ynl", dir.toString(), "read", "-V", CAPTURE.toString());
        assertEquals(0, ynl.code(), ynl.err());
        assertEquals(builtIn.out(), ynl.out());
        MainTest.Run report = MainTest.run("--ynl", dir.toString(), "dissectors");
        assertEquals(2, report.out().lines().filter(l -> l.contains(dir.toString())).count(), report.out());
    }

    /**
     * With the kernel's rt-link spec, the recorded link traffic reads the same line by line:
     * nlscope's summaries, flag names (IFF_NOARP, where the spec derives IFF_NO_ARP) and
     * address families lie over the spec's messages.
     */
    @Test
    void linksReadTheSameWithTheKernelsRtLinkSpec() throws Exception {
        assumeTrue(Files.isDirectory(SPECS), "skipped: no kernel YNL specs at " + SPECS.toAbsolutePath().normalize());
        Files.copy(SPECS.resolve("rt-link.yaml"), dir.resolve("rt-link.yaml"));
        Path links = Path.of("src/test/resources/captures/links.pcapng");
        MainTest.Run builtIn = MainTest.run("read", links.toString());
        MainTest.Run ynl = MainTest.run("--ynl", dir.toString(), "read", links.toString());
        assertEquals(0, ynl.code(), ynl.err());
        assertEquals(builtIn.out(), ynl.out());
    }
}
