package org.nlscope.pcap;

/** Sizes beyond which a length field is taken for damage rather than believed. */
final class Limits {
    /** Largest pcap record or pcapng block read into memory; far above any netlink skb. */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private Limits() {
    }
}
