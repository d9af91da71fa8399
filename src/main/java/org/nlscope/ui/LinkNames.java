package org.nlscope.ui;

import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nlscope.session.MessageRow;

/**
 * Interface names on the link messages themselves, as the other messages already show them:
 * the Info of RTM_NEWLINK (and DEL, GET, SET) starts "#6 nmdum0 dummy …" or, in a request that
 * names the link by index only, "#6 UP"; the table shows "nmdum0 (#6) dummy …" and
 * "nmdum0 (#6) UP", with the name the capture's own link messages taught.
 */
final class LinkNames {

    /** "#6" and what follows: the name when the message carries it (a word, not a keyword of the summary). */
    private static final Pattern INDEX = Pattern.compile("^#(\\d+)(?: (\\S+))?(.*)$");
    /** Words that start the rest of a link summary; never an interface name there. */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("mtu", "UP", "ext-mask", "family");

    private LinkNames() {
    }

    static boolean isLinkMessage(MessageRow r) {
        String t = r.typeName();
        return t != null && t.startsWith("RTM_") && t.endsWith("LINK");
    }

    /**
     * The Info text of a link message with its index named; others unchanged.
     *
     * @param info  the Info text as the table shows it (type already left out)
     * @param names the capture's name of an interface index, or null when it never named it
     */
    static String named(MessageRow r, String info, LongFunction<String> names) {
        if (info == null || !isLinkMessage(r)) {
            return info;
        }
        Matcher m = INDEX.matcher(info);
        if (!m.matches()) {
            return info;
        }
        long index = Long.parseLong(m.group(1));
        String word = m.group(2);
        String rest = m.group(3);
        String carried = word != null && !NOT_NAMES.contains(word) && !word.matches("[A-Z0-9_|]+") ? word : null;
        String name = carried != null ? carried : names.apply(index);
        if (name == null) {
            return info;
        }
        String after = carried != null ? rest : (word == null ? "" : " " + word) + rest;
        return name + " (#" + index + ")" + after;
    }
}
