package org.nlscope.model;

/** The pcap LINKTYPE_* values nlscope reads and writes. */
public final class LinkType {
    /** 16-byte cooked header then netlink messages; what tcpdump writes for nlmon. */
    public static final int NETLINK = 253;
    /** Linux cooked capture v1 (16 bytes); netlink when its ARPHRD type is 824. */
    public static final int LINUX_SLL = 113;
    /** Linux cooked capture v2 (20 bytes); netlink when its ARPHRD type is 824. */
    public static final int LINUX_SLL2 = 276;

    /** ARPHRD_NETLINK from linux/if_arp.h. */
    public static final int ARPHRD_NETLINK = 824;

    private LinkType() {
    }

    public static boolean isSupported(int linkType) {
        return linkType == NETLINK || linkType == LINUX_SLL || linkType == LINUX_SLL2;
    }

    public static String name(int linkType) {
        return switch (linkType) {
            case NETLINK -> "NETLINK";
            case LINUX_SLL -> "LINUX_SLL";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "linktype " + linkType;
        };
    }
}
