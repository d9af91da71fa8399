package org.nlscope.session.filter;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.nlscope.decode.Dissector;

/**
 * The message type names the loaded dissectors know (RTM_NEWLINK, CTRL_CMD_GETFAMILY, the
 * NLMSG_ control types), so a filter can call {@code type == RTM_NEWLNK} a typo instead of
 * quietly matching nothing. Immutable.
 */
public final class FilterNames {

    /** Message types above this are not looked at: every family's types are below it. */
    static final int MAX_TYPE = 1024;
    private static final Set<String> CONTROL = Set.of("NLMSG_NOOP", "NLMSG_ERROR", "NLMSG_DONE", "NLMSG_OVERRUN");

    private final Set<String> types;

    private FilterNames(Set<String> types) {
        this.types = types;
    }

    /** The names of every message type of these dissectors. */
    public static FilterNames of(Collection<Dissector> dissectors) {
        Set<String> names = new HashSet<>();
        CONTROL.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
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
        return new FilterNames(Set.copyOf(names));
    }

    boolean knowsType(String name) {
        return types.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The known type closest to a misspelt one (one or two letters off), or null. */
    String closestType(String name) {
        return Spelling.closest(name, types, 2);
    }
}
