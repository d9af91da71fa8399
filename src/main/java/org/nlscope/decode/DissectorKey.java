package org.nlscope.decode;

import static org.nlscope.uapi.Netlink.NETLINK_GENERIC;

import java.util.Objects;

/**
 * What a dissector claims: a netlink family (NETLINK_ROUTE = 0 ...), or, inside
 * NETLINK_GENERIC, a generic netlink family by name (never by its dynamic id).
 *
 * @param netlinkFamily the netlink protocol number
 * @param genlFamily    the generic netlink family name, or null for a whole netlink family
 */
public record DissectorKey(int netlinkFamily, String genlFamily) {

    public static DissectorKey netlink(int family) {
        return new DissectorKey(family, null);
    }

    public static DissectorKey genl(String familyName) {
        return new DissectorKey(NETLINK_GENERIC, Objects.requireNonNull(familyName));
    }

    public boolean isGenl() {
        return genlFamily != null;
    }

    @Override
    public String toString() {
        return genlFamily != null ? "genl:" + genlFamily : "netlink:" + netlinkFamily;
    }
}
