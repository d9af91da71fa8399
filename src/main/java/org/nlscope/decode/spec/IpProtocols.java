package org.nlscope.decode.spec;

import java.util.Map;

/** IP protocol numbers (netinet/in.h IPPROTO_*) for the {@code proto} display. */
public final class IpProtocols {
    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0L, "IP"), Map.entry(1L, "ICMP"), Map.entry(2L, "IGMP"), Map.entry(4L, "IPIP"),
            Map.entry(6L, "TCP"), Map.entry(8L, "EGP"), Map.entry(12L, "PUP"), Map.entry(17L, "UDP"),
            Map.entry(22L, "IDP"), Map.entry(29L, "TP"), Map.entry(33L, "DCCP"), Map.entry(41L, "IPV6"),
            Map.entry(46L, "RSVP"), Map.entry(47L, "GRE"), Map.entry(50L, "ESP"), Map.entry(51L, "AH"),
            Map.entry(58L, "ICMPV6"), Map.entry(92L, "MTP"), Map.entry(94L, "BEETPH"), Map.entry(98L, "ENCAP"),
            Map.entry(103L, "PIM"), Map.entry(108L, "COMP"), Map.entry(115L, "L2TP"), Map.entry(132L, "SCTP"),
            Map.entry(136L, "UDPLITE"), Map.entry(137L, "MPLS"), Map.entry(143L, "ETHERNET"),
            Map.entry(255L, "RAW"), Map.entry(262L, "MPTCP"));

    private IpProtocols() {
    }

    /** The protocol's name without its IPPROTO_ prefix (TCP), or the number when it has none. */
    public static String display(long n) {
        String name = NAMES.get(n);
        return name == null ? Long.toString(n) : name;
    }
}
