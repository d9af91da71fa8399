package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The capture threads' priority, read back from the kernel: raised for the calling thread alone. */
class CapturePriorityTest {

    /** Field 19 of /proc/thread-self/stat: the calling thread's nice value. */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 1).trim().split(" +");
        return Integer.parseInt(f[16]);
    }

    @Test
    void theCallingThreadAloneGetsTheHigherPriority() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "raising priority needs root");
        int before = niceOfThisThread();
        AtomicReference<Object> inThread = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                boolean raised = CapturePriority.raiseCurrentThread();
                inThread.set(raised ? niceOfThisThread() : "not raised");
            } catch (Exception e) {
                inThread.set(e);
            }
        });
        t.start();
        t.join();
        assertEquals(CapturePriority.NICE, inThread.get());
        assertEquals(before, niceOfThisThread(), "the thread that started it keeps its own");
    }
}
