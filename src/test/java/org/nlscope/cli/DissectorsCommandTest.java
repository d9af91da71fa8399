package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlscope dissectors}, with and without --ynl. */
class DissectorsCommandTest {
    @TempDir
    Path dir;

    static final String SPEC = """
            name: demo
            doc: a family of the test
            attribute-sets:
              - name: main
                attributes:
                  - {name: a, type: u32}
                  - {name: a, type: u32}
            operations:
              list:
                - {name: get, attribute-set: main, do: {request: {attributes: [a]}}}
                - {name: set, attribute-set: main, do: {request: {attributes: [a]}}}
            """;

    @Test
    void listsTheBuiltInFamiliesWithTheirFiles() {
        MainTest.Run r = MainTest.run("dissectors");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("FAMILY"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("genl nlctrl ") && l.contains("dissectors/genetlink/nlctrl.yaml (built in)")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("route (0) ") && l.contains("dissectors/rtnetlink/link.yaml (built in)")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("genl ethtool ") && l.contains("dissectors/ynl/ethtool.yaml (built in)")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sock_diag (4) ") && l.contains("Java")), r.out());
    }

    @Test
    void withYnlItListsEveryFamilyOfTheDirectoryWithItsWarnings() throws Exception {
        Path specs = Files.createDirectories(dir.resolve("Documentation/netlink/specs"));
        Files.writeString(specs.resolve("demo.yaml"), SPEC, StandardCharsets.UTF_8);
        MainTest.Run r = MainTest.run("--ynl", dir.toString(), "dissectors");
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("genl demo ")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(line.matches("genl demo +2 +\\Q" + specs.resolve("demo.yaml") + "\\E"), line);
        assertTrue(r.out().contains("    warning: " + specs.resolve("demo.yaml") + ": attribute-sets[0].attributes[1].name: "
                + "'a' is listed twice in the set 'main'; the first is used"), r.out());
        MainTest.Run after = MainTest.run("dissectors", "--ynl", dir.toString());
        assertEquals(r.out(), after.out(), "the option goes before or after the command");
    }

    @Test
    void aMalformedSpecIsOneLineNamingTheFileAndThePath() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "name: bad\nattribute-sets: {a: 1}\n", StandardCharsets.UTF_8);
        MainTest.Run r = MainTest.run("--ynl", dir.toString(), "dissectors");
        r.failedWithOneLine(2, dir.resolve("bad.yaml") + ": attribute-sets: expected a list");
        MainTest.Run missing = MainTest.run("--ynl", dir.resolve("nope").toString(), "read", "x.pcap");
        missing.failedWithOneLine(2, "nope: no such directory");
        assertFalse(missing.err().contains("x.pcap"));
    }
}
