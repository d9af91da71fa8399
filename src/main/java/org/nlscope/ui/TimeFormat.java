package org.nlscope.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the Time column shows a message's capture time, as Wireshark's View > Time Display
 * Format: seconds since the first message, since the previous message (captured or
 * displayed), the time of day, the date and time, or seconds since the Unix epoch. Every
 * form keeps the microseconds.
 */
public enum TimeFormat {
    RELATIVE("Time", "Seconds Since _First Message"),
    DELTA("Delta", "Seconds Since _Previous Captured Message"),
    DELTA_DISPLAYED("Delta displayed", "Seconds Since Previous _Displayed Message"),
    TIME_OF_DAY("Time of day", "_Time of Day"),
    DATE_AND_TIME("Date and time", "Date _and Time of Day"),
    EPOCH("Epoch", "Seconds Since _Epoch (1970-01-01)");

    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** The column's header. */
    final String title;
    /** The View menu's item (with its mnemonic). */
    final String menuText;

    TimeFormat(String title, String menuText) {
        this.title = title;
        this.menuText = menuText;
    }

    /**
     * The text for a message captured at {@code nanos} (since the epoch).
     *
     * @param origin   the first message's time (RELATIVE)
     * @param previous the previous message's time, captured or displayed as the format asks;
     *                 equal to {@code nanos} for the first one
     */
    String format(long nanos, long origin, long previous) {
        return switch (this) {
            case RELATIVE -> seconds(nanos - origin);
            case DELTA, DELTA_DISPLAYED -> seconds(nanos - previous);
            case TIME_OF_DAY -> DAY_TIME.format(Instant.ofEpochSecond(0, nanos));
            case DATE_AND_TIME -> DATE_TIME.format(Instant.ofEpochSecond(0, nanos));
            case EPOCH -> seconds(nanos);
        };
    }

    private static String seconds(long nanos) {
        // one per visible row at every scroll: digits, not String.format
        long micros = Math.floorDiv(nanos, 1000);
        long whole = Math.abs(micros / 1_000_000);
        long fraction = Math.abs(micros % 1_000_000);
        StringBuilder sb = new StringBuilder(20);
        if (micros < 0) {
            sb.append('-');
        }
        sb.append(whole).append('.');
        for (long p = 100_000; p > 1 && fraction < p; p /= 10) {
            sb.append('0');
        }
        return sb.append(fraction).toString();
    }

    /** The format saved under this name, or RELATIVE. */
    static TimeFormat named(String name) {
        for (TimeFormat f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return RELATIVE;
    }
}
