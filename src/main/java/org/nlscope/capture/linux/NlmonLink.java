package org.nlscope.capture.linux;

import static org.nlscope.uapi.Netlink.NETLINK_ROUTE;
import static org.nlscope.uapi.Rtnetlink.IFLA_IFNAME;
import static org.nlscope.uapi.Rtnetlink.IFLA_INFO_KIND;
import static org.nlscope.uapi.Rtnetlink.IFLA_LINKINFO;
import static org.nlscope.uapi.Rtnetlink.RTM_DELLINK;
import static org.nlscope.uapi.Rtnetlink.RTM_GETLINK;
import static org.nlscope.uapi.Rtnetlink.RTM_NEWLINK;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nlscope.capture.CaptureException;
import org.nlscope.capture.CaptureException.Reason;
import org.nlscope.decode.NetlinkMessageBuilder;
import org.nlscope.model.LinkType;
import org.nlscope.nativeio.ErrnoException;
import org.nlscope.uapi.Errno;
import org.nlscope.uapi.Netlink;
import org.nlscope.uapi.Rtnetlink;

/**
 * The netlink monitor device a capture reads: one named by the user (it must be
 * ARPHRD_NETLINK), an nlmon device that already exists (used and left alone), or
 * nlmon0 made over rtnetlink, marked with a {@link DeviceMark} alias, and removed
 * again on close. Before looking, it removes the marked devices whose process is gone.
 */
final class NlmonLink implements AutoCloseable {
    static final String DEFAULT_NAME = "nlmon0";

    private final LinkInfo link;
    private final boolean created;
    private final NetNamespace netns;
    private final List<String> removedStale;
    private final AtomicBoolean removed = new AtomicBoolean();

    private NlmonLink(LinkInfo link, boolean created, NetNamespace netns, List<String> removedStale) {
        this.link = link;
        this.created = created;
        this.netns = netns;
        this.removedStale = List.copyOf(removedStale);
    }

    /**
     * Called on a thread inside netns.
     *
     * @param requested the -i device, or null for an existing nlmon device or a new nlmon0
     * @param netns     the namespace the device lives in, which {@link #close} enters to remove it
     * @throws CaptureException with a one-line reason
     */
    static NlmonLink acquire(String requested, NetNamespace netns) {
        try (NetlinkClient rtnl = NetlinkClient.open(NETLINK_ROUTE, "NETLINK_ROUTE")) {
            if (requested != null) {
                LinkInfo l = byName(rtnl, requested);
                if (l == null) {
                    throw new CaptureException(Reason.INTERFACE, "no such interface: " + requested);
                }
                if (l.arphrd() != LinkType.ARPHRD_NETLINK) {
                    throw new CaptureException(Reason.INTERFACE, requested + " is not a netlink monitor device (it is "
                            + LinkInfo.arphrdName(l.arphrd()) + "); give an nlmon device, or leave out -i to let nlscope make one");
                }
                return new NlmonLink(ensureUp(rtnl, l, null), false, netns, List.of());
            }
            List<String> stale = removeStale(rtnl);
            for (LinkInfo l : allLinks(rtnl)) {
                if (l.arphrd() == LinkType.ARPHRD_NETLINK) {
                    return new NlmonLink(ensureUp(rtnl, l, null), false, netns, stale);
                }
            }
            return create(rtnl, netns, stale);
        } catch (ErrnoException e) {
            throw CaptureErrors.of(e);
        }
    }

    /**
     * Removes the nlmon devices an nlscope process made and left behind when it died.
     *
     * @return what was removed, one line each ("nlmon0, left by nlscope pid 1234")
     */
    private static List<String> removeStale(NetlinkClient rtnl) {
        List<String> removedNow = new ArrayList<>();
        for (LinkInfo l : allLinks(rtnl)) {
            DeviceMark mark = l.arphrd() == LinkType.ARPHRD_NETLINK ? DeviceMark.parse(l.alias()) : null;
            if (mark != null && mark.ownerGone() && delete(rtnl, l)) {
                removedNow.add(l.name() + ", left by nlscope pid " + mark.pid());
            }
        }
        return removedNow;
    }

