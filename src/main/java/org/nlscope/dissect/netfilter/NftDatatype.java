package org.nlscope.dissect.netfilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.spec.IpProtocols;
import org.nlscope.decode.spec.SpecDecoding;

/**
 * nft's datatypes, in the order of its enum datatypes: the numbers it stores in the kernel as a
 * set's NFTA_SET_KEY_TYPE and NFTA_SET_DATA_TYPE (a concatenation packs several, six bits each,
 * the first one highest), and the types of what its expressions load into registers. Each knows
 * its size (0: any), its byte order, and how a value of it reads. The constants are named after
 * nft's TYPE_* (TYPE_IPADDR: ipv4_addr to nft describe).
 */
enum NftDatatype {
    INVALID(0, false, Shape.NONE),
    VERDICT(0, false, Shape.NONE),
    NFPROTO(1, false, Shape.NFPROTO),
    BITMASK(0, false, Shape.HEX),
    INTEGER(0, false, Shape.DEC),
    STRING(0, false, Shape.STRING),
    LLADDR(0, true, Shape.MAC),
    IPADDR(4, true, Shape.IP),
    IP6ADDR(16, true, Shape.IP),
    ETHERADDR(6, true, Shape.MAC),
    ETHERTYPE(2, true, Shape.ETHERTYPE),
    ARPOP(2, true, Shape.DEC),
    INET_PROTOCOL(1, false, Shape.PROTO),
    INET_SERVICE(2, true, Shape.DEC),
    ICMP_TYPE(1, false, Shape.DEC),
    TCP_FLAG(1, false, Shape.TCP_FLAGS),
    DCCP_PKTTYPE(1, false, Shape.DEC),
    MH_TYPE(1, false, Shape.DEC),
    TIME(8, false, Shape.DEC),
    MARK(4, false, Shape.HEX),
    IFINDEX(4, false, Shape.IFINDEX),
    ARPHRD(2, false, Shape.DEC),
    REALM(4, false, Shape.DEC),
    CLASSID(4, false, Shape.HEX),
    UID(4, false, Shape.DEC),
    GID(4, false, Shape.DEC),
    CT_STATE(4, false, Shape.CT_STATE),
    CT_DIR(1, false, Shape.CT_DIR),
    CT_STATUS(4, false, Shape.CT_STATUS),
    ICMP6_TYPE(1, false, Shape.DEC),
    CT_LABEL(16, false, Shape.NONE),
    PKTTYPE(1, false, Shape.PKTTYPE),
    ICMP_CODE(1, false, Shape.DEC),
    ICMPV6_CODE(1, false, Shape.DEC),
    ICMPX_CODE(1, false, Shape.DEC),
    DEVGROUP(4, false, Shape.DEC),
    DSCP(1, false, Shape.DEC),
    ECN(1, false, Shape.DEC),
    FIB_ADDR(4, false, Shape.DEC),
    BOOLEAN(1, false, Shape.BOOLEAN),
    CT_EVENTBIT(4, false, Shape.HEX),
    IFNAME(16, false, Shape.STRING),
    IGMP_TYPE(1, false, Shape.DEC),
    TIME_DATE(8, false, Shape.DEC),
    TIME_HOUR(4, false, Shape.DEC),
    TIME_DAY(1, false, Shape.DEC),
    CGROUPV2(8, false, Shape.DEC);

    /** How a concatenation packs its types (nft's TYPE_BITS). */
    static final int TYPE_BITS = 6;
    private static final NftDatatype[] BY_NUMBER = values();

    /** How values read; NONE: as bytes (the type says nothing more). */
    enum Shape { NONE, DEC, HEX, STRING, MAC, IP, NFPROTO, PROTO, ETHERTYPE, IFINDEX, TCP_FLAGS, CT_STATE, CT_DIR,
        CT_STATUS, PKTTYPE, BOOLEAN }

    private static final Map<Long, String> NFPROTOS = Map.of(0L, "NFPROTO_UNSPEC", 1L, "NFPROTO_INET",
            2L, "NFPROTO_IPV4", 3L, "NFPROTO_ARP", 5L, "NFPROTO_NETDEV", 7L, "NFPROTO_BRIDGE", 10L, "NFPROTO_IPV6");
    private static final Map<Long, String> ETHERTYPES = Map.of(0x0800L, "ETH_P_IP", 0x86ddL, "ETH_P_IPV6",
            0x0806L, "ETH_P_ARP", 0x8100L, "ETH_P_8021Q", 0x88a8L, "ETH_P_8021AD", 0x8847L, "ETH_P_MPLS_UC");
    private static final String[] TCP_FLAG_NAMES = {"fin", "syn", "rst", "psh", "ack", "urg", "ecn", "cwr"};
    /** nft's words for the bits of ct state: NF_CT_STATE_INVALID_BIT, NF_CT_STATE_BIT(IP_CT_*), NF_CT_STATE_UNTRACKED_BIT. */
    private static final String[] CT_STATE_NAMES = {"invalid", "established", "related", "new", null, null, "untracked"};
    /** enum ip_conntrack_status's IPS_*_BIT, by bit. */
    private static final String[] CT_STATUS_NAMES = {"IPS_EXPECTED", "IPS_SEEN_REPLY", "IPS_ASSURED", "IPS_CONFIRMED",
        "IPS_SRC_NAT", "IPS_DST_NAT", "IPS_SEQ_ADJUST", "IPS_SRC_NAT_DONE", "IPS_DST_NAT_DONE", "IPS_DYING",
        "IPS_FIXED_TIMEOUT", "IPS_TEMPLATE", "IPS_UNTRACKED", "IPS_HELPER", "IPS_OFFLOAD", "IPS_HW_OFFLOAD"};
    private static final String[] CT_DIRS = {"IP_CT_DIR_ORIGINAL", "IP_CT_DIR_REPLY"};
    private static final String[] PKTTYPES = {"PACKET_HOST", "PACKET_BROADCAST", "PACKET_MULTICAST", "PACKET_OTHERHOST"};

