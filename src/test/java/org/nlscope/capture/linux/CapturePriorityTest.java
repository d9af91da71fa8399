package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The capture's priorities as the kernel reports them for the thread (/proc/thread-self/stat). */
class CapturePriorityTest {

    /** The thread's nice value: field 19 of its stat line, counted after the command's closing parenthesis. */
    private static int nice() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[19 - 3]);
    }

    @Test
    void aDecodingThreadGoesBackToNiceZeroAfterTheCapturesRaise() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                boolean raised = CapturePriority.raiseCurrentThread();
                int high = nice();
                CapturePriority.lowerCurrentThread();
                seen.set(raised + " " + high + " " + nice());
            } catch (Exception e) {
                seen.set(e.toString());
            }
        });
        t.start();
        t.join();
        String[] r = seen.get().split(" ");
        assumeTrue(Boolean.parseBoolean(r[0]), "this process may not raise its priority (no root, no CAP_SYS_NICE)");
        assertEquals(CapturePriority.NICE + " 0", r[1] + " " + r[2]);
    }
}
