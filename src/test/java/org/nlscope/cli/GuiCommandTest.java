package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** `nlscope gui` refuses what it cannot open with one line, before any window exists. */
class GuiCommandTest {

    @Test
    void aMissingFileIsOneLineAndExitCode2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, "gui", "/nonexistent/capture.pcapng");
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_FILE, code);
        assertEquals("nlscope: /nonexistent/capture.pcapng: no such file\n", message);
    }

    @Test
    void dashIsStandardInputNotAFile() {
        // '-' is never "no such file"; without a display it fails for that reason alone
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null);
        MainTest.run("gui", "-").failedWithOneLine(Main.EXIT_USAGE, "the desktop app needs a graphical session");
    }

    @Test
    void guiIsListedInTheHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(out, new ByteArrayOutputStream(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("gui"));
    }
}
