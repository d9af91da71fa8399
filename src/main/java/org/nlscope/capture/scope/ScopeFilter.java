package org.nlscope.capture.scope;

import static org.nlscope.uapi.Netlink.NETLINK_ROUTE;
import static org.nlscope.uapi.Netlink.NLMSG_DONE;
import static org.nlscope.uapi.Netlink.NLMSG_ERROR;
import static org.nlscope.uapi.Netlink.NLM_F_CAPPED;
import static org.nlscope.uapi.Netlink.NLM_F_DUMP;
import static org.nlscope.uapi.Rtnetlink.RTM_BASE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nlscope.decode.ByteView;
import org.nlscope.model.CookedHeader;
import org.nlscope.model.Frame;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Netlink;

/**
 * Keeps the netlink traffic of some processes and drops the rest, frame by frame in
 * capture order. nlmon's frames carry no sender, so ports are tied to messages by
 * these rules (a frame is kept when one of its messages is):
 * <ol>
 * <li>a message from the kernel whose nlmsg_pid is a port P belongs to P: a reply to P,
 *     or a notification of a change P made (the kernel stamps those with P's port and
 *     sequence number);</li>
 * <li>a request whose nlmsg_pid is P (some libraries fill it in) belongs to P;</li>
 * <li>a request with nlmsg_pid 0 belongs to the port of its answer: the first later
 *     message from the kernel in the same family with the same nlmsg_seq and a port,
 *     where an NLMSG_ERROR counts only when the header it echoes has this request's
 *     type, flags and sequence number (and, when the kernel echoes the whole request,
 *     its bytes), so another process's request with the same sequence number is never
 *     taken for it; an answer, and for a dump or get every part up to its NLMSG_DONE,
 *     answers one request only, so two identical requests in flight at once get their
 *     answers in order;</li>
 * <li>a message from the kernel with nlmsg_pid 0 (link events carry no port) is a
 *     notification caused by the scope when it comes after a kept request that changes
 *     state (not a get or dump) of the same family and no later than that request's
 *     successful answer: the kernel sends such notifications while it handles the
 *     request, before it answers.</li>
 * </ol>
 * A message waits (and every later frame with it, to keep the order) until its port's
 * owner is known and a request's answer has arrived, at most {@link #WAIT_NANOS} of
 * capture time; then what is still unknown is dropped. Not thread-safe: one thread adds
 * and releases.
 */
public final class ScopeFilter {
    /** How long a frame may wait for its answer or its port's owner: the kernel answers in the requester's own system call, but slowly under load. */
    public static final long WAIT_NANOS = 3_000_000_000L;
    /** The summary's last line, after the count. */
    public static final String LEFT_OUT = " frames of other processes left out";
    /** Frames held at most; beyond, the oldest is decided with what is known. */
    static final int MAX_PENDING = 1 << 15;

    record Message(int family, NlMsgHeader header, int offset) {
        boolean fromKernel() {
            return !header.isRequest();
        }
    }

    /** A frame waiting for its verdict; claimed marks the messages already taken as some request's answer. */
    private record Pending(long serial, Frame frame, List<Message> messages, boolean[] claimed) {
        Pending(long serial, Frame frame, List<Message> messages) {
            this(serial, frame, messages, new boolean[messages.size()]);
        }
    }

    /** A kept change request's answer, until which port-less notifications of its family are its. */
    private record OpenChange(int family, long answerSerial) {
    }

    private enum Verdict { KEEP, DROP, WAIT }

    private final PortLookup owners;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final List<OpenChange> openChanges = new ArrayList<>();
    private final Map<Long, PortOwner> keptPorts = new LinkedHashMap<>();
    private long nextSerial;
    private long kept;
    private long dropped;

    public ScopeFilter(PortLookup owners) {
        this.owners = owners;
    }

    /** A frame, in capture order. */
    public void add(Frame frame) {
        pending.addLast(new Pending(nextSerial++, frame, messages(frame)));
    }

