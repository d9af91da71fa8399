package org.nlscope.decode;

/** The kind of request a message type is; it decides what the high nlmsg_flags bits mean. */
public enum MessageKind {
    /** GET requests: NLM_F_ROOT, NLM_F_MATCH, NLM_F_ATOMIC (DUMP = ROOT|MATCH). */
    GET,
    /** NEW requests: NLM_F_REPLACE, NLM_F_EXCL, NLM_F_CREATE, NLM_F_APPEND. */
    NEW,
    /** DEL requests: NLM_F_NONREC, NLM_F_BULK. */
    DEL,
    /** Neither: only the low flags have names. */
    OTHER
}
