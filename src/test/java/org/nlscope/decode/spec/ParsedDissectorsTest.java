package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.decode.ynl.YnlLoader;

/** The built-in files' trees made at build time: complete, equal to their YAML, and used only for the same bytes. */
class ParsedDissectorsTest {
    private static final Path BUILT_IN = Path.of(DissectorFiles.BUILT_IN);

    @TempDir
    Path tmp;

    private static List<Path> builtInFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(BUILT_IN)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static String relative(Path p) {
        return BUILT_IN.relativize(p).toString().replace('\\', '/');
    }

    @Test
    void holdsEveryBuiltInFileAsItsYamlReads() throws IOException {
        ParsedDissectors parsed = ParsedDissectors.load(getClass().getClassLoader());
        List<Path> files = builtInFiles();
        assertTrue(files.size() > 40, "built-in files: " + files.size());
        for (Path p : files) {
            String relative = relative(p);
            String source = DissectorFiles.BUILT_IN + "/" + relative;
            byte[] content = Files.readAllBytes(p);
            if (relative.startsWith(DissectorFiles.YNL_FOLDER)) {
                JsonNode tree = parsed.tree(relative, content);
                // a file missing here is read from YAML: correct, but start-up pays for SnakeYAML again
                assertNotNull(tree, relative + " is not in " + ParsedDissectors.RESOURCE);
                assertEquals(YnlLoader.read(source, content), tree, relative);
                assertEquals(YnlLoader.translate(source, YnlLoader.read(source, content)).file(),
                        YnlLoader.translate(source, tree).file(), relative);
            } else {
                FamilySpec spec = parsed.spec(relative, content);
                assertNotNull(spec, relative + " is not in " + ParsedDissectors.RESOURCE);
                assertEquals(SpecLoader.parse(source, content).spec(), spec, relative);
            }
        }
    }

    @Test
    void otherBytesThanTheBundleWasMadeFromAreNotAnswered() throws IOException {
        ParsedDissectors parsed = ParsedDissectors.load(getClass().getClassLoader());
        Path link = BUILT_IN.resolve("rtnetlink/link.yaml");
        byte[] content = Files.readAllBytes(link);
        assertNotNull(parsed.spec("rtnetlink/link.yaml", content));
        byte[] edited = content.clone();
        edited[edited.length - 2] ^= 1; // same length, other bytes: a file edited after the build
        assertNull(parsed.spec("rtnetlink/link.yaml", edited));
        assertNull(parsed.spec("rtnetlink/link.yaml", java.util.Arrays.copyOf(content, content.length + 1)));
        assertNull(parsed.spec("rtnetlink/no-such-file.yaml", content));
        byte[] ethtool = Files.readAllBytes(BUILT_IN.resolve("ynl/ethtool.yaml"));
        assertNotNull(parsed.tree("ynl/ethtool.yaml", ethtool));
        assertNull(parsed.tree("ynl/ethtool.yaml", content));
    }

    @Test
    void aFreshTreeEachTime() throws IOException {
        ParsedDissectors parsed = ParsedDissectors.load(getClass().getClassLoader());
        byte[] content = Files.readAllBytes(BUILT_IN.resolve("ynl/ethtool.yaml"));
        JsonNode first = parsed.tree("ynl/ethtool.yaml", content);
        ((com.fasterxml.jackson.databind.node.ObjectNode) first).put("name", "changed");
        assertEquals("ethtool", parsed.tree("ynl/ethtool.yaml", content).path("name").asText());
    }

    @Test
    void aMissingOrBrokenBundleIsNoBundle() throws IOException {
        byte[] link = Files.readAllBytes(BUILT_IN.resolve("rtnetlink/link.yaml"));
        try (URLClassLoader none = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null)) {
            assertNull(ParsedDissectors.load(none).spec("rtnetlink/link.yaml", link));
        }
        byte[] bundle;
        try (var in = getClass().getClassLoader().getResourceAsStream(ParsedDissectors.RESOURCE)) {
            bundle = in.readAllBytes();
        }
        Path copy = tmp.resolve(ParsedDissectors.RESOURCE);
        Files.createDirectories(copy.getParent());
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            // cut short, or bytes flipped: never an exception, never a wrong spec (a spec equal to the file's, or none)
            byte[] broken = i % 2 == 0 ? java.util.Arrays.copyOf(bundle, random.nextInt(bundle.length)) : bundle.clone();
            if (i % 2 == 1) {
                for (int k = 0; k < 4; k++) {
                    broken[random.nextInt(broken.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            Files.write(copy, broken);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null)) {
                FamilySpec spec = ParsedDissectors.load(loader).spec("rtnetlink/link.yaml", link);
                if (spec != null) {
                    assertEquals(SpecLoader.parse("dissectors/rtnetlink/link.yaml", link).spec(), spec);
                }
            }
        }
    }

    @Test
    void theBuiltInDissectorsAreTheSameWithoutTheBundle() throws IOException {
        // the built-in folder without the bundle beside it, as an IDE's copy of the resources would be
        Path classes = tmp.resolve("classes");
        for (Path p : builtInFiles()) {
            Path to = classes.resolve(DissectorFiles.BUILT_IN).resolve(relative(p));
            Files.createDirectories(to.getParent());
            Files.copy(p, to);
        }
        try (URLClassLoader plain = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            List<SpecFile> fromYaml = new DissectorFiles().addBuiltIn(plain).files();
            List<SpecFile> fromBundle = new DissectorFiles().addBuiltIn(getClass().getClassLoader()).files();
            assertEquals(fromYaml.size(), fromBundle.size());
            assertEquals(fromYaml, fromBundle);
        }
    }
}