    private static NlmonLink create(NetlinkClient rtnl, NetNamespace netns, List<String> stale) {
        byte[] add = newLinkRequest(rtnl.nextSeq());
        try {
            rtnl.call(add, "RTM_NEWLINK " + DEFAULT_NAME + " kind nlmon");
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                // rtnl_newlink's answer when no link ops are registered for the kind
                throw new CaptureException(Reason.NO_NLMON, CaptureErrors.NO_NLMON, e);
            }
            if (e.errno() == Errno.EEXIST) {
                throw new CaptureException(Reason.INTERFACE, DEFAULT_NAME
                        + " exists and is not a netlink monitor; remove it or name an nlmon device with -i", e);
            }
            throw e;
        }
        LinkInfo made = byName(rtnl, DEFAULT_NAME);
        if (made == null) {
            throw new CaptureException(Reason.SYSTEM, DEFAULT_NAME + " vanished right after it was created");
        }
        try {
            return new NlmonLink(ensureUp(rtnl, made, DeviceMark.ofThisProcess().alias()), true, netns, stale);
        } catch (RuntimeException e) {
            new NlmonLink(made, true, netns, stale).close();
            throw e;
        }
    }

    /** RTM_NEWLINK nlmon0 with IFLA_LINKINFO { IFLA_INFO_KIND "nlmon" }, created only if new, ACKed. */
    static byte[] newLinkRequest(int seq) {
        return new NetlinkMessageBuilder(RTM_NEWLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK
                | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, seq, 0)
                .fixed(new byte[16])                                   // struct ifinfomsg, all zero
                .attrString(IFLA_IFNAME, DEFAULT_NAME)
                .beginNest(IFLA_LINKINFO | Netlink.NLA_F_NESTED).attrString(IFLA_INFO_KIND, "nlmon").endNest()
                .build();
    }

    /** struct ifinfomsg for one link: index, and flags/change for IFF_UP when up is set. */
    private static byte[] ifinfomsg(int index, boolean up) {
        byte[] b = new byte[16];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        bb.putInt(4, index);
        if (up) {
            bb.putInt(8, LinkInfo.IFF_UP);    // ifi_flags
            bb.putInt(12, LinkInfo.IFF_UP);   // ifi_change
        }
        return b;
    }

    /** Sets the link up, and gives it the alias when one is given (the new device's mark), in one request. */
    private static LinkInfo ensureUp(NetlinkClient rtnl, LinkInfo l, String alias) {
        if (l.up() && alias == null) {
            return l;
        }
        rtnl.call(upRequest(rtnl.nextSeq(), l.index(), alias), "RTM_NEWLINK " + l.name() + " up");
        return l.withUp();
    }

    /** RTM_NEWLINK for one index: IFF_UP, and IFLA_IFALIAS when alias is not null; ACKed. */
    static byte[] upRequest(int seq, int index, String alias) {
        NetlinkMessageBuilder b = new NetlinkMessageBuilder(RTM_NEWLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK,
                seq, 0).fixed(ifinfomsg(index, true));
        if (alias != null) {
            b.attrString(Rtnetlink.IFLA_IFALIAS, alias);
        }
        return b.build();
    }

    /** The link of that name, or null when there is none. */
    static LinkInfo byName(NetlinkClient rtnl, String name) {
        List<LinkInfo> found = new ArrayList<>();
        try {
            rtnl.call(rtnl.request(RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK)
                    .fixed(new byte[16]).attrString(IFLA_IFNAME, name).build(), "RTM_GETLINK " + name, m -> {
                        LinkInfo l = LinkInfo.parse(m);
                        if (l != null) {
                            found.add(l);
                        }
                    });
        } catch (ErrnoException e) {
            if (e.errno() == Errno.ENODEV) {
                return null;
            }
            throw e;
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every link's index and name now: the snapshot a capture saves, so indexes in it read as names later. */
    static Map<Integer, String> linkNames() {
        Map<Integer, String> names = new TreeMap<>();
        try (NetlinkClient rtnl = NetlinkClient.open(NETLINK_ROUTE, "NETLINK_ROUTE")) {
            for (LinkInfo l : allLinks(rtnl)) {
                if (l.index() > 0 && l.name() != null) {
                    names.put(l.index(), l.name());
                }
            }
        }
        return names;
    }

    static List<LinkInfo> allLinks(NetlinkClient rtnl) {
        List<LinkInfo> links = new ArrayList<>();
        rtnl.dump(rtnl.request(RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP)
                .fixed(new byte[16]).build(), "RTM_GETLINK dump", m -> {
                    LinkInfo l = LinkInfo.parse(m);
                    if (l != null) {
                        links.add(l);
                    }
                });
        return links;
    }

    String name() {
        return link.name();
    }

    int index() {
        return link.index();
    }

    /** True when this capture made the device (and so removes it). */
    boolean created() {
        return created;
    }

    /** The devices left behind by dead nlscope processes that were removed before this one was chosen. */
    List<String> removedStale() {
        return removedStale;
    }

    /**
     * Removes the device when this capture made it; once, from whichever thread comes
     * first, over a socket made inside the device's namespace.
     */
    @Override
    public void close() {
        if (!created || !removed.compareAndSet(false, true)) {
            return;
        }
        netns.call(() -> {
            remove();
            return null;
        });
    }

    private void remove() {
        try (NetlinkClient rtnl = NetlinkClient.open(NETLINK_ROUTE, "NETLINK_ROUTE")) {
            delete(rtnl, link);
        } catch (ErrnoException e) {
            throw CaptureErrors.of(e);
        }
    }

    /** RTM_DELLINK; false when the link was already gone (what we wanted anyway). */
    private static boolean delete(NetlinkClient rtnl, LinkInfo l) {
        try {
            rtnl.call(rtnl.request(RTM_DELLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK)
                    .fixed(ifinfomsg(l.index(), false)).build(), "RTM_DELLINK " + l.name());
            return true;
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ENODEV) {
                throw e;
            }
            return false;
        }
    }
}
