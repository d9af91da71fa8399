package org.nlscope.pcap;

/** Block types, option codes and numbers of the pcapng format that nlscope reads or writes. */
final class Pcapng {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int INTERFACE_DESCRIPTION = 1;
    /** Obsolete packet block: a 16-bit interface id and a drop count. */
    static final int PACKET = 2;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;
    static final int CUSTOM_COPYABLE = 0x00000BAD;
    static final int CUSTOM_NOT_COPYABLE = 0x40000BAD;

    static final int OPT_ENDOFOPT = 0;
    static final int OPT_COMMENT = 1;
    static final int SHB_USERAPPL = 4;
    static final int IF_NAME = 2;
    static final int IF_DESCRIPTION = 3;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;

    /** The Private Enterprise Number our custom block carries. */
    static final int NLSCOPE_PEN = 32473;
    static final String METADATA_MAGIC = "nlscope-metadata 1\n";

    /** Block type, block total length and trailing length: the smallest block. */
    static final int MIN_BLOCK_LENGTH = 12;

    private Pcapng() {
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
