package org.nlscope.decode.ynl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.nlscope.decode.spec.SpecCompiler;

/**
 * Every spec of Linux 7.3 as Debian ships it (../shared/ynl/linux-7.3, outside the
 * repository: skipped when absent) loads, translates and compiles.
 */
class KernelSpecsTest {
    /** Beside the repository (../shared), or beside a worktree of it (../../shared), or as the property says. */
    static final Path SPECS = Path.of(System.getProperty("nlscope.kernelSpecs",
            Files.isDirectory(Path.of("../shared/ynl/linux-7.3/specs")) ? "../shared/ynl/linux-7.3/specs"
                    : "../../shared/ynl/linux-7.3/specs"));

    static List<Path> kernelSpecs() {
        assumeTrue(Files.isDirectory(SPECS), "skipped: no kernel YNL specs at " + SPECS.toAbsolutePath().normalize());
        return YnlDirectories.specFiles(SPECS);
    }

    @Test
    void everyKernelSpecLoadsAndCompiles() throws Exception {
        List<Path> files = kernelSpecs();
        assertEquals(33, files.size(), "Linux 7.3 has 33 spec files");
        List<String> report = new ArrayList<>();
        for (Path p : files) {
            YnlFamily f = YnlLoader.load(p.toString(), Files.readAllBytes(p));
            SpecCompiler.compile(List.of(f.file()), Map.of());
            assertFalse(f.file().spec().messages().isEmpty() && f.file().spec().attributeSets().isEmpty(), p.toString());
            report.add(f.name() + " " + f.messageCount() + " messages, " + f.warnings().size() + " warnings");
            f.warnings().forEach(w -> report.add("  " + w));
        }
        System.out.println(String.join("\n", report));
    }

    @Test
    void aGzippedSpecLoadsAsThePlainOne() throws Exception {
        Path p = kernelSpecs().stream().filter(f -> f.getFileName().toString().equals("wireguard.yaml")).findFirst()
                .orElseThrow();
        byte[] plain = Files.readAllBytes(p);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        YnlFamily a = YnlLoader.load("wireguard.yaml", plain);
        YnlFamily b = YnlLoader.load("wireguard.yaml.gz", gz.toByteArray());
        assertEquals(a.file().spec(), b.file().spec());
        assertTrue(b.file().source().endsWith(".gz"));
    }
}
