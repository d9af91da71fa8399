package org.nlscope.decode;

import java.util.HexFormat;
import java.util.List;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.Frame;
import org.nlscope.model.LinkType;
import org.nlscope.uapi.Netlink;
import org.nlscope.uapi.Rtnetlink;

/** Builds LINKTYPE_NETLINK frames for the engine's tests and decodes them. */
final class TestFrames {
    static final DissectorRegistry REGISTRY = DissectorRegistry.of(List.of(new TestLinkDissector(), new TestNlctrlDissector()));
    static final FrameDecoder DECODER = new FrameDecoder(REGISTRY);

    private TestFrames() {
    }

    /** A frame as tcpdump on nlmon0 records it: 16-byte cooked header (packet type 4), then the messages. */
    static Frame frame(int family, byte[]... messages) {
        return frame(CookedHeader.PACKET_OUTGOING, family, messages);
    }

    static Frame frame(int packetType, int family, byte[]... messages) {
        byte[] body = NetlinkMessageBuilder.concat(messages);
        byte[] data = new byte[16 + body.length];
        System.arraycopy(CookedHeader.netlinkHeader(packetType, family), 0, data, 0, 16);
        System.arraycopy(body, 0, data, 16, body.length);
        return Frame.of(1_000_000_000L, LinkType.NETLINK, data);
    }

    /** Bytes from hex, whitespace and line breaks ignored. */
    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
    }

    static DecodedFrame decode(Frame f) {
        return DECODER.decode(f, 1, DecodeContext.empty());
    }

    static DecodedFrame decode(int family, byte[]... messages) {
        return decode(frame(family, messages));
    }

    /** An RTM_NEWLINK request: ifinfomsg (index 0), IFLA_IFNAME, IFLA_MTU and IFLA_LINKINFO {IFLA_INFO_KIND}. */
    static byte[] newLink(String name, int mtu, String kind, long seq) {
        return new NetlinkMessageBuilder(Rtnetlink.RTM_NEWLINK,
                0x01 | 0x04 | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, seq, 0)
                .fixed(new byte[16])
                .attrString(Rtnetlink.IFLA_IFNAME, name)
                .attrU32(Rtnetlink.IFLA_MTU, mtu)
                .beginNest(Rtnetlink.IFLA_LINKINFO)
                .attrString(Rtnetlink.IFLA_INFO_KIND, kind)
                .endNest()
                .build();
    }
}
