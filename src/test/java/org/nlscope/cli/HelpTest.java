package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --help, -h and `help CMD` on every command print that command's usage and exit 0. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"read", "convert", "stats", "capture", "gui", "help"})
    void everyCommandHasHelp(String command) {
        String usage = "Usage: nlscope " + command;
        for (String[] args : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command}}) {
            MainTest.Run r = MainTest.run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().contains(usage), String.join(" ", args) + ": " + r.out());
            assertEquals("", r.err(), String.join(" ", args));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"read", "capture"})
    void dashCapitalVStaysTheFullTree(String command) {
        // -V is the full tree here, as in tshark; the version is nlscope --version
        assertTrue(MainTest.run(command, "--help").out().contains("-V, --verbose"));
    }

    @org.junit.jupiter.api.Test
    void helpOfAnUnknownCommandIsAUsageError() {
        MainTest.Run r = MainTest.run("help", "frobnicate");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("nlscope: Unknown subcommand 'frobnicate'"), r.err());
    }
}
