package org.nlscope.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What {@code nlscope capture}'s options say, parsed; and the message count of its summary. */
final class CaptureArguments {
    /** Netlink family names --family takes (linux/netlink.h), lower case without NETLINK_. */
    static final Map<String, Integer> FAMILIES = Map.ofEntries(
            Map.entry("route", 0), Map.entry("usersock", 2), Map.entry("firewall", 3), Map.entry("sock_diag", 4),
            Map.entry("inet_diag", 4), Map.entry("nflog", 5), Map.entry("xfrm", 6), Map.entry("selinux", 7),
            Map.entry("iscsi", 8), Map.entry("audit", 9), Map.entry("fib_lookup", 10), Map.entry("connector", 11),
            Map.entry("netfilter", 12), Map.entry("ip6_fw", 13), Map.entry("dnrtmsg", 14),
            Map.entry("kobject_uevent", 15), Map.entry("generic", 16), Map.entry("scsitransport", 18),
            Map.entry("ecryptfs", 19), Map.entry("rdma", 20), Map.entry("crypto", 21), Map.entry("smc", 22));

    private CaptureArguments() {
    }

    /** nlmsghdrs in a LINKTYPE_NETLINK frame, walked by nlmsg_len. */
    static int countMessages(byte[] data) {
        int n = 0;
        int pos = 16;
        while (pos + 16 <= data.length) {
            int len = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | (data[pos + 3] & 0xff) << 24;
            n++;
            if (len < 16) {
                break;
            }
            pos += (len + 3) & ~3;
        }
        return n;
    }

    static long parseDuration(String spec) throws CliException {
        if (spec == null) {
            return 0;
        }
        String s = spec.startsWith("duration:") ? spec.substring("duration:".length()) : null;
        try {
            double seconds = Double.parseDouble(s == null ? "x" : s);
            if (seconds > 0 && seconds < 1e9) {
                return (long) (seconds * 1e9);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CliException("-a wants duration:SEC with SEC a positive number of seconds, not '" + spec + "'", Main.EXIT_USAGE);
    }

    static Set<Integer> parseFamilies(List<String> names) throws CliException {
        Set<Integer> out = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT).replaceFirst("^netlink_", "");
            Integer f = FAMILIES.get(name);
            if (f == null && name.matches("\\d{1,2}")) {
                f = Integer.parseInt(name);
            }
            if (f == null || f > 31) {
                throw new CliException("unknown netlink family '" + raw + "'; known: route, generic, sock_diag, netfilter, "
                        + "xfrm, nflog, usersock, fib_lookup, ... or a number 0-31", Main.EXIT_USAGE);
            }
            out.add(f);
        }
        return out;
    }
}
