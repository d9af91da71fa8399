package org.nlscope.session;

import static org.nlscope.session.NetlinkTestFrames.*;
import static org.nlscope.uapi.Rtnetlink.IFLA_IFNAME;
import static org.nlscope.uapi.Rtnetlink.IFLA_INFO_KIND;
import static org.nlscope.uapi.Rtnetlink.IFLA_LINKINFO;
import static org.nlscope.uapi.Rtnetlink.IFLA_MTU;
import static org.nlscope.uapi.Rtnetlink.RTM_GETLINK;
import static org.nlscope.uapi.Rtnetlink.RTM_NEWLINK;

import java.util.List;
import org.nlscope.model.Frame;

/**
 * A small but complete netlink conversation, assembled byte by byte: an `ip link add`
 * with its ACK, a link dump across two frames with DONE, a failing add with an extended
 * ACK, a kernel notification, and an nlctrl reply that names a generic family used next.
 */
final class Conversation {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long PORT = 4242;
    static final byte[] ADD_DUM0 = msg(RTM_NEWLINK, F_REQUEST | F_ACK | F_CREATE | F_EXCL, 1, PORT,
            ifinfomsg(0, 0), attr(IFLA_IFNAME, str("dum0")), attr(IFLA_MTU, u32(1400)),
            nest(IFLA_LINKINFO, attr(IFLA_INFO_KIND, str("dummy"))));
    static final byte[] DUMP = msg(RTM_GETLINK, F_REQUEST | F_DUMP, 2, PORT, ifinfomsg(0, 0));
    static final byte[] ADD_AGAIN = msg(RTM_NEWLINK, F_REQUEST | F_ACK | F_CREATE | F_EXCL, 3, PORT,
            ifinfomsg(0, 0), attr(IFLA_IFNAME, str("dum0")), attr(IFLA_MTU, u32(1400)));

    private Conversation() {
    }

    /** The frames, 1 ms apart; the comments give each frame's number and messages. */
    static List<Frame> frames() {
        return List.of(
                frame(T0, 0, ADD_DUM0),                                                        // 1: request seq 1
                frame(T0 + 1_000_000, 0, error(0, ADD_DUM0, true, 1, PORT)),                    // 2: ACK
                frame(T0 + 2_000_000, 0, DUMP),                                                 // 3: dump request seq 2
                frame(T0 + 3_000_000, 0,                                                        // 4: two dump parts
                        msg(RTM_NEWLINK, F_MULTI, 2, PORT, ifinfomsg(1, 1), attr(IFLA_IFNAME, str("lo")), attr(IFLA_MTU, u32(65536))),
                        msg(RTM_NEWLINK, F_MULTI, 2, PORT, ifinfomsg(2, 1), attr(IFLA_IFNAME, str("dum0")), attr(IFLA_MTU, u32(1400)))),
                frame(T0 + 4_000_000, 0, done(2, PORT)),                                        // 5: DONE
                frame(T0 + 5_000_000, 0, ADD_AGAIN),                                            // 6: request seq 3
                frame(T0 + 6_000_000, 0, error(-17, ADD_AGAIN, true, 3, PORT,                   // 7: EEXIST + ext ack
                        attr(1, str("Link already exists")), attr(2, u32(32)))),
                frame(T0 + 7_000_000, 0, msg(RTM_NEWLINK, 0, 0, 0,                              // 8: notification
                        ifinfomsg(3, 0), attr(IFLA_IFNAME, str("dum1")), attr(IFLA_MTU, u32(1500)))),
                frame(T0 + 8_000_000, 16, msg(0x10, 0, 4, 777, new byte[] {1, 2, 0, 0},        // 9: nlctrl names 28
                        attr(2, str("nl80211")), attr(1, new byte[] {28, 0}))),
                frame(T0 + 9_000_000, 16, msg(28, F_REQUEST | F_ACK, 5, 777, new byte[] {5, 0, 0, 0})) // 10: nl80211 request
        );
    }

    static CaptureStore store() {
        CaptureStore s = new CaptureStore(TestStores.decoding());
        frames().forEach(s::append);
        return s;
    }
}
