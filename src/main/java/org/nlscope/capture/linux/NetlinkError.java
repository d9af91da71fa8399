package org.nlscope.capture.linux;

import org.nlscope.nativeio.ErrnoException;

/**
 * The kernel answered a netlink request with an error: the request's name, errno and
 * the extended ACK's text when it sent one, e.g.
 * {@code RTM_NEWLINK nlmon0: EOPNOTSUPP (Operation not supported): Unknown device type}.
 */
final class NetlinkError extends ErrnoException {
    NetlinkError(String request, int errno, String extAckMessage) {
        super(request, errno, extAckMessage);
    }
}
