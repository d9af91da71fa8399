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

    /** @param open values without a name are plain numbers, not unknown (route table ids 1-251) */
    EnumDef(String name, boolean flags, String prefix, Map<Long, String> names, boolean open) {
        this.name = name;
        this.flags = flags;
        this.open = open;
        this.prefix = prefix == null ? "" : prefix;
        this.names = Map.copyOf(new LinkedHashMap<>(names));
        names.forEach((v, n) -> values.put(n, v));
        names.keySet().stream().filter(m -> Long.bitCount(m) > 1).sorted().forEach(multiBitMasks::add);
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
            String n = names.get(Long.lowestOneBit(rest));
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
        StringBuilder sb = new StringBuilder();
        long rest = value;
        for (String n : flagNames(value)) {
            sb.append(sb.isEmpty() ? "" : "|").append(shortName(n));
            rest &= ~valueOf(n);
        }
        if (rest != 0) {
            sb.append(sb.isEmpty() ? "" : "|").append("0x").append(Long.toHexString(rest));
        }
        return sb.isEmpty() ? "0" : sb.toString();
    }
}
