package org.nlscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A real SIGTERM and SIGINT to this JVM: each asks the capture to stop instead of ending the process. */
class StopSignalsTest {

    private static void kill(String signal) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid())).start();
        assertEquals(0, p.waitFor());
    }

    @Test
    void theFirstSignalStopsTheCaptureAndTheJvmLivesOn() throws Exception {
        for (String name : StopSignals.NAMES) {
            CountDownLatch stopped = new CountDownLatch(1);
            try (StopSignals signals = StopSignals.install(stopped::countDown)) {
                assertFalse(signals.received());
                kill(name);
                assertTrue(stopped.await(10, TimeUnit.SECONDS), "SIG" + name + " reached the handler");
                assertTrue(signals.received());
            }
        }
    }
}
