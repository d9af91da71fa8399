package org.nlscope.dissect.sockdiag;

import java.util.Map;

/** Kernel names of the small enums sock_diag messages carry. */
final class Names {
    static final Map<Integer, String> ADDRESS_FAMILY = Map.of(
            1, "AF_UNIX", 2, "AF_INET", 10, "AF_INET6", 16, "AF_NETLINK", 17, "AF_PACKET");

    static final Map<Integer, String> NETLINK_PROTOCOL = Map.ofEntries(
            Map.entry(0, "NETLINK_ROUTE"), Map.entry(2, "NETLINK_USERSOCK"), Map.entry(3, "NETLINK_FIREWALL"),
            Map.entry(4, "NETLINK_SOCK_DIAG"), Map.entry(5, "NETLINK_NFLOG"), Map.entry(6, "NETLINK_XFRM"),
            Map.entry(7, "NETLINK_SELINUX"), Map.entry(8, "NETLINK_ISCSI"), Map.entry(9, "NETLINK_AUDIT"),
            Map.entry(10, "NETLINK_FIB_LOOKUP"), Map.entry(11, "NETLINK_CONNECTOR"), Map.entry(12, "NETLINK_NETFILTER"),
            Map.entry(13, "NETLINK_IP6_FW"), Map.entry(14, "NETLINK_DNRTMSG"), Map.entry(15, "NETLINK_KOBJECT_UEVENT"),
            Map.entry(16, "NETLINK_GENERIC"), Map.entry(18, "NETLINK_SCSITRANSPORT"), Map.entry(19, "NETLINK_ECRYPTFS"),
            Map.entry(20, "NETLINK_RDMA"), Map.entry(21, "NETLINK_CRYPTO"), Map.entry(22, "NETLINK_SMC"),
            Map.entry(255, "NDIAG_PROTO_ALL"));

    static final Map<Integer, String> IP_PROTOCOL = Map.of(
            1, "IPPROTO_ICMP", 6, "IPPROTO_TCP", 17, "IPPROTO_UDP", 58, "IPPROTO_ICMPV6",
            132, "IPPROTO_SCTP", 136, "IPPROTO_UDPLITE", 255, "IPPROTO_RAW", 262, "IPPROTO_MPTCP");

    static final Map<Integer, String> SOCKET_TYPE = Map.of(
            1, "SOCK_STREAM", 2, "SOCK_DGRAM", 3, "SOCK_RAW", 4, "SOCK_RDM", 5, "SOCK_SEQPACKET");

    static final Map<Integer, String> TCP_STATE = Map.ofEntries(
            Map.entry(1, "TCP_ESTABLISHED"), Map.entry(2, "TCP_SYN_SENT"), Map.entry(3, "TCP_SYN_RECV"),
            Map.entry(4, "TCP_FIN_WAIT1"), Map.entry(5, "TCP_FIN_WAIT2"), Map.entry(6, "TCP_TIME_WAIT"),
            Map.entry(7, "TCP_CLOSE"), Map.entry(8, "TCP_CLOSE_WAIT"), Map.entry(9, "TCP_LAST_ACK"),
            Map.entry(10, "TCP_LISTEN"), Map.entry(11, "TCP_CLOSING"), Map.entry(12, "TCP_NEW_SYN_RECV"));

    // netlink sockets start in sock_init_data's TCP_CLOSE and only ever become NETLINK_CONNECTED
    static final Map<Integer, String> NETLINK_STATE = Map.of(0, "NETLINK_UNCONNECTED", 1, "NETLINK_CONNECTED", 7, "TCP_CLOSE");

    private Names() {
    }

    /** The name, or unknown(N) so a new kernel's value still shows. */
    static String of(Map<Integer, String> names, long value) {
        String n = names.get((int) value);
        return n != null ? n : "unknown(" + value + ")";
    }
}
