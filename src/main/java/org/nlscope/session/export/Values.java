package org.nlscope.session.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;

/** Text shared by the text and tree forms: values, times, flags and type names. */
public final class Values {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Values() {
    }

    /** A raw value as text: numbers in decimal, strings as they are; null for nests and structs. */
    static String raw(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * "value (readable)" for a field: the kernel name of an enum value, the names of a
     * flag set, or the display form when it says more than the raw value. Strings with a
     * display form (a MAC, an address) show only that. Null when the field has no value.
     */
    static String describe(Field f) {
        Object value = f.value();
        if (value == null) {
            return f.display();
        }
        String raw = raw(value);
        if (value instanceof Number && !f.valueNames().isEmpty()) {
            raw = "0x" + Long.toHexString(((Number) value).longValue());
        }
        String readable;
        if (f.valueName() != null) {
            readable = f.valueName();
        } else if (!f.valueNames().isEmpty()) {
            readable = String.join("|", f.valueNames());
        } else {
            readable = f.display();
        }
        if (value instanceof String && f.display() != null) {
            raw = f.display();
            readable = f.valueName();
        }
        if (readable == null || readable.isEmpty() || readable.equals(raw)) {
            return raw;
        }
        return raw + " (" + readable + ")";
    }

    /** 01:13:25.968653, UTC, to the microsecond (like tcpdump). */
    static String timeOfDay(long nanos) {
        long second = Math.floorMod(Math.floorDiv(nanos, 1_000_000_000L), 86_400L);
        StringBuilder sb = new StringBuilder(15);
        digits(sb, second / 3600, 2).append(':');
        digits(sb, second / 60 % 60, 2).append(':');
        digits(sb, second % 60, 2).append('.');
        return digits(sb, Math.floorMod(nanos, 1_000_000_000L) / 1000, 6).toString();
    }

    /** 2026-11-23 01:13:25.968653000 UTC, to the nanosecond. */
    static String dateTime(long nanos) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        StringBuilder sb = new StringBuilder(33).append(DATE_TIME.format(t)).append('.');
        return digits(sb, t.getNano(), 9).append(" UTC").toString();
    }

    /** A number of 0 or more, zero-padded to this many digits (String.format's %0Nd, without its cost). */
    private static StringBuilder digits(StringBuilder sb, long n, int width) {
        String s = Long.toString(n);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /** The message type as the kernel names it, or unknown(N). */
    static String typeName(DecodedMessage m) {
        return m.typeName() != null ? m.typeName() : "unknown(" + m.header().type() + ")";
    }

    /** REQUEST,ACK: the flag names without NLM_F_, or "-" when none. */
    static String shortFlags(List<String> flagNames) {
        if (flagNames.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        for (String n : flagNames) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(n.startsWith("NLM_F_") ? n.substring(6) : n);
        }
        return sb.toString();
    }

    /** route, generic, sock_diag: the family's name without NETLINK_, lower case. */
    public static String shortFamily(String familyName, int family) {
        if (familyName == null) {
            return family < 0 ? "?" : "family(" + family + ")";
        }
        String n = familyName.startsWith("NETLINK_") ? familyName.substring(8) : familyName;
        return n.toLowerCase(java.util.Locale.ROOT);
    }
}
