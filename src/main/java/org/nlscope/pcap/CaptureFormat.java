package org.nlscope.pcap;

import java.util.Locale;

/** The two capture file formats nlscope reads and writes. */
public enum CaptureFormat {
    /** Classic libpcap: one link type per file, no comments, no custom blocks. */
    PCAP,
    /** pcapng: sections, interfaces, comments and the nlscope metadata block. */
    PCAPNG;

    /** PCAP for a name ending in ".pcap", PCAPNG for anything else (pcapng is the richer default). */
    public static CaptureFormat forFileName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".pcap") ? PCAP : PCAPNG;
    }
}