    private final int size;
    private final boolean bigEndian;
    private final Shape shape;

    NftDatatype(int size, boolean bigEndian, Shape shape) {
        this.size = size;
        this.bigEndian = bigEndian;
        this.shape = shape;
    }

    /** Bytes of a value, 0 when a value may have any length. */
    int size() {
        return size;
    }

    /** Whether values are in network byte order when nothing else says (integers of a payload are). */
    boolean bigEndian() {
        return bigEndian;
    }

    /** The type of a number, or null when nft has none of it. */
    static NftDatatype of(long number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[(int) number] : null;
    }

    /** The types a key type number packs, first first; empty when one of them is unknown. */
    static List<NftDatatype> unpack(long number) {
        List<NftDatatype> out = new ArrayList<>();
        for (long n = number; n != 0 && out.size() < 11; n >>>= TYPE_BITS) {
            NftDatatype t = of(n & ((1 << TYPE_BITS) - 1));
            if (t == null || t == INVALID) {
                return List.of();
            }
            out.add(0, t);
        }
        return out;
    }

    /**
     * A value of this type as it reads, or null when its bytes do not fit the type or the type
     * reads only as bytes.
     *
     * @param bigEndian the byte order of numbers: the type's own, or what loaded the value says
     */
    String render(ByteView v, int offset, int length, boolean bigEndian, SpecDecoding d) {
        if (length <= 0 || size != 0 && length != size && shape != Shape.IP && shape != Shape.STRING) {
            return null;
        }
        return switch (shape) {
            case NONE -> null;
            case STRING -> string(v, offset, length);
            case MAC -> d.shaped("mac", v, offset, length);
            case IP -> d.shaped("ip", v, offset, length);
            default -> number(v, offset, length, bigEndian, d);
        };
    }

    private String number(ByteView v, int offset, int length, boolean bigEndian, SpecDecoding d) {
        if (length != 1 && length != 2 && length != 4 && length != 8) {
            return null;
        }
        long n = switch (length) {
            case 1 -> v.u8(offset);
            case 2 -> bigEndian ? v.u16be(offset) : v.u16(offset);
            case 4 -> bigEndian ? v.u32be(offset) : v.u32(offset);
            default -> bigEndian ? v.u64be(offset) : v.u64(offset);
        };
        return switch (shape) {
            case DEC -> Long.toUnsignedString(n);
            case HEX -> "0x" + String.format("%0" + 2 * length + "x", n);
            case NFPROTO -> named(n, NFPROTOS.get(n));
            case PROTO -> named(n, protocolName(n));
            case ETHERTYPE -> String.format("0x%04x", n) + suffix(ETHERTYPES.get(n));
            case IFINDEX -> ifindex(n, d);
            case TCP_FLAGS -> bits(n, length, TCP_FLAG_NAMES);
            case CT_STATE -> bits(n, length, CT_STATE_NAMES);
            case CT_STATUS -> bits(n, length, CT_STATUS_NAMES);
            case CT_DIR -> named(n, n < CT_DIRS.length ? CT_DIRS[(int) n] : null);
            case PKTTYPE -> named(n, n < PKTTYPES.length ? PKTTYPES[(int) n] : null);
            case BOOLEAN -> n == 0 ? "false" : n == 1 ? "true" : Long.toString(n);
            default -> null;
        };
    }

    private static String protocolName(long n) {
        String name = IpProtocols.display(n);
        return name.equals(Long.toString(n)) ? null : "IPPROTO_" + name;
    }

    private static String ifindex(long n, SpecDecoding d) {
        String name = d.context().interfaceName(n);
        return name == null ? Long.toString(n) : name + "(" + n + ")";
    }

    private static String named(long n, String name) {
        return n + suffix(name);
    }

    private static String suffix(String name) {
        return name == null ? "" : " (" + name + ")";
    }

    /** "0x0000000a (established|new)", bits without a name as 0x.. of their own. */
    private static String bits(long n, int length, String[] names) {
        StringBuilder b = new StringBuilder();
        for (int bit = 0; bit < 64; bit++) {
            if ((n & 1L << bit) == 0) {
                continue;
            }
            String name = bit < names.length ? names[bit] : null;
            b.append(b.length() == 0 ? "" : "|").append(name != null ? name : "0x" + Long.toHexString(1L << bit));
        }
        return "0x" + String.format("%0" + 2 * length + "x", n) + (b.length() == 0 ? "" : " (" + b + ")");
    }

    /** Printable text up to its first NUL; null when there is none or a byte is not printable. */
    private static String string(ByteView v, int offset, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = v.u8(offset + i);
            if (c == 0) {
                break;
            }
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }
}
