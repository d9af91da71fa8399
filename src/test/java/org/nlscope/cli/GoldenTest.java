package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the decode of every real capture under src/test/resources/captures/ with golden
 * files under src/test/resources/golden/: NAME.txt ({@code read -V}), NAME.jsonl
 * ({@code read --json}) and NAME.lines ({@code read}).
 *
 * <p>After a deliberate change of the decode, regenerate them with
 * {@code mvn -B test -Dtest=GoldenTest -Dgolden.update=true}, then read the diff
 * ({@code git diff src/test/resources/golden}) as carefully as code before committing it.
 */
class GoldenTest {

    static final Path CAPTURES = Path.of("src/test/resources/captures");
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** The three outputs held for each capture: golden file extension and read's options. */
    private static final List<String[]> OUTPUTS = List.of(
            new String[] {"txt", "-V"},
            new String[] {"jsonl", "--json"},
            new String[] {"lines"});

    @TestFactory
    Stream<DynamicTest> everyCaptureDecodesAsItsGoldenFiles() throws IOException {
        List<Path> captures = captures();
        assertFalse(captures.isEmpty(), "no captures under " + CAPTURES);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path capture : captures) {
            for (String[] output : OUTPUTS) {
                String name = baseName(capture) + "." + output[0];
                tests.add(DynamicTest.dynamicTest(name, () -> check(capture, GOLDEN.resolve(name), output)));
            }
        }
        return tests.stream();
    }

    static List<Path> captures() throws IOException {
        if (!Files.isDirectory(CAPTURES)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(CAPTURES)) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
    }

    static String baseName(Path capture) {
        String n = capture.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static void check(Path capture, Path golden, String[] output) throws IOException {
        List<String> args = new ArrayList<>(List.of("read", capture.toString()));
        args.addAll(List.of(output).subList(1, output.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, args.toArray(String[]::new));
        assertEquals("", err.toString(StandardCharsets.UTF_8), "stderr of nlscope " + String.join(" ", args));
        assertEquals(0, code, "exit code of nlscope " + String.join(" ", args));
        String actual = out.toString(StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        if (!Files.exists(golden)) {
            fail(golden + " is missing; create it with mvn test -Dtest=GoldenTest -Dgolden.update=true and review it");
        }
        String expected = Files.readString(golden);
        if (!expected.equals(actual)) {
            fail("nlscope " + String.join(" ", args) + " differs from " + golden + " " + firstDifference(expected, actual)
                    + " (if the change is intended: -Dgolden.update=true, then review the diff)");
        }
    }

    /** Where two outputs part: the line number and both lines, instead of two walls of text. */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                return "at line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al + "\n";
            }
        }
        return "";
    }
}
