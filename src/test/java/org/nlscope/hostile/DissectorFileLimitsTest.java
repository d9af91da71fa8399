package org.nlscope.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlscope.cli.Main;
import org.nlscope.model.Limits;
import org.nlscope.pcap.CaptureFormat;

/** Item 8 of issue 12: hostile dissector files are refused fast, and the error blames the right file. */
class DissectorFileLimitsTest {
    @TempDir
    Path dir;

    private String err(Path dissectors) throws Exception {
        Path capture = HostileInputs.write(dir.resolve("c.pcapng"), CaptureFormat.PCAPNG, 1, HostileInputs::link);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new ByteArrayOutputStream(), err, "--dissectors", dissectors.toString(), "read", capture.toString());
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        return text;
    }

    @Test
    void aHugeScalarIsRejectedFast() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d"));
        Path file = d.resolve("big.yaml");
        // 20 MB in one scalar: refused before it is read
        Files.writeString(file, "family: route\ndoc: \"" + "x".repeat(20_000_000) + "\"\n");
        String e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> err(d));
        assertTrue(e.contains(file + ": 20000022 bytes, larger than the limit of " + Limits.MAX_SPEC_FILE_BYTES), e);
        // a long scalar in a file under the file limit: refused by the scanner's string limit
        Files.writeString(file, "family: route\ndoc: \"" + "x".repeat(2 * Limits.MAX_SPEC_SCALAR_CHARS) + "\"\n");
        String scalar = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> err(d));
        assertTrue(scalar.startsWith("nlscope: " + file), scalar);
        assertTrue(scalar.contains(String.valueOf(Limits.MAX_SPEC_SCALAR_CHARS)), scalar);
    }

    @Test
    void structSizesCannotOverflowToZero() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d"));
        Path file = d.resolve("huge.yaml");
        Files.writeString(file, """
                family: route
                definitions:
                  - name: huge
                    type: struct
                    members:
                      - {name: a, type: binary, len: 2147483647}
                      - {name: b, type: binary, len: 2147483647}
                      - {name: c, type: binary, len: 2}
                """);
        String e = err(d);
        assertTrue(e.contains(file.toString()), e);
        assertTrue(e.contains("struct 'huge' would be 2147483647 bytes, larger than any frame (" + Limits.MAX_RECORD_BYTES + ")"), e);
    }

    @Test
    void overridingASharedFileBlamesTheUsersFile() throws Exception {
        Path d = Files.createDirectories(dir.resolve("d/rtnetlink"));
        Path common = d.resolve("common.yaml");
        Files.writeString(common, "family: route\ndoc: my own common definitions, missing what the others use\n");
        String e = err(dir.resolve("d"));
        assertTrue(e.startsWith("nlscope: " + common), e);
    }
}
