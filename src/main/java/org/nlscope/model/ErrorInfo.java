package org.nlscope.model;

import java.util.List;

/**
 * The body of an NLMSG_ERROR: an errno (0 for an ACK), the echoed request and the
 * extended ACK.
 *
 * @param code          the error as the kernel sent it: 0 or a negative errno
 * @param name          errno's name (ENODEV), or null for an ACK
 * @param text          strerror's text ("No such device"), or null for an ACK
 * @param message       NLMSGERR_ATTR_MSG, or null
 * @param badAttrOffset NLMSGERR_ATTR_OFFS: offset into the request from its nlmsghdr, or null
 * @param badAttr       the path of the attribute at that offset ("IFLA_LINKINFO/IFLA_INFO_KIND"), or null
 * @param request       the echoed request (header only when NLM_F_CAPPED), or null when missing
 * @param extAck        every extended-ACK attribute as decoded (MSG, OFFS, COOKIE, POLICY, MISS_TYPE, MISS_NEST)
 */
public record ErrorInfo(int code, String name, String text, String message, Integer badAttrOffset,
                        String badAttr, DecodedMessage request, List<Field> extAck) {

    public ErrorInfo {
        extAck = extAck == null ? List.of() : List.copyOf(extAck);
    }

    public boolean isAck() {
        return code == 0;
    }
}
