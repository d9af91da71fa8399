package org.nlscope.decode;

/**
 * The layout of struct sockaddr_in and sockaddr_in6 (linux/in.h, linux/in6.h): the family
 * in host order, the port in network order, then the address at its own offset.
 */
public final class SockAddr {
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    /** sin_addr follows sin_family and sin_port. */
    public static final int IN_ADDR_OFFSET = 4;
    /** sin6_addr follows sin6_family, sin6_port and sin6_flowinfo. */
    public static final int IN6_ADDR_OFFSET = 8;
    private static final int IN_MIN = IN_ADDR_OFFSET + 4;
    private static final int IN6_MIN = IN6_ADDR_OFFSET + 16;

    private SockAddr() {
    }

    /** The family of the sockaddr at offset when its length holds that family's address, else -1. */
    public static int family(ByteView v, int offset, int length) {
        if (length < 2) {
            return -1;
        }
        int family = v.u16(offset);
        return family == AF_INET && length >= IN_MIN || family == AF_INET6 && length >= IN6_MIN ? family : -1;
    }

    /** Where the address bytes start, for a family {@link #family} returned. */
    public static int addressOffset(int family) {
        return family == AF_INET ? IN_ADDR_OFFSET : IN6_ADDR_OFFSET;
    }

    /** How many address bytes, for a family {@link #family} returned. */
    public static int addressLength(int family) {
        return family == AF_INET ? 4 : 16;
    }
}
