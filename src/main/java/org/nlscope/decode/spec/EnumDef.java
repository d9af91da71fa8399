package org.nlscope.decode.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An enum or flags definition ready for lookups: values to the kernel's names, and
 * the short display (name-prefix stripped). Unknown values become labels, never errors.
 */
final class EnumDef {
    private final String name;
    private final boolean flags;
    private final String prefix;
    private final Map<Long, String> names;
    private final Map<String, Long> values = new HashMap<>();
    private final List<Long> multiBitMasks = new ArrayList<>();
    private final boolean open;
    /** Per bit (0-63) of a flag set: its full name, short name, and the bits its name clears; null/0 when unnamed. */
    private final String[] bitNames = new String[64];
    private final String[] bitShortNames = new String[64];
    private final long[] bitClears = new long[64];

    /** @param open values without a name are plain numbers, not unknown (route table ids 1-251) */
    EnumDef(String name, boolean flags, String prefix, Map<Long, String> names, boolean open) {
        this.name = name;
        this.flags = flags;
        this.open = open;
        this.prefix = prefix == null ? "" : prefix;
        this.names = Map.copyOf(new LinkedHashMap<>(names));
        names.forEach((v, n) -> values.put(n, v));
        names.keySet().stream().filter(m -> Long.bitCount(m) > 1).sorted().forEach(multiBitMasks::add);
        // flag naming runs for every flag-set value decoded: the per-bit answers are tabled once here
        for (int bit = 0; bit < 64; bit++) {
            String n = this.names.get(1L << bit);
            if (n != null) {
                bitNames[bit] = n;
                bitShortNames[bit] = shortName(n);
                bitClears[bit] = values.get(n);
            }
        }
    }

    String name() {
        return name;
    }

    boolean isFlags() {
        return flags;
    }

    /** The entry's full name, or null. */
    String nameOf(long value) {
        return names.get(value);
    }

    /** Every entry's short name, as values are shown (and matched by a display filter). */
    List<String> shortNames() {
        return names.values().stream().map(this::shortName).distinct().toList();
    }

    String shortName(String full) {
        return !prefix.isEmpty() && full.startsWith(prefix) && full.length() > prefix.length()
                ? full.substring(prefix.length()) : full;
    }

    /** The value of a full entry name, or null. */
    Long valueOf(String full) {
        return values.get(full);
    }

    /** Short display of an enum value: "INET6", or "unknown(42)" ("42" in an open enum). */
    String display(long value) {
        String n = names.get(value);
        return n != null ? shortName(n) : open ? Long.toString(value) : "unknown(" + value + ")";
    }

    /** The full names of the flags set in value, lowest bit first. */
    List<String> flagNames(long value) {
        List<String> out = new ArrayList<>(Long.bitCount(value));
        for (long rest = value; rest != 0; rest &= rest - 1) {
            String n = bitNames[Long.numberOfTrailingZeros(rest)];
            if (n != null) {
                out.add(n);
            }
        }
        // masks of several bits (rare) are named when all their bits are set
        for (long m : multiBitMasks) {
            if ((value & m) == m) {
                out.add(names.get(m));
            }
        }
        return out;
    }

    /** Short display of a flag set: "UP|BROADCAST|0x40000"; "0" when no bit is set. */
    String flagDisplay(long value) {
        if (value == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        long rest = value;
        for (long bits = value; bits != 0; bits &= bits - 1) {
            int bit = Long.numberOfTrailingZeros(bits);
            if (bitNames[bit] != null) {
                sb.append(sb.isEmpty() ? "" : "|").append(bitShortNames[bit]);
                rest &= ~bitClears[bit];
            }
        }
        for (long m : multiBitMasks) {
            if ((value & m) == m) {
                String n = names.get(m);
                sb.append(sb.isEmpty() ? "" : "|").append(shortName(n));
                rest &= ~valueOf(n);
            }
        }
        if (rest != 0) {
            sb.append(sb.isEmpty() ? "" : "|").append("0x").append(Long.toHexString(rest));
        }
        return sb.isEmpty() ? "0" : sb.toString();
    }
}
