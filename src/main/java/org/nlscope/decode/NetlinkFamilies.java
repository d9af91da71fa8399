package org.nlscope.decode;

import java.util.Locale;
import org.nlscope.uapi.Netlink;

/** Reads a netlink protocol as users write it; the names and numbers are linux/netlink.h's ({@link Netlink}). */
public final class NetlinkFamilies {

    private NetlinkFamilies() {
    }

    /** NETLINK_ROUTE for 0 ..., or null for a number linux/netlink.h does not name. */
    public static String name(int family) {
        return Netlink.protocolName(family);
    }

    /**
     * The protocol number of a family written as "route", "NETLINK_ROUTE", "sock_diag", "inet_diag"
     * or "4" (case-insensitive), or -1 when it names none.
     */
    public static int number(String name) {
        if (name == null || name.isBlank()) {
            return -1;
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(n);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return Netlink.protocolNumber(n.startsWith("NETLINK_") ? n : "NETLINK_" + n);
    }
}
