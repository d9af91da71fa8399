package org.nlscope.session;

import org.nlscope.model.NlMsgHeader;
import org.nlscope.uapi.Netlink;

/**
 * What a store's index knows of a row without decoding it: the nlmsghdr, an NLMSG_ERROR's code,
 * a genl message's command, the frame's family and time, and the role these give the message.
 *
 * @param length    nlmsg_len
 * @param type      nlmsg_type
 * @param flags     nlmsg_flags
 * @param seq       nlmsg_seq
 * @param port      nlmsg_pid
 * @param errorCode an NLMSG_ERROR's error field (negative errno, 0 for an ACK), else 0
 * @param command   a generic netlink message's genl command, else 0
 * @param family    the netlink family of the frame
 * @param timeNanos the frame's capture time
 * @param kind      the message's role
 */
public record RowHeader(int length, int type, int flags, long seq, long port, int errorCode, int command,
                        int family, long timeNanos, MessageRow.Kind kind) {

    /** The columns the index can sort by without a decode. */
    public enum Field { TIME, DIRECTION, FAMILY, TYPE, FLAGS, SEQ, PORT, LENGTH }

    public boolean isRequest() {
        return (flags & Netlink.NLM_F_REQUEST) != 0;
    }

    /** The header as the decode's model has it. */
    public NlMsgHeader nlmsghdr() {
        return new NlMsgHeader(length, type, flags, seq, port);
    }
}