    /**
     * The frames decided by now and kept, in capture order.
     *
     * @param nowNanos the capture clock now (frame timestamps' clock): frames older than
     *                 {@link #WAIT_NANOS} are decided with what is known
     * @param all      decide everything (the capture ended)
     */
    public List<Frame> release(long nowNanos, boolean all) {
        List<Frame> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            Pending head = pending.peekFirst();
            boolean expired = all || pending.size() > MAX_PENDING || nowNanos - head.frame().timestampNanos() > WAIT_NANOS;
            Verdict v = decide(head, expired);
            if (v == Verdict.WAIT) {
                break;
            }
            pending.removeFirst();
            openChanges.removeIf(c -> c.answerSerial() < head.serial());
            if (v == Verdict.KEEP) {
                kept++;
                out.add(head.frame());
            } else {
                dropped++;
            }
        }
        return out;
    }

    private Verdict decide(Pending p, boolean expired) {
        boolean waiting = false;
        for (Message m : p.messages()) {
            long port = m.header().pid();
            Answer answer = null;
            if (port == 0 && m.fromKernel()) {
                if (causedByOpenChange(m.family(), p.serial())) {
                    return Verdict.KEEP;
                }
                continue;
            }
            if (port == 0) {
                answer = answerTo(p, m);
                if (answer == null) {
                    waiting = true;
                    continue;
                }
                port = answer.port();
            }
            PortOwner owner = owners.lookup(port);
            if (owner == null) {
                waiting = true;
            } else if (owner.inScope()) {
                keptPorts.putIfAbsent(port, owner);
                if (answer != null && answer.success() && changesState(m)) {
                    openChanges.add(new OpenChange(m.family(), answer.serial()));
                }
                return Verdict.KEEP;
            }
        }
        return waiting && !expired ? Verdict.WAIT : Verdict.DROP;
    }

    private boolean causedByOpenChange(int family, long serial) {
        for (OpenChange c : openChanges) {
            if (c.family() == family && serial <= c.answerSerial()) {
                return true;
            }
        }
        return false;
    }

    private record Answer(long port, long serial, boolean success) {
    }

    /** Rule 3: the first later unclaimed kernel message of the family with the request's seq and a port. */
    private Answer answerTo(Pending request, Message m) {
        ByteView requestData = ByteView.of(request.frame().data());
        for (Pending later : pending) {
            if (later.serial() <= request.serial()) {
                continue;
            }
            ByteView data = ByteView.of(later.frame().data());
            for (int i = 0; i < later.messages().size(); i++) {
                Message a = later.messages().get(i);
                NlMsgHeader h = a.header();
                if (later.claimed()[i] || !a.fromKernel() || a.family() != m.family() || h.seq() != m.header().seq()
                        || h.pid() == 0) {
                    continue;
                }
                if (h.type() != NLMSG_ERROR) {
                    claimParts(later, a);
                    return new Answer(h.pid(), later.serial(), true);
                }
                if (echoes(data, a, requestData, m)) {
                    later.claimed()[i] = true;
                    return new Answer(h.pid(), later.serial(), data.s32(a.offset() + NlMsgHeader.SIZE) == 0);
                }
            }
        }
        return null;
    }

    /** struct nlmsgerr: int error, then the request's header (and its payload unless capped). */
    private static boolean echoes(ByteView error, Message a, ByteView requestData, Message m) {
        int echo = a.offset() + NlMsgHeader.SIZE + 4;
        if (!error.has(echo, NlMsgHeader.SIZE) || error.u16(echo + 4) != m.header().type()
                || error.u16(echo + 6) != m.header().flags() || error.u32(echo + 8) != m.header().seq()) {
            return false;
        }
        int echoed = Math.min(a.header().length() - NlMsgHeader.SIZE - 4, m.header().length());
        if (echoed <= NlMsgHeader.SIZE || (a.header().flags() & NLM_F_CAPPED) != 0 || !error.has(echo, echoed)
                || !requestData.has(m.offset(), echoed)) {
            return true;   // only the header came back: it matched
        }
        for (int k = NlMsgHeader.SIZE; k < echoed; k++) {
            if (error.u8(echo + k) != requestData.u8(m.offset() + k)) {
                return false;
            }
        }
        return true;
    }

    /** A reply or dump part was taken: so are the rest of its parts (same family, port, seq) up to NLMSG_DONE. */
    private void claimParts(Pending from, Message first) {
        NlMsgHeader key = first.header();
        for (Pending p : pending) {
            if (p.serial() < from.serial()) {
                continue;
            }
            for (int i = 0; i < p.messages().size(); i++) {
                Message a = p.messages().get(i);
                NlMsgHeader h = a.header();
                if (a.fromKernel() && a.family() == first.family() && h.pid() == key.pid() && h.seq() == key.seq()) {
                    p.claimed()[i] = true;
                    if (h.type() == NLMSG_DONE || h.type() == NLMSG_ERROR || (h.flags() & Netlink.NLM_F_MULTI) == 0) {
                        return;
                    }
                }
            }
        }
    }

    /** Not a get or a dump: rtnetlink's message types come in NEW, DEL, GET, SET fours. */
    private static boolean changesState(Message m) {
        int type = m.header().type();
        if ((m.header().flags() & NLM_F_DUMP) == NLM_F_DUMP) {
            return false;
        }
        return m.family() != NETLINK_ROUTE || type < RTM_BASE || (type - RTM_BASE) % 4 != 2;
    }

    /** The nlmsghdrs of a frame, walked by nlmsg_len; nothing for a frame that is not netlink. */
    static List<Message> messages(Frame frame) {
        CookedHeader cooked = CookedHeader.parse(frame.linkType(), frame.data());
        List<Message> out = new ArrayList<>(1);
        if (cooked == null || !cooked.complete()) {
            return out;
        }
        ByteView d = ByteView.of(frame.data());
        int pos = cooked.length();
        while (d.has(pos, NlMsgHeader.SIZE)) {
            int len = (int) d.u32(pos);
            out.add(new Message(cooked.netlinkFamily(),
                    new NlMsgHeader(len, d.u16(pos + 4), d.u16(pos + 6), d.u32(pos + 8), d.u32(pos + 12)), pos));
            if (len < NlMsgHeader.SIZE) {
                break;
            }
            pos += (len + 3) & ~3;
        }
        return out;
    }

    /** The ports whose traffic was kept, each with how it was tied to its process, in the order first kept. */
    public List<PortOwner> keptPorts() {
        return List.copyOf(keptPorts.values());
    }

    /**
     * How the capture attributed what it kept: "port 1234: pid 1234 (ip), by port id = pid" per
     * port, in the order first kept, then "N frames of other processes left out" (the lines
     * {@code capture --pid/--process/-- CMD} ends with, which the capture helper's parent reads).
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (PortOwner o : keptPorts.values()) {
            lines.add(o.summary());
        }
        lines.add(dropped + LEFT_OUT);
        return lines;
    }

    public long keptFrames() {
        return kept;
    }

    public long droppedFrames() {
        return dropped;
    }
}
