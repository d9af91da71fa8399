package org.nlscope.dissect.sockdiag;

import static org.nlscope.dissect.sockdiag.Member.Kind.ADDR;
import static org.nlscope.dissect.sockdiag.Member.Kind.BE16;
import static org.nlscope.dissect.sockdiag.Member.Kind.COOKIE;
import static org.nlscope.dissect.sockdiag.Member.Kind.PAD16;
import static org.nlscope.dissect.sockdiag.Member.Kind.PAD8;
import static org.nlscope.dissect.sockdiag.Member.Kind.U16;
import static org.nlscope.dissect.sockdiag.Member.Kind.U32;
import static org.nlscope.dissect.sockdiag.Member.Kind.U8;
import static org.nlscope.dissect.sockdiag.Member.of;

import java.util.List;
import java.util.Map;

/**
 * The fixed header and attribute names of one (address family, direction) of
 * sock_diag, from linux/inet_diag.h, unix_diag.h, netlink_diag.h and packet_diag.h.
 */
record Layout(StructLayout header, Map<Integer, AttrSpec> attributes) {

    record AttrSpec(String name, AttrKind kind) {
    }

    private static final List<Member> SOCKID = List.of(
            of("idiag_sport", BE16), of("idiag_dport", BE16), of("idiag_src", ADDR), of("idiag_dst", ADDR),
            of("idiag_if", U32), of("idiag_cookie", COOKIE));

    static final Layout INET_REQUEST = new Layout(struct("inet_diag_req_v2",
            List.of(of("sdiag_family", U8), of("sdiag_protocol", U8), of("idiag_ext", U8), of("pad", PAD8),
                    of("idiag_states", U32)), SOCKID, List.of()),
            Map.of(1, spec("INET_DIAG_REQ_BYTECODE", AttrKind.HEX), 2, spec("INET_DIAG_REQ_SK_BPF_STORAGES", AttrKind.HEX),
                    3, spec("INET_DIAG_REQ_PROTOCOL", AttrKind.U32)));

    static final Layout INET_REPLY = new Layout(struct("inet_diag_msg",
            List.of(of("idiag_family", U8), of("idiag_state", U8), of("idiag_timer", U8), of("idiag_retrans", U8)),
            SOCKID, List.of(of("idiag_expires", U32), of("idiag_rqueue", U32), of("idiag_wqueue", U32),
                    of("idiag_uid", U32), of("idiag_inode", U32))),
            Map.ofEntries(Map.entry(1, spec("INET_DIAG_MEMINFO", AttrKind.U32_ARRAY)),
                    Map.entry(2, spec("INET_DIAG_INFO", AttrKind.HEX)), Map.entry(3, spec("INET_DIAG_VEGASINFO", AttrKind.HEX)),
                    Map.entry(4, spec("INET_DIAG_CONG", AttrKind.STRING)), Map.entry(5, spec("INET_DIAG_TOS", AttrKind.U8)),
                    Map.entry(6, spec("INET_DIAG_TCLASS", AttrKind.U8)), Map.entry(7, spec("INET_DIAG_SKMEMINFO", AttrKind.U32_ARRAY)),
                    Map.entry(8, spec("INET_DIAG_SHUTDOWN", AttrKind.U8)), Map.entry(9, spec("INET_DIAG_DCTCPINFO", AttrKind.HEX)),
                    Map.entry(10, spec("INET_DIAG_PROTOCOL", AttrKind.U8)), Map.entry(11, spec("INET_DIAG_SKV6ONLY", AttrKind.U8)),
                    Map.entry(12, spec("INET_DIAG_LOCALS", AttrKind.HEX)), Map.entry(13, spec("INET_DIAG_PEERS", AttrKind.HEX)),
                    Map.entry(14, spec("INET_DIAG_PAD", AttrKind.HEX)), Map.entry(15, spec("INET_DIAG_MARK", AttrKind.U32)),
                    Map.entry(16, spec("INET_DIAG_BBRINFO", AttrKind.HEX)), Map.entry(17, spec("INET_DIAG_CLASS_ID", AttrKind.U32)),
                    Map.entry(18, spec("INET_DIAG_MD5SIG", AttrKind.HEX)), Map.entry(19, spec("INET_DIAG_ULP_INFO", AttrKind.HEX)),
                    Map.entry(20, spec("INET_DIAG_SK_BPF_STORAGES", AttrKind.HEX)), Map.entry(21, spec("INET_DIAG_CGROUP_ID", AttrKind.U64)),
                    Map.entry(22, spec("INET_DIAG_SOCKOPT", AttrKind.HEX))));

