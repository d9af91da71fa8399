package org.nlscope.model;

import java.util.Objects;

/**
 * One captured frame exactly as the link layer delivered it: the cooked header
 * (LINKTYPE_NETLINK, LINUX_SLL or LINUX_SLL2) followed by nlmsghdr-framed messages.
 *
 * <p>{@code data} is shared, never copied: nobody may modify it after construction.
 *
 * @param timestampNanos  capture time, nanoseconds since the Unix epoch
 * @param linkType        pcap LINKTYPE_* of the data (see {@link LinkType})
 * @param data            the captured bytes (possibly shorter than {@code originalLength})
 * @param originalLength  the length of the frame on the wire
 * @param packetType      sll_pkttype as the capture saw it, or -1 when unknown;
 *                        for files it is the cooked header's packet type
 * @param comment         a comment stored with the frame, or null
 */
public record Frame(long timestampNanos, int linkType, byte[] data, int originalLength, int packetType, String comment) {

    public Frame {
        Objects.requireNonNull(data, "data");
        if (originalLength < data.length) {
            throw new IllegalArgumentException("originalLength " + originalLength + " < captured " + data.length);
        }
    }

    /** A frame whose captured and original lengths agree, with no comment, packet type from the cooked header. */
    public static Frame of(long timestampNanos, int linkType, byte[] data) {
        return new Frame(timestampNanos, linkType, data, data.length, CookedHeader.parse(linkType, data).packetType(), null);
    }

    public int capturedLength() {
        return data.length;
    }

    /** The same frame with a different comment. */
    public Frame withComment(String newComment) {
        return new Frame(timestampNanos, linkType, data, originalLength, packetType, newComment);
    }
}
