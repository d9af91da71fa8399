package org.nlscope.decode.spec;

import java.util.Locale;

/** A {@code display:} word of the format (docs/dissector-format.md), resolved once when the files are compiled. */
enum Display {
    DEC, HEX, HEX_INT, ERRNO, IF_INDEX, PROTO, IPV4, TC_HANDLE, PSCHED_TICKS, PERCENT32, LIFETIME,
    MAC, IPV6, IP, IP_SLOT, BASE64, SOCKADDR, UUID;

    /** The display a file's word names ("hex-int"), or null for none; the word was checked by {@link SpecChecks}. */
    static Display of(String word) {
        return word == null ? null : valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The word as the files spell it, for problems ("do not fit display ip-slot"). */
    String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a binary value with this display names an address (what anonymizing replaces). */
    boolean isAddress() {
        return switch (this) {
            case MAC, IPV4, IPV6, IP, IP_SLOT -> true;
            default -> false;
        };
    }
}