    static final Layout UNIX_REQUEST = new Layout(StructLayout.of("unix_diag_req",
            of("sdiag_family", U8), of("sdiag_protocol", U8), of("pad", PAD16), of("udiag_states", U32),
            of("udiag_ino", U32), of("udiag_show", U32), of("udiag_cookie", COOKIE)), Map.of());

    static final Layout UNIX_REPLY = new Layout(StructLayout.of("unix_diag_msg",
            of("udiag_family", U8), of("udiag_type", U8), of("udiag_state", U8), of("pad", PAD8),
            of("udiag_ino", U32), of("udiag_cookie", COOKIE)),
            // unix_diag.h and netlink_diag.h have no *_NONE: their first attribute is type 0
            Map.of(0, spec("UNIX_DIAG_NAME", AttrKind.STRING), 1, spec("UNIX_DIAG_VFS", AttrKind.U32_ARRAY),
                    2, spec("UNIX_DIAG_PEER", AttrKind.U32), 3, spec("UNIX_DIAG_ICONS", AttrKind.U32_ARRAY),
                    4, spec("UNIX_DIAG_RQLEN", AttrKind.U32_ARRAY), 5, spec("UNIX_DIAG_MEMINFO", AttrKind.U32_ARRAY),
                    6, spec("UNIX_DIAG_SHUTDOWN", AttrKind.U8), 7, spec("UNIX_DIAG_UID", AttrKind.U32)));

    static final Layout NETLINK_REQUEST = new Layout(StructLayout.of("netlink_diag_req",
            of("sdiag_family", U8), of("sdiag_protocol", U8), of("pad", PAD16), of("ndiag_ino", U32),
            of("ndiag_show", U32), of("ndiag_cookie", COOKIE)), Map.of());

    static final Layout NETLINK_REPLY = new Layout(StructLayout.of("netlink_diag_msg",
            of("ndiag_family", U8), of("ndiag_type", U8), of("ndiag_protocol", U8), of("ndiag_state", U8),
            of("ndiag_portid", U32), of("ndiag_dst_portid", U32), of("ndiag_dst_group", U32),
            of("ndiag_ino", U32), of("ndiag_cookie", COOKIE)),
            Map.of(0, spec("NETLINK_DIAG_MEMINFO", AttrKind.U32_ARRAY), 1, spec("NETLINK_DIAG_GROUPS", AttrKind.HEX),
                    2, spec("NETLINK_DIAG_RX_RING", AttrKind.U32_ARRAY), 3, spec("NETLINK_DIAG_TX_RING", AttrKind.U32_ARRAY),
                    4, spec("NETLINK_DIAG_FLAGS", AttrKind.U32)));

    static final Layout PACKET_REQUEST = new Layout(StructLayout.of("packet_diag_req",
            of("sdiag_family", U8), of("sdiag_protocol", U8), of("pad", PAD16), of("pdiag_ino", U32),
            of("pdiag_show", U32), of("pdiag_cookie", COOKIE)), Map.of());

    static final Layout PACKET_REPLY = new Layout(StructLayout.of("packet_diag_msg",
            of("pdiag_family", U8), of("pdiag_type", U8), of("pdiag_num", U16), of("pdiag_ino", U32),
            of("pdiag_cookie", COOKIE)), Map.of());

    /** The layout for an address family and direction, or null when sock_diag has no such family. */
    static Layout forFamily(int family, boolean request) {
        return switch (family) {
            case Addresses.AF_INET, Addresses.AF_INET6 -> request ? INET_REQUEST : INET_REPLY;
            case 1 -> request ? UNIX_REQUEST : UNIX_REPLY;
            case 16 -> request ? NETLINK_REQUEST : NETLINK_REPLY;
            case 17 -> request ? PACKET_REQUEST : PACKET_REPLY;
            default -> null;
        };
    }

    private static AttrSpec spec(String name, AttrKind kind) {
        return new AttrSpec(name, kind);
    }

    @SafeVarargs
    private static StructLayout struct(String name, List<Member>... parts) {
        return new StructLayout(name, java.util.Arrays.stream(parts).flatMap(List::stream).toList());
    }
}
