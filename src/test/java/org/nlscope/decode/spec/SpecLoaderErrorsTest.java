package org.nlscope.decode.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nlscope.decode.DissectorLoadException;

/**
 * Every file under spec-errors/ is wrong in one way; its first line says the exact
 * one-line error it must give ("# error: ..."), or NAME.expected does for JSON.
 */
class SpecLoaderErrorsTest {

    @TestFactory
    Stream<DynamicTest> eachBadFileGivesItsOneLineError() throws IOException, URISyntaxException {
        Path dir = Path.of(SpecLoaderErrorsTest.class.getClassLoader().getResource("spec-errors").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> SpecLoader.isSpecFile(p.getFileName().toString())).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String expected = expected(p);
            String source = "spec-errors/" + p.getFileName();
            DissectorLoadException e = assertThrows(DissectorLoadException.class, () -> SpecCompiler.compile(
                    List.of(SpecLoader.parse(source, Files.readAllBytes(p))), SpecDissectorProvider.valueDecoders()));
            assertEquals(expected, e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }));
    }

    private static String expected(Path p) throws IOException {
        Path side = p.resolveSibling(p.getFileName() + ".expected");
        if (Files.exists(side)) {
            return Files.readString(side, StandardCharsets.UTF_8).strip();
        }
        String first = Files.readAllLines(p, StandardCharsets.UTF_8).get(0);
        if (!first.startsWith("# error: ")) {
            throw new AssertionError(p + " does not say its error on its first line");
        }
        return first.substring("# error: ".length());
    }
}
