package org.nlscope.model;

import static org.nlscope.uapi.Netlink.NLMSG_HDRLEN;
import static org.nlscope.uapi.Netlink.NLM_F_REQUEST;

/**
 * struct nlmsghdr, as read from host byte order.
 *
 * @param length nlmsg_len, including the 16-byte header
 * @param type   nlmsg_type
 * @param flags  nlmsg_flags
 * @param seq    nlmsg_seq (unsigned 32-bit)
 * @param pid    nlmsg_pid, the sender's port id (unsigned 32-bit)
 */
public record NlMsgHeader(int length, int type, int flags, long seq, long pid) {
    public static final int SIZE = NLMSG_HDRLEN;

    public boolean isRequest() {
        return (flags & NLM_F_REQUEST) != 0;
    }
}
