package org.nlscope.dissect.sockdiag;

/**
 * One member of a fixed sock_diag struct.
 *
 * @param name the kernel's member name (ndiag_portid)
 * @param kind how to read and show it
 */
record Member(String name, Kind kind) {

    enum Kind {
        U8(1), U16(2), U32(4), BE16(2), BE32(4), PAD8(1), PAD16(2),
        /** 4 x be32: an IPv4 address in the first word, or an IPv6 address. */
        ADDR(16),
        /** u32[2] cookie, shown as hex. */
        COOKIE(8);

        final int size;

        Kind(int size) {
            this.size = size;
        }
    }

    static Member of(String name, Kind kind) {
        return new Member(name, kind);
    }
}
