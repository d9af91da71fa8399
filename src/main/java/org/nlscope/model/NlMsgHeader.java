package org.nlscope.model;

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
    public static final int SIZE = 16;

    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ECHO = 0x08;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP_FILTERED = 0x20;

    public boolean isRequest() {
        return (flags & NLM_F_REQUEST) != 0;
    }
}
