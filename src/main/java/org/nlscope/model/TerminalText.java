package org.nlscope.model;

/**
 * The one control-character policy for text nlscope shows (the command line's lines,
 * trees and errors, the desktop app's labels): a capture's strings (attribute values,
 * extended-ACK messages, genl family names, process names, comments) and file names are
 * the attacker's, and a terminal acts on control characters (clear the screen, set the
 * title, OSC 52 writes the clipboard, a newline forges a line). As tcpdump and tshark do,
 * they are written as escapes: {@code \n \r \t}, other C0 controls, DEL and C1 controls
 * as {@code \x1b}, {@code \x9b}; line separators and bidirectional overrides (which
 * reorder what is shown) as {@code \\u202e}. Everything else is kept.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** The text with every unsafe character escaped; the same instance when there is none; null stays null. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && isSafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSafe(c)) {
                sb.append(c);
            } else {
                appendEscape(c, sb);
            }
        }
        return sb.toString();
    }

    /** False for what a terminal or a text layout acts on rather than shows. */
    public static boolean isSafe(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return true;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return false;
        }
        // line and paragraph separators, bidirectional embeddings, overrides and isolates
        return c != 0x2028 && c != 0x2029 && !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069)
                && c != 0x200e && c != 0x200f && c != 0x061c;
    }

    private static void appendEscape(char c, StringBuilder sb) {
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> {
                String hex = Integer.toHexString(c);
                if (c <= 0xff) {
                    sb.append("\\x").append(hex.length() == 1 ? "0" : "").append(hex);
                } else {
                    sb.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
                }
            }
        }
    }
}
