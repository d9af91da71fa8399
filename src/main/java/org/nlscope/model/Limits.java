package org.nlscope.model;

/**
 * Every size beyond which nlscope stops believing its input: a frame, a file or a
 * dissector file past one of these gets a problem naming the limit, never unbounded
 * time or memory. Documented for users in docs/limits.md; defined here once.
 */
public final class Limits {
    /** Largest pcap record or pcapng block read into memory, and written: far above any netlink skb. */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    /** Largest pcapng block read: a frame at {@link #MAX_RECORD_BYTES} with its block fields and options. */
    public static final int MAX_BLOCK_BYTES = MAX_RECORD_BYTES + 256 * 1024;

    /**
     * The snaplen pcap files get unless the input declared a larger one: tcpdump's default,
     * and the longest record libpcap and Wireshark read.
     */
    public static final int DEFAULT_SNAPLEN = 262144;

    /** Messages decoded per frame; the rest of the frame is reported, not decoded. */
    public static final int MAX_MESSAGES_PER_FRAME = 65536;

    /** Attributes decoded per frame, at every nesting level together. */
    public static final int MAX_ATTRIBUTES_PER_FRAME = 262144;

    /** Nests followed inside one message (attributes, sub-messages, Java value decoders alike). */
    public static final int MAX_NESTING_DEPTH = 16;

    /** Distinct generic netlink family ids one capture may name (from nlctrl and metadata). */
    public static final int MAX_GENL_IDS = 4096;

    /** Interface indexes one capture may name (from its link messages and metadata). */
    public static final int MAX_INTERFACES = 65536;

    /** Port owners one capture's metadata may name. */
    public static final int MAX_PROCESSES = 65536;

    /** nftables sets a capture's context remembers the key types of (a ruleset of many sets stays bounded). */
    public static final int MAX_NFT_SETS = 65536;

    /**
     * Attribute and operation policies one capture keeps, over every generic netlink family
     * (from its metadata and its own CTRL_CMD_GETPOLICY replies); Linux 6.1 reports about 2,000.
     */
    public static final int MAX_POLICY_ENTRIES = 262144;

    /** pcapng metadata blocks whose policies one read takes (a snapshot fills a few). */
    public static final int MAX_POLICY_BLOCKS = 64;

    /** Bytes of pcapng section-header comments kept per read (each is shown, then dropped). */
    public static final int MAX_SECTION_COMMENT_BYTES = 1024 * 1024;

    /** Bytes of a pcapng option: its length field is 16 bits. */
    public static final int MAX_OPTION_BYTES = 0xffff;

    /** Longest scalar (a string, a number) in a dissector file. */
    public static final int MAX_SPEC_SCALAR_CHARS = 64 * 1024;

    /** Largest dissector file (the built-in ones are below 100 KiB). */
    public static final int MAX_SPEC_FILE_BYTES = 2 * 1024 * 1024;

    private Limits() {
    }
}
