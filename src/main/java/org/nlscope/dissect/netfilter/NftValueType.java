package org.nlscope.dissect.netfilter;

import static org.nlscope.uapi.NfTables.*;

/**
 * The type of a value an nftables expression loads, and its byte order: a meta or ct key's
 * value is the kernel's (host order, unless the type is an address or port), a payload's is the
 * packet's (network order). The tables here say which key or header field loads which type.
 */
record NftValueType(NftDatatype type, boolean bigEndian) {

    static NftValueType of(NftDatatype type) {
        return new NftValueType(type, type.bigEndian());
    }

    /** What NFTA_META_KEY loads (enum nft_meta_keys), or null for a key not named here. */
    static NftValueType meta(long key) {
        NftDatatype t = switch ((int) key) {
            case NFT_META_PROTOCOL, NFT_META_BRI_IIFVPROTO -> NftDatatype.ETHERTYPE;
            case NFT_META_PRIORITY -> NftDatatype.CLASSID;
            case NFT_META_MARK -> NftDatatype.MARK;
            case NFT_META_IIF, NFT_META_OIF, NFT_META_SDIF -> NftDatatype.IFINDEX;
            case NFT_META_IIFNAME, NFT_META_OIFNAME, NFT_META_BRI_IIFNAME, NFT_META_BRI_OIFNAME, NFT_META_IIFKIND,
                 NFT_META_OIFKIND, NFT_META_SDIFNAME -> NftDatatype.IFNAME;
            case NFT_META_IIFTYPE, NFT_META_OIFTYPE -> NftDatatype.ARPHRD;
            case NFT_META_SKUID -> NftDatatype.UID;
            case NFT_META_SKGID -> NftDatatype.GID;
            case NFT_META_RTCLASSID -> NftDatatype.REALM;
            case NFT_META_NFPROTO -> NftDatatype.NFPROTO;
            case NFT_META_L4PROTO -> NftDatatype.INET_PROTOCOL;
            case NFT_META_PKTTYPE -> NftDatatype.PKTTYPE;
            case NFT_META_IIFGROUP, NFT_META_OIFGROUP -> NftDatatype.DEVGROUP;
            case NFT_META_SECPATH -> NftDatatype.BOOLEAN;
            case NFT_META_TIME_NS -> NftDatatype.TIME;
            case NFT_META_LEN, NFT_META_NFTRACE, NFT_META_SECMARK, NFT_META_CPU, NFT_META_CGROUP,
                 NFT_META_BRI_IIFPVID, NFT_META_TIME_DAY, NFT_META_TIME_HOUR -> NftDatatype.INTEGER;
            default -> null;
        };
        return t == null ? null : of(t);
    }

    /** What NFTA_CT_KEY loads (enum nft_ct_keys), or null for a key not named here. */
    static NftValueType ct(long key) {
        NftDatatype t = switch ((int) key) {
            case NFT_CT_STATE -> NftDatatype.CT_STATE;
            case NFT_CT_DIRECTION -> NftDatatype.CT_DIR;
            case NFT_CT_STATUS -> NftDatatype.CT_STATUS;
            case NFT_CT_MARK -> NftDatatype.MARK;
            case NFT_CT_HELPER -> NftDatatype.STRING;
            case NFT_CT_L3PROTOCOL -> NftDatatype.NFPROTO;
            case NFT_CT_PROTOCOL -> NftDatatype.INET_PROTOCOL;
            case NFT_CT_PROTO_SRC, NFT_CT_PROTO_DST -> NftDatatype.INET_SERVICE;
            // an address of either family: IPADDR's shape reads 4 bytes as IPv4, 16 as IPv6
            case NFT_CT_SRC, NFT_CT_DST, NFT_CT_SRC_IP, NFT_CT_DST_IP -> NftDatatype.IPADDR;
            case NFT_CT_SRC_IP6, NFT_CT_DST_IP6 -> NftDatatype.IP6ADDR;
            case NFT_CT_SECMARK, NFT_CT_EXPIRATION, NFT_CT_PKTS, NFT_CT_BYTES, NFT_CT_AVGPKT, NFT_CT_ZONE ->
                    NftDatatype.INTEGER;
            case NFT_CT_EVENTMASK -> NftDatatype.CT_EVENTBIT;
            default -> null;
        };
        return t == null ? null : of(t);
    }

    /**
     * What a payload load of len bytes at offset from base reads, by the header fields nft
     * matches on: addresses, protocols and ports; any other field is a number in network order.
     */
    static NftValueType payload(long base, long offset, long len) {
        NftDatatype t = null;
        if (base == NFT_PAYLOAD_LL_HEADER) {
            t = len == 6 && (offset == 0 || offset == 6) ? NftDatatype.ETHERADDR
                    : len == 2 && offset == 12 ? NftDatatype.ETHERTYPE : null;
        } else if (base == NFT_PAYLOAD_NETWORK_HEADER) {
            // iphdr: protocol at 9, saddr at 12, daddr at 16; ipv6hdr: nexthdr at 6, saddr at 8, daddr at 24
            t = len == 4 && (offset == 12 || offset == 16) ? NftDatatype.IPADDR
                    : len == 16 && (offset == 8 || offset == 24) ? NftDatatype.IP6ADDR
                    : len == 1 && (offset == 9 || offset == 6) ? NftDatatype.INET_PROTOCOL : null;
        } else if (base == NFT_PAYLOAD_TRANSPORT_HEADER) {
            t = len == 2 && (offset == 0 || offset == 2) ? NftDatatype.INET_SERVICE : null;
        }
        return t != null ? of(t) : new NftValueType(NftDatatype.INTEGER, true);
    }
}
