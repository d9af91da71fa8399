package org.nlscope.capture.linux;

import static org.nlscope.uapi.Rtnetlink.IFLA_IFALIAS;
import static org.nlscope.uapi.Rtnetlink.IFLA_IFNAME;
import static org.nlscope.uapi.Rtnetlink.RTM_NEWLINK;

import java.nio.charset.StandardCharsets;
import org.nlscope.decode.AttrReader;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.NlAttr;

/**
 * What an RTM_NEWLINK answer says about a link: the struct ifinfomsg members,
 * IFLA_IFNAME and IFLA_IFALIAS.
 *
 * @param index    ifi_index
 * @param name     IFLA_IFNAME
 * @param arphrd   ifi_type, an ARPHRD_* value
 * @param up       IFF_UP is set in ifi_flags
 * @param alias    IFLA_IFALIAS, or null when the link has none
 */
record LinkInfo(int index, String name, int arphrd, boolean up, String alias) {
    static final int IFF_UP = 0x1;

    /** Parses one RTM_NEWLINK message (nlmsghdr included), or returns null for anything else. */
    static LinkInfo parse(ByteView message) {
        int s = message.start();
        if (message.u16(s + 4) != RTM_NEWLINK || !message.has(s + 16, 16)) {
            return null;
        }
        int arphrd = message.u16(s + 18);
        int index = message.s32(s + 20);
        boolean up = (message.u32(s + 24) & IFF_UP) != 0;
        String name = null;
        String alias = null;
        for (NlAttr a : AttrReader.read(new ByteView(message.data(), s + 32, message.end())).attributes()) {
            if (a.type() == IFLA_IFNAME) {
                name = string(message, a);
            } else if (a.type() == IFLA_IFALIAS) {
                alias = string(message, a);
            }
        }
        return new LinkInfo(index, name, arphrd, up, alias);
    }

    /** A NUL-terminated string attribute. */
    private static String string(ByteView message, NlAttr a) {
        String v = new String(message.data(), a.payloadOffset(), a.payloadLength(), StandardCharsets.UTF_8);
        int nul = v.indexOf('\0');
        return nul >= 0 ? v.substring(0, nul) : v;
    }

    LinkInfo withUp() {
        return new LinkInfo(index, name, arphrd, true, alias);
    }

    /** The kernel's name of an ARPHRD_* value, for error messages. */
    static String arphrdName(int type) {
        return switch (type) {
            case 1 -> "ARPHRD_ETHER";
            case 32 -> "ARPHRD_INFINIBAND";
            case 512 -> "ARPHRD_PPP";
            case 768 -> "ARPHRD_TUNNEL";
            case 769 -> "ARPHRD_TUNNEL6";
            case 772 -> "ARPHRD_LOOPBACK";
            case 776 -> "ARPHRD_SIT";
            case 778 -> "ARPHRD_IPGRE";
            case 801 -> "ARPHRD_IEEE80211";
            case 803 -> "ARPHRD_IEEE80211_RADIOTAP";
            case 824 -> "ARPHRD_NETLINK";
            case 65534 -> "ARPHRD_NONE";
            default -> "ARPHRD type " + type;
        };
    }
}
