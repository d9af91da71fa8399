package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureOptions;

/** The capture source's errors on this machine; its frames are checked in the nlmon VM (scripts/vm-capture-test). */
class NlmonCaptureTest {

    @Test
    void openingOnAKernelWithoutNlmonFailsWithOneClearLine() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Assumptions.assumeFalse(Files.exists(Path.of("/sys/module/nlmon")), "this kernel has nlmon");
        CaptureException e = assertThrows(CaptureException.class, () -> NlmonCapture.open(CaptureOptions.defaults()));
        assertEquals(CaptureException.Reason.NO_NLMON, e.reason());
        assertEquals("this kernel has no nlmon support (CONFIG_NLMON); try: modprobe nlmon", e.getMessage());
    }

    @Test
    void anInterfaceThatIsNotAMonitorIsRefusedBeforeAnyRing() {
        CaptureException e = assertThrows(CaptureException.class,
                () -> NlmonCapture.open(CaptureOptions.defaults().withInterface("lo")));
        assertEquals(CaptureException.Reason.INTERFACE, e.reason());
    }
}
