package org.nlscope.session;

import org.nlscope.model.Direction;
import org.nlscope.model.TerminalText;

/**
 * One row of the message table: one netlink message of one frame, flattened to what a
 * table column shows. Cheap to build and immutable, so a UI may keep batches of them.
 *
 * @param index             0-based position of the row in its store
 * @param frameNumber       1-based number of the frame the message is in
 * @param messageIndex      0-based position of the message in its frame; -1 for a frame that held no message
 * @param timeNanos         capture time of the frame, nanoseconds since the Unix epoch
 * @param direction         to or from the kernel
 * @param directionInferred true when the capture did not say and the direction was inferred from NLM_F_REQUEST
 * @param family            netlink family number from the cooked header, -1 when unknown
 * @param familyName        the generic netlink family's name (nl80211) when known, else the netlink family's
 *                          name (NETLINK_ROUTE), else the family number
 * @param type              nlmsg_type, -1 when there is no message
 * @param typeName          RTM_NEWLINK, NLMSG_ERROR, a genl command name, or the type number when unknown
 * @param flags             nlmsg_flags
 * @param flagsText         the flag names without their NLM_F_ prefix, joined by '|' ("REQUEST|ACK")
 * @param seq               nlmsg_seq
 * @param portId            nlmsg_pid
 * @param process           the process behind the port id ("pid 1234 (ip)"), or null when not known
 * @param length            nlmsg_len, or the frame's length when there is no message
 * @param info              the one-line summary ("RTM_NEWLINK dum0 mtu 1400 UP")
 * @param kind              what role the message plays, for colouring and pairing
 * @param hasProblems       true when the decode reported a problem for this message or its frame
 */
public record MessageRow(int index, int frameNumber, int messageIndex, long timeNanos, Direction direction,
                         boolean directionInferred, int family, String familyName, int type, String typeName,
                         int flags, String flagsText, long seq, long portId, String process, int length,
                         String info, Kind kind, boolean hasProblems) {

    /** What the capture named (families, types, processes, summaries) is shown as text, never acted on. */
    public MessageRow {
        familyName = TerminalText.escape(familyName);
        typeName = TerminalText.escape(typeName);
        process = TerminalText.escape(process);
        info = TerminalText.escape(info);
    }

    /** The role a message plays in a conversation with the kernel. */
    public enum Kind {
        /** NLM_F_REQUEST is set: sent to the kernel (or another socket) asking for something. */
        REQUEST,
        /** An answer from the kernel that is not one of the kinds below. */
        REPLY,
        /** One message of a multipart answer (NLM_F_MULTI), usually a dump. */
        DUMP_PART,
        /** NLMSG_DONE: the end of a multipart answer. */
        DONE,
        /** NLMSG_ERROR with a non-zero code. */
        ERROR,
        /** NLMSG_ERROR with code 0. */
        ACK,
        /** A message from the kernel with seq 0 that answers no request: a multicast event. */
        NOTIFICATION,
        /** A frame with no readable message at all (truncated or damaged). */
        MALFORMED
    }
}
