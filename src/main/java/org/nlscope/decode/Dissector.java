package org.nlscope.decode;

import java.util.Set;

/**
 * Decodes the messages of one netlink family, or of one generic netlink family.
 * Implementations are immutable and thread-safe; they come from data files
 * (dissectors/*.yaml) or from Java code registered through {@link DissectorProvider}.
 */
public interface Dissector {

    /** What this dissector claims. */
    DissectorKey key();

    /** The kernel's name of a message type (nlmsg_type, or genl cmd for genl families), or null. */
    String messageName(int type);

    /** The request kind of a message type, which names the high nlmsg_flags bits. */
    MessageKind kind(int type);

    /**
     * The name of a message type in one direction: families whose requests and replies count
     * their ids separately (ethtool's ETHTOOL_MSG_STRSET_GET and ETHTOOL_MSG_STRSET_GET_REPLY
     * are both 1) override this; the default is {@link #messageName(int)}.
     *
     * @param request true when NLM_F_REQUEST is set
     */
    default String messageName(int type, boolean request) {
        return messageName(type);
    }

    /** The kind of a message type in one direction; the default is {@link #kind(int)}. */
    default MessageKind kind(int type, boolean request) {
        return kind(type);
    }

    /**
     * Decodes a message body. Must not throw: malformed input becomes problems.
     *
     * @param type    nlmsg_type, or the genl cmd for genl families
     * @param request true when NLM_F_REQUEST is set (some families lay out requests and replies differently)
     * @param body    the bytes after the nlmsghdr (after genlmsghdr for genl), offsets absolute in the frame
     * @param context what the capture knows so far
     */
    MessageBody decode(int type, boolean request, ByteView body, DecodeContext context);

    /**
     * Decodes a message body for a caller that shows only its one-line summary and problems
     * ({@code read} without -V, --json or a filter): the summary, the problems and every field's
     * name, place and children are those {@link #decode} gives, but a field that no summary names
     * may come without its value and display. Must not throw. The default decodes it all.
     */
    default MessageBody decodeForSummary(int type, boolean request, ByteView body, DecodeContext context) {
        return decode(type, request, body, context);
    }

    /**
     * The name of an attribute the kernel refers to by number only (NLMSGERR_ATTR_MISS_TYPE:
     * a required attribute that was missing). Optional: the default knows none.
     *
     * @param type     nlmsg_type (genl cmd) of the message the attribute belongs in
     * @param request  true when NLM_F_REQUEST is set on that message
     * @param nestPath the path of the enclosing nest as the decode names it ("IFLA_LINKINFO",
     *                 "IFLA_LINKINFO/IFLA_INFO_DATA"), or null for the message's top level
     * @param attrType the attribute type
     * @return the attribute's name, or null when unknown
     */
    default String attributeName(int type, boolean request, String nestPath, int attrType) {
        return null;
    }

    /**
     * Names of the attributes whose payload is secret (private keys, preshared keys, passwords):
     * redaction replaces their payload with zeros. On a nest, every value inside it is secret.
     */
    default Set<String> secretAttributes() {
        return Set.of();
    }

    /** Names of the attributes and header members that hold a MAC or IP address, for anonymizing. */
    default Set<String> addressFields() {
        return Set.of();
    }

    /** Names of the attributes that hold a struct sockaddr_in or sockaddr_in6, for anonymizing. */
    default Set<String> sockaddrFields() {
        return Set.of();
    }
}
