package org.nlscope.decode.spec;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.nlscope.decode.DissectorLoadException;

/** The one-line errors of the checks, and the checks shared by struct members and attributes. */
final class SpecChecks {
    private SpecChecks() {
    }

    static void checkByteOrder(SpecFile f, String at, String order, boolean allowed) {
        if (order == null) {
            return;
        }
        if (!allowed) {
            throw fail(f, at + ".byte-order", "only integers have a byte order");
        }
        if (!Types.BYTE_ORDERS.contains(order)) {
            throw fail(f, at + ".byte-order", "unknown byte order '" + order + "' (" + sorted(Types.BYTE_ORDERS) + ")");
        }
    }

    static void checkDisplay(SpecFile f, String at, String display, String type) {
        if (display == null) {
            return;
        }
        boolean ok;
        if (Types.isInteger(type)) {
            ok = Types.INTEGER_DISPLAYS.contains(display) && (!"ipv4".equals(display) || "u32".equals(type));
        } else if ("binary".equals(type)) {
            ok = Types.BYTE_DISPLAYS.contains(display);
        } else {
            ok = false;
        }
        if (!ok) {
            Set<String> all = new HashSet<>(Types.BYTE_DISPLAYS);
            all.addAll(Types.INTEGER_DISPLAYS);
            throw fail(f, at + ".display", all.contains(display)
                    ? "display '" + display + "' does not fit type " + type
                    : "unknown display '" + display + "' (" + sorted(all) + ")");
        }
    }

    static <T> T required(SpecFile f, String path, T item) {
        if (item == null) {
            throw fail(f, path, "empty item");
        }
        return item;
    }

    static String requireText(SpecFile f, String path, String text) {
        if (text == null || text.isBlank()) {
            throw fail(f, path, "missing");
        }
        return text;
    }

    static String sorted(Set<String> words) {
        return String.join(", ", new TreeSet<>(words));
    }

    static DissectorLoadException fail(SpecFile f, String path, String message) {
        return new DissectorLoadException(f.source() + ": " + path + ": " + message);
    }
}
