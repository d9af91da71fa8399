package org.nlscope.model;

import java.util.List;

/**
 * One netlink message of a frame, decoded.
 *
 * @param offset      where its nlmsghdr starts, from the frame's start
 * @param header      the nlmsghdr
 * @param typeName    the kernel's name of nlmsg_type (RTM_NEWLINK, NLMSG_ERROR, or the genl family id's
 *                    family name for generic netlink), or null when unknown
 * @param flagNames   names of nlmsg_flags as they apply to this kind of message
 * @param genl        the generic netlink header, or null when not generic netlink
 * @param fixedHeader members of the family's fixed header (ifinfomsg, rtmsg...), empty when none
 * @param attributes  the top-level attributes
 * @param error       the error or ACK of an NLMSG_ERROR, else null
 * @param summary     a one-line summary such as "RTM_NEWLINK dum0 mtu 1400 UP"
 * @param problems    what was malformed; the rest still decoded
 */
public record DecodedMessage(int offset, NlMsgHeader header, String typeName, List<String> flagNames,
                             GenlInfo genl, List<Field> fixedHeader, List<Field> attributes,
                             ErrorInfo error, String summary, List<String> problems) {

    public DecodedMessage {
        flagNames = flagNames == null ? List.of() : List.copyOf(flagNames);
        fixedHeader = FieldList.immutable(fixedHeader);
        attributes = FieldList.immutable(attributes);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The first top-level attribute with this name, or null. */
    public Field attribute(String name) {
        for (Field f : attributes) {
            if (name.equals(f.name())) {
                return f;
            }
        }
        return null;
    }
}
