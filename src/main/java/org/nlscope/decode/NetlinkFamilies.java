package org.nlscope.decode;

import java.util.Locale;

/** The netlink protocol numbers of linux/netlink.h and their names. */
public final class NetlinkFamilies {
    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_USERSOCK = 2;
    public static final int NETLINK_SOCK_DIAG = 4;
    public static final int NETLINK_NFLOG = 5;
    public static final int NETLINK_XFRM = 6;
    public static final int NETLINK_FIB_LOOKUP = 10;
    public static final int NETLINK_NETFILTER = 12;
    public static final int NETLINK_GENERIC = 16;

    /** Indexed by protocol number; null where linux/netlink.h defines none (17: reserved for DM). */
    private static final String[] NAMES = {
            "NETLINK_ROUTE", "NETLINK_UNUSED", "NETLINK_USERSOCK", "NETLINK_FIREWALL",
            "NETLINK_SOCK_DIAG", "NETLINK_NFLOG", "NETLINK_XFRM", "NETLINK_SELINUX",
            "NETLINK_ISCSI", "NETLINK_AUDIT", "NETLINK_FIB_LOOKUP", "NETLINK_CONNECTOR",
            "NETLINK_NETFILTER", "NETLINK_IP6_FW", "NETLINK_DNRTMSG", "NETLINK_KOBJECT_UEVENT",
            "NETLINK_GENERIC", null, "NETLINK_SCSITRANSPORT", "NETLINK_ECRYPTFS",
            "NETLINK_RDMA", "NETLINK_CRYPTO", "NETLINK_SMC",
    };

    private NetlinkFamilies() {
    }

    /** NETLINK_ROUTE for 0 ..., or null for a number linux/netlink.h does not name. */
    public static String name(int family) {
        return family >= 0 && family < NAMES.length ? NAMES[family] : null;
    }

    /**
     * The protocol number of a family written as "route", "NETLINK_ROUTE", "sock_diag" or "4"
     * (case-insensitive), or -1 when it names none.
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
        if (n.equals("INET_DIAG") || n.equals("NETLINK_INET_DIAG")) {
            return NETLINK_SOCK_DIAG;
        }
        String full = n.startsWith("NETLINK_") ? n : "NETLINK_" + n;
        for (int i = 0; i < NAMES.length; i++) {
            if (full.equals(NAMES[i])) {
                return i;
            }
        }
        return -1;
    }
}
