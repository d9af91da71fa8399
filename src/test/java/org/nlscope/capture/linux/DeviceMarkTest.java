package org.nlscope.capture.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The alias that marks the nlmon devices nlscope makes, and when such a device was left behind. */
class DeviceMarkTest {

    @Test
    void theAliasReadsBack() {
        DeviceMark m = new DeviceMark(1234, 98765);
        assertEquals("nlscope pid 1234 start 98765", m.alias());
        assertEquals(m, DeviceMark.parse(m.alias()));
    }

    @Test
    void aliasesNlscopeDidNotWriteAreNotMarks() {
        assertNull(DeviceMark.parse(null));
        assertNull(DeviceMark.parse(""));
        assertNull(DeviceMark.parse("my monitor"));
        assertNull(DeviceMark.parse("nlscope pid 1234"), "no start time");
        assertNull(DeviceMark.parse("nlscope pid x start 1"));
        assertNull(DeviceMark.parse("nlscope pid 12 start 3 extra"));
        assertNull(DeviceMark.parse("nlscope pid -5 start 3"));
        assertNull(DeviceMark.parse("nlscope pid 0 start 3"));
        assertNull(DeviceMark.parse("Nlscope pid 12 start 3"));
    }

    @Test
    void theOwnerIsGoneWhenItsPidIsFreeOrHeldByALaterProcess() {
        Map<Long, Long> running = Map.of(1234L, 98765L, 4321L, 11L);
        java.util.function.LongFunction<OptionalLong> table =
                pid -> running.containsKey(pid) ? OptionalLong.of(running.get(pid)) : OptionalLong.empty();
        assertFalse(new DeviceMark(1234, 98765).ownerGone(table), "the same process still runs");
        assertTrue(new DeviceMark(4321, 98765).ownerGone(table), "the pid was reused");
        assertTrue(new DeviceMark(777, 98765).ownerGone(table), "no such process");
    }

    @Test
    void theStartTimeIsField22EvenWhenTheCommandHasSpacesAndParentheses() {
        String stat = "8106 (a b) c)) R 8103 8103 30638 0 -1 4194304 123 0 0 0 0 0 0 0 20 0 1 0 1073890 3133440 388";
        assertEquals(OptionalLong.of(1073890), DeviceMark.parseStartTicks(stat));
        assertEquals(OptionalLong.empty(), DeviceMark.parseStartTicks("8106 (cat) R 1 2"));
        assertEquals(OptionalLong.empty(), DeviceMark.parseStartTicks("garbage"));
    }

    @Test
    void thisProcessIsAliveAndAFinishedOneIsGone() throws Exception {
        DeviceMark self = DeviceMark.ofThisProcess();
        assertEquals(ProcessHandle.current().pid(), self.pid());
        assertTrue(self.startTicks() > 0);
        assertFalse(self.ownerGone());
        Process p = new ProcessBuilder("true").start();
        long pid = p.pid();
        OptionalLong started = DeviceMark.startTicks(pid);
        p.waitFor();
        // reaped by waitFor: /proc/PID is gone (a new process could take the pid, with another start time)
        DeviceMark dead = new DeviceMark(pid, started.orElse(1));
        assertTrue(dead.ownerGone());
    }
}
