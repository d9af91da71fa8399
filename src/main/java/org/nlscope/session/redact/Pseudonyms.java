package org.nlscope.session.redact;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * Stable stand-ins for MAC and IP addresses: the same address gets the same pseudonym
 * everywhere in a file, of the same length and kind. MACs become locally administered
 * unicast 06:00:00:xx:xx:xx, IPv4 10.x.x.x, IPv6 fd00::x (link-local stays fe80::x).
 * Addresses that name no host (all zeros, broadcast, loopback, multicast) stay as they are.
 */
final class Pseudonyms {
    private final Map<String, byte[]> map = new HashMap<>();
    private final Map<Integer, Integer> issued = new HashMap<>();
    private final Set<String> kinds = new HashSet<>();
    private int replaced;

    /** The pseudonym of these address bytes, or null when they stay as they are. */
    byte[] of(byte[] address) {
        if (!worthHiding(address)) {
            return null;
        }
        String key = HexFormat.of().formatHex(address);
        byte[] known = map.get(key);
        if (known == null) {
            int n = issued.merge(address.length, 1, Integer::sum);
            known = make(address, n);
            map.put(key, known);
            kinds.add(kind(address.length) + " " + key);
        }
        replaced++;
        return known;
    }

    /** How many distinct addresses of each kind ("MAC", "IPv4", "IPv6") were given pseudonyms. */
    Map<String, Integer> distinct() {
        Map<String, Integer> out = new TreeMap<>();
        for (String k : kinds) {
            out.merge(k.substring(0, k.indexOf(' ')), 1, Integer::sum);
        }
        return out;
    }

    /** Places rewritten, counting repeats. */
    int replaced() {
        return replaced;
    }

    static boolean isAddressLength(int length) {
        return length == 4 || length == 6 || length == 16;
    }

    private static String kind(int length) {
        return switch (length) {
            case 4 -> "IPv4";
            case 6 -> "MAC";
            default -> "IPv6";
        };
    }

    private static boolean worthHiding(byte[] a) {
        boolean zero = true;
        boolean ones = true;
        for (byte b : a) {
            zero &= b == 0;
            ones &= b == (byte) 0xff;
        }
        if (zero || ones) {
            return false;
        }
        int first = a[0] & 0xff;
        return switch (a.length) {
            case 4 -> first != 127 && (first & 0xf0) != 0xe0;     // loopback, multicast
            case 6 -> (first & 1) == 0;                           // multicast and group MACs
            case 16 -> first != 0xff && !isLoopback6(a);          // multicast, ::1
            default -> false;
        };
    }

    private static boolean isLoopback6(byte[] a) {
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[15] == 1;
    }

    private static byte[] make(byte[] original, int n) {
        byte[] out = new byte[original.length];
        switch (original.length) {
            case 4 -> out[0] = 10;
            case 6 -> out[0] = 0x06;
            default -> {
                boolean linkLocal = (original[0] & 0xff) == 0xfe && (original[1] & 0xc0) == 0x80;
                out[0] = (byte) (linkLocal ? 0xfe : 0xfd);
                out[1] = (byte) (linkLocal ? 0x80 : 0);
            }
        }
        out[out.length - 3] = (byte) (n >> 16);
        out[out.length - 2] = (byte) (n >> 8);
        out[out.length - 1] = (byte) n;
        return out;
    }
}
