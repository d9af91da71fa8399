package org.nlscope.session.transactions;

import java.util.HashMap;
import java.util.Map;
import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Netlink;

/**
 * Finds the request an answer belongs to, by netlink family, port id and sequence number.
 *
 * <p>Requests often leave nlmsg_pid 0 for the kernel to fill in; the kernel's answers carry the
 * socket's real port id. Such a request waits under (family, seq) until the first answer with
 * that seq names its port, and from then on is found under (family, port, seq). Not thread-safe.
 *
 * @param <T> what a request is remembered as
 */
public final class Pairing<T> {

    private record Key(int family, long port, long seq) {
    }

    private record SeqKey(int family, long seq) {
    }

    private final Map<Key, T> byKey = new HashMap<>();
    private final Map<SeqKey, T> waitingForPort = new HashMap<>();

    /** Remembers a request (a later request with the same family, port and seq replaces it). */
    public void request(int family, NlMsgHeader h, T request) {
        request(family, h.pid(), h.seq(), request);
    }

    /** As {@link #request(int, NlMsgHeader, Object)}, given the request's nlmsg_pid and nlmsg_seq. */
    public void request(int family, long port, long seq, T request) {
        if (port != 0) {
            byKey.put(new Key(family, port, seq), request);
        } else {
            waitingForPort.put(new SeqKey(family, seq), request);
        }
    }

    /**
     * The request a message from the kernel answers, or null (a notification, or an answer whose
     * request is not in the capture). The first answer to a request sent with port 0 gives it its port.
     */
    public T answered(int family, NlMsgHeader h) {
        return answered(family, h.pid(), h.seq(), h.type(), h.flags());
    }

    /** As {@link #answered(int, NlMsgHeader)}, given the answer's nlmsghdr fields. */
    public T answered(int family, long port, long seq, int type, int flags) {
        Key key = new Key(family, port, seq);
        T t = byKey.get(key);
        if (t != null) {
            return t;
        }
        if (seq == 0 && type != Netlink.NLMSG_ERROR && type != Netlink.NLMSG_DONE
                && (flags & Netlink.NLM_F_MULTI) == 0) {
            return null; // a notification, unless a request named this exact port and seq 0
        }
        t = waitingForPort.remove(new SeqKey(family, seq));
        if (t != null) {
            byKey.put(key, t);
        }
        return t;
    }

    /**
     * Forgets a request that is complete, so that a later request reusing its seq (iproute2 and wg
     * reuse them) gets the answers that follow; {@code port} is the port its answers carried, or
     * its own nlmsg_pid when none came.
     */
    public void forget(int family, long port, long seq, T request) {
        byKey.remove(new Key(family, port, seq), request);
        waitingForPort.remove(new SeqKey(family, seq), request);
    }

    /** How many requests are remembered. */
    public int size() {
        return byKey.size() + waitingForPort.size();
    }
}
