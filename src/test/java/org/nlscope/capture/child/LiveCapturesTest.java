package org.nlscope.capture.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureRequest;

/** How this process captures: real /proc, a real child JVM (the VM test captures with it for real). */
class LiveCapturesTest {

    @Test
    void rootIsTheRealUserIdZeroAsIdSaysIt() throws Exception {
        Process id = new ProcessBuilder("id", "-ru").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertEquals(0, id.waitFor());
        assertEquals(uid.equals("0"), LiveCaptures.isRoot(), "id -ru says " + uid);
    }

    @Test
    void asRootTheHelperRunsAsAChildWhichSaysWhyItCannotCaptureHere() {
        assumeTrue(LiveCaptures.isRoot(), "only root starts the helper without sudo");
        assumeFalse(Files.exists(Path.of("/sys/module/nlmon")), "this kernel has nlmon: the capture would start");
        CaptureException e = assertThrows(CaptureException.class, () -> LiveCaptures.open(CaptureRequest.everything()));
        // the child's last stderr line, as it printed it: so the helper ran, as root, and tried nlmon
        assertEquals("this kernel has no nlmon support (CONFIG_NLMON); try: modprobe nlmon", e.getMessage());
    }
}
