package org.nlscope.decode.spec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.nlscope.decode.ByteView;
import org.nlscope.decode.SockAddr;
import org.nlscope.uapi.Errno;

/** Reading integers, strings and addresses out of a window, and showing them to people. */
final class Values {
    private Values() {
    }

    /** An integer of 1, 2, 4 or 8 bytes: a Long, or a BigInteger for a u64 above Long.MAX_VALUE. */
    static Object readInt(ByteView v, int offset, int size, boolean signed, boolean bigEndian) {
        long raw = switch (size) {
            case 1 -> v.u8(offset);
            case 2 -> bigEndian ? v.u16be(offset) : v.u16(offset);
            case 4 -> bigEndian ? v.u32be(offset) : v.u32(offset);
            case 8 -> bigEndian ? v.u64be(offset) : v.u64(offset);
            default -> throw new IllegalArgumentException("integer size " + size);
        };
        if (signed && size < 8) {
            int shift = 64 - size * 8;
            raw = raw << shift >> shift;
        }
        if (!signed && size == 8 && raw < 0) {
            return new BigInteger(Long.toUnsignedString(raw));
        }
        return raw;
    }

    /** A packet scheduler tick is 64 ns (PSCHED_SHIFT 6 in net/pkt_sched.h; /proc/net/psched says so too). */
    static final long PSCHED_NS_PER_TICK = 64;

    /** An address lifetime that never runs out (INFINITY_LIFE_TIME, linux/if_addr.h users). */
    static final long INFINITY_LIFE_TIME = 0xffffffffL;

    /** Nanoseconds as tc prints times: "20ms", "1.5ms", "100us", "64ns", "2s" (at most 3 significant digits). */
    static String duration(long ns) {
        if (ns < 0) {
            return "-" + duration(-ns);
        }
        if (ns >= 1_000_000_000L) {
            return decimal(ns / 1e9) + "s";
        }
        if (ns >= 1_000_000L) {
            return decimal(ns / 1e6) + "ms";
        }
        if (ns >= 1_000L) {
            return decimal(ns / 1e3) + "us";
        }
        return ns + "ns";
    }

    /** A u32 probability scaled to 2^32 (netem's loss, duplicate, corrupt, reorder) as a percentage: "1%". */
    static String percent32(long n) {
        return decimal((n & 0xffffffffL) * 100.0 / 4294967296.0) + "%";
    }

    /** Up to 3 significant digits, no trailing zeros: 20, 1.5, 0.0977. */
    private static String decimal(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A tc handle as tc prints it: "root", "ingress", "none", or major:minor in hex ("1:10", "1:"). */
    static String tcHandle(long n) {
        long h = n & 0xffffffffL;
        if (h == 0xffffffffL) {
            return "root";
        }
        if (h == 0xfffffff1L) {
            return "ingress";
        }
        if (h == 0) {
            return "none";
        }
        long minor = h & 0xffff;
        return Long.toHexString(h >>> 16) + ":" + (minor == 0 ? "" : Long.toHexString(minor));
    }

    /** "ENODEV (-19)"; errno values come negative from the kernel, either sign is named. */
    static String errno(long n) {
        String name = n == 0 ? null : Errno.name((int) n);
        return name == null ? Long.toString(n) : name + " (" + n + ")";
    }

    /** A string up to its first NUL (or the window's end). */
    static String string(ByteView v, int offset, int length) {
        int end = offset;
        while (end < offset + length && v.u8(end) != 0) {
            end++;
        }
        return new String(v.data(), offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The display of bytes shaped by a hint, or null when the length does not fit the hint. */
    static String shapedBytes(ByteView v, int offset, int length, Display display) {
        if (!fits(v, offset, length, display)) {
            return null;
        }
        return switch (display) {
            case MAC -> mac(v, offset, length);
            case IPV4 -> ipv4(v, offset);
            case IPV6 -> ipv6(v, offset);
            case IP -> length == 4 ? ipv4(v, offset) : ipv6(v, offset);
            case BASE64 -> java.util.Base64.getEncoder().encodeToString(v.bytes(offset, length));
            case SOCKADDR -> sockaddr(v, offset, length);
            case UUID -> uuid(v.hex(offset, length));
            default -> v.hex(offset, length);
        };
    }

    /** 32 hex digits in the 8-4-4-4-12 groups of RFC 4122. */
    private static String uuid(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** Whether these bytes can be shown in this display (a MAC of any length but 0, an IPv4 address of 4 bytes...). */
    static boolean fits(ByteView v, int offset, int length, Display display) {
        return switch (display) {
            case MAC -> length != 0;
            case IPV4 -> length == 4;
            case IPV6 -> length == 16;
            case IP, IP_SLOT -> length == 4 || length == 16;
            case SOCKADDR -> SockAddr.family(v, offset, length) >= 0;
            case UUID -> length == 16;
            default -> true;
        };
    }

    /**
     * A 16-byte address slot (xfrm_address_t, inet_diag_sockid's addresses): IPv4 in its first
     * 4 bytes when the family is AF_INET, else IPv6; 4 bytes read as IPv4. Null for other lengths.
     */
    static String ipSlot(ByteView v, int offset, int length, int family) {
        if (length == 4 || length == 16 && family == SockAddr.AF_INET) {
            return ipv4(v, offset);
        }
        return length == 16 ? ipv6(v, offset) : null;
    }

    /**
     * A struct sockaddr_in or sockaddr_in6 (family in host order, port in network order) as
     * "192.0.2.9:51820" or "[2001:db8::1]:51820"; null for another family or a short one.
     */
    static String sockaddr(ByteView v, int offset, int length) {
        int family = SockAddr.family(v, offset, length);
        if (family < 0) {
            return null;
        }
        int address = offset + SockAddr.addressOffset(family);
        if (family == SockAddr.AF_INET) {
            return ipv4(v, address) + ":" + v.u16be(offset + 2);
        }
        long scope = length >= 28 ? v.u32(offset + 24) : 0;
        return "[" + ipv6(v, address) + (scope != 0 ? "%" + scope : "") + "]:" + v.u16be(offset + 2);
    }

    static String mac(ByteView v, int offset, int length) {
        StringBuilder sb = new StringBuilder(length * 3);
        for (int i = 0; i < length; i++) {
            sb.append(i == 0 ? "" : ":").append(v.hex(offset + i, 1));
        }
        return sb.toString();
    }

    static String ipv4(ByteView v, int offset) {
        return v.u8(offset) + "." + v.u8(offset + 1) + "." + v.u8(offset + 2) + "." + v.u8(offset + 3);
    }

    /** The address of four bytes held first byte highest. */
    static String ipv4(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    /** RFC 5952 text: lowercase, the longest run of two or more zero groups as "::". */
    static String ipv6(ByteView v, int offset) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = v.u16be(offset + 2 * i);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
