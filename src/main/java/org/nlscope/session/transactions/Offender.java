package org.nlscope.session.transactions;

/**
 * The attribute an error's extended ACK points at (NLMSGERR_ATTR_OFFS), found in the original request.
 *
 * @param errorRow      the NLMSG_ERROR's row
 * @param requestRow    the request's row, or -1 when the request is not in the capture
 * @param offset        the kernel's offset, from the request's nlmsghdr
 * @param frameOffset   that byte in the request's frame (for the hex view), or -1 without the request
 * @param path          the attribute's path ("IFLA_LINKINFO/IFLA_INFO_KIND"), or null when nothing is there
 * @param kernelMessage NLMSGERR_ATTR_MSG, or null
 */
public record Offender(int errorRow, int requestRow, int offset, int frameOffset, String path, String kernelMessage) {
}
