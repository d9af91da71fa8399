package org.nlscope.session.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;

/** Text shared by the text and tree forms: values, times, flags and type names. */
public final class DisplayText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private DisplayText() {
    }

    /**
     * Appends ": value (readable)" for a field, or nothing when it has no value: the kernel
     * name of an enum value, the names of a flag set, or the display form when it says more
     * than the raw value. Strings with a display form (a MAC, an address) show only that.
     * A number is written digit by digit and compared with its display in place: the tree
     * of a big capture makes no string per value.
     */
    static void describe(Field f, StringBuilder sb) {
        Object value = f.value();
        if (value == null) {
            String d = f.display();
            if (d != null && !d.isEmpty()) {
                sb.append(": ").append(d);
            }
            return;
        }
        String readable = null;
        boolean flagNames = false; // readable is the flag names joined
        if (f.valueName() != null) {
            readable = f.valueName();
        } else if (!f.valueNames().isEmpty()) {
            flagNames = true;
        } else {
            readable = f.display();
        }
        int start = sb.length();
        sb.append(": ");
        int rawStart = sb.length();
        if (value instanceof String s) {
            if (f.display() != null) {
                sb.append(f.display());
                readable = f.valueName();
                flagNames = false;
            } else {
                sb.append(s);
            }
        } else if (value instanceof Number n && !f.valueNames().isEmpty()) {
            sb.append("0x").append(Long.toHexString(n.longValue()));
        } else if (value instanceof Long l) {
            sb.append(l.longValue());
        } else {
            sb.append(value);
        }
        if (flagNames) {
            appendReadable(sb, rawStart, f.valueNames());
        } else if (readable != null && !readable.isEmpty() && !sameAs(sb, rawStart, readable)) {
            sb.append(" (").append(readable).append(')');
        }
        if (sb.length() == rawStart) {
            sb.setLength(start); // an empty raw value and nothing readable: no ": "
        }
    }

    /** " (A|B)" after a flag set's raw value, unless the names read the same as it. */
    private static void appendReadable(StringBuilder sb, int rawStart, List<String> names) {
        int mark = sb.length();
        sb.append(" (");
        int namesStart = sb.length();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(names.get(i));
        }
        int namesEnd = sb.length();
        if (namesEnd == namesStart || sameRegion(sb, rawStart, mark, namesStart, namesEnd)) {
            sb.setLength(mark);
        } else {
            sb.append(')');
        }
    }

    private static boolean sameAs(StringBuilder sb, int from, String s) {
        if (sb.length() - from != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (sb.charAt(from + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRegion(StringBuilder sb, int aFrom, int aTo, int bFrom, int bTo) {
        if (aTo - aFrom != bTo - bFrom) {
            return false;
        }
        for (int i = 0; i < aTo - aFrom; i++) {
            if (sb.charAt(aFrom + i) != sb.charAt(bFrom + i)) {
                return false;
            }
        }
        return true;
    }

    /** Appends 01:13:25.968653, UTC, to the microsecond (like tcpdump). */
    static StringBuilder timeOfDay(long nanos, StringBuilder sb) {
        long second = Math.floorMod(Math.floorDiv(nanos, 1_000_000_000L), 86_400L);
        digits(sb, second / 3600, 2).append(':');
        digits(sb, second / 60 % 60, 2).append(':');
        digits(sb, second % 60, 2).append('.');
        return digits(sb, Math.floorMod(nanos, 1_000_000_000L) / 1000, 6);
    }

    /** 2026-11-23 01:13:25.968653000 UTC, to the nanosecond. */
    static String dateTime(long nanos) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        StringBuilder sb = new StringBuilder(33).append(DATE_TIME.format(t)).append('.');
        return digits(sb, t.getNano(), 9).append(" UTC").toString();
    }

    /** A number of 0 or more, zero-padded to this many digits (String.format's %0Nd, without its cost). */
    private static StringBuilder digits(StringBuilder sb, long n, int width) {
        for (long p = 10, d = 1; d < width; p *= 10, d++) {
            if (n < p) {
                sb.append('0');
            }
        }
        return sb.append(n);
    }

    /** The message type as the kernel names it, or unknown(N). */
    static String typeName(DecodedMessage m) {
        return m.typeName() != null ? m.typeName() : "unknown(" + m.header().type() + ")";
    }

    /** Appends REQUEST,ACK: the flag names without NLM_F_, or "-" when none. */
    static StringBuilder shortFlags(List<String> flagNames, StringBuilder sb) {
        if (flagNames.isEmpty()) {
            return sb.append('-');
        }
        for (int i = 0; i < flagNames.size(); i++) {
            String n = flagNames.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(n, n.startsWith("NLM_F_") ? 6 : 0, n.length());
        }
        return sb;
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
