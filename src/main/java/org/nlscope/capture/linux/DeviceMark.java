package org.nlscope.capture.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * The interface alias (IFLA_IFALIAS) nlscope gives each nlmon device it makes:
 * {@code nlscope pid 1234 start 5678}, the process id and its start time in clock ticks
 * after boot (field 22 of /proc/PID/stat). A device whose mark names a process that is
 * gone, or a pid now held by a later process, was left behind (SIGKILL, a crash) and
 * may be removed; a device without the mark was not made by nlscope and is never touched.
 *
 * @param pid        the process that made the device
 * @param startTicks when that process started, so a reused pid does not look alive
 */
record DeviceMark(long pid, long startTicks) {
    static final String PREFIX = "nlscope pid ";
    private static final String START = " start ";

    /** This process's mark. */
    static DeviceMark ofThisProcess() {
        long pid = ProcessHandle.current().pid();
        return new DeviceMark(pid, startTicks(pid).orElse(0));
    }

    String alias() {
        return PREFIX + pid + START + startTicks;
    }

    /** The mark an alias holds, or null when the alias (may be null) is not one. */
    static DeviceMark parse(String alias) {
        if (alias == null || !alias.startsWith(PREFIX)) {
            return null;
        }
        String rest = alias.substring(PREFIX.length());
        int start = rest.indexOf(START);
        if (start <= 0) {
            return null;
        }
        try {
            long pid = Long.parseLong(rest.substring(0, start));
            long ticks = Long.parseLong(rest.substring(start + START.length()));
            return pid > 0 && ticks >= 0 ? new DeviceMark(pid, ticks) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True when the process that made the device no longer runs, asking startTimeOf (pid to start ticks, empty when gone). */
    boolean ownerGone(LongFunction<OptionalLong> startTimeOf) {
        OptionalLong now = startTimeOf.apply(pid);
        return now.isEmpty() || now.getAsLong() != startTicks;
    }

    /** True when the process that made the device no longer runs on this machine. */
    boolean ownerGone() {
        return ownerGone(DeviceMark::startTicks);
    }

    /** A process's start time in clock ticks after boot, or empty when there is no such process. */
    static OptionalLong startTicks(long pid) {
        try {
            return parseStartTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Field 22 of a /proc/PID/stat line; the command name (field 2) may hold spaces and parentheses. */
    static OptionalLong parseStartTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(close + 1).trim().split(" +");
        // fields[0] is field 3 (state), so field 22 is fields[19]
        if (fields.length < 20) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields[19]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
