package org.nlscope.session.filter;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nlscope.decode.Dissector;
import org.nlscope.uapi.Netlink;

/**
 * The names the loaded dissectors know: message types (RTM_NEWLINK, CTRL_CMD_GETFAMILY, the
 * NLMSG_ control types) and the values of every enum or flags attribute and header member
 * (IFLA_OPERSTATE's UP, DOWN...), so a filter can call {@code type == RTM_NEWLNK} or
 * {@code IFLA_OPERSTATE == UPP} a typo instead of quietly matching nothing. Thread-safe.
 */
public final class FilterNames {

    /** Message types above this are not looked at: every family's types are below it. */
    static final int MAX_TYPE = 1024;

    private final Set<String> types;
    private final List<Dissector> dissectors;
    /** Field name to its values' short names, upper case; gathered at the first comparison with a field. */
    private Map<String, Set<String>> values;

    private FilterNames(Set<String> types, List<Dissector> dissectors) {
        this.types = types;
        this.dissectors = dissectors;
    }

    /** The names of every message type and field value of these dissectors. */
    public static FilterNames of(Collection<Dissector> dissectors) {
        Set<String> names = new HashSet<>();
        Netlink.CONTROL_TYPE_NAMES.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        for (Dissector d : dissectors) {
            for (int type = 0; type < MAX_TYPE; type++) {
                for (boolean request : new boolean[] {true, false}) {
                    String n = d.messageName(type, request);
                    if (n != null) {
                        names.add(n.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return new FilterNames(Set.copyOf(names), List.copyOf(dissectors));
    }

    boolean knowsType(String name) {
        return types.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The known type closest to a misspelt one (one or two letters off), or null. */
    String closestType(String name) {
        return Spelling.closest(name, types, 2);
    }

    /**
     * Whether {@code value} can name a value of the attribute or member {@code field}: always
     * when no dissector gives it an enum (its values are numbers or text, or one family's field
     * of that name has none); else when it is one of the enum's names, short (UP) or with any
     * prefix (IF_OPER_UP), as the filter matches them.
     */
    boolean knowsValue(String field, String value) {
        Set<String> known = values().get(field);
        if (known == null) {
            return true;
        }
        String v = value.toUpperCase(Locale.ROOT);
        if (known.contains(v)) {
            return true;
        }
        for (String k : known) {
            if (v.endsWith("_" + k) || k.endsWith("_" + v)) {
                return true;
            }
        }
        return false;
    }

    /** The value of {@code field} closest to a misspelt one, or null. */
    String closestValue(String field, String value) {
        Set<String> known = values().get(field);
        return known == null ? null : Spelling.closest(value, known, 2);
    }

    private synchronized Map<String, Set<String>> values() {
        if (values == null) {
            Map<String, Set<String>> out = new HashMap<>();
            Set<String> open = new HashSet<>();
            for (Dissector d : dissectors) {
                d.filterFields().forEach((field, names) -> {
                    if (names.isEmpty()) {
                        open.add(field);
                    } else {
                        Set<String> set = out.computeIfAbsent(field, f -> new HashSet<>());
                        names.forEach(n -> set.add(n.toUpperCase(Locale.ROOT)));
                    }
                });
            }
            open.forEach(out::remove);
            out.replaceAll((f, s) -> Set.copyOf(s));
            values = Map.copyOf(out);
        }
        return values;
    }
}
