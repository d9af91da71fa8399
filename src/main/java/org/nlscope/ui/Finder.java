package org.nlscope.ui;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.session.CaptureStore;
import org.nlscope.session.MessageRow;
import org.nlscope.session.export.DetailNode;
import org.nlscope.session.export.DetailTree;

/**
 * Edit > Find: what a search matches, as Wireshark's Find Packet does it: a display filter,
 * a string (in the row's columns and the message's detail tree, any case), or a sequence of
 * bytes in the message; and the next match from a row, in either direction, wrapping.
 */
final class Finder {

    /** What the search text is. */
    enum Mode {
        FILTER("Display filter"), TEXT("String"), HEX("Hex value");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A match, and whether the search went past the end (or start) to find it. */
    record Hit(int index, boolean wrapped) {
    }

    private Finder() {
    }

    /** What is wrong with a search text, or null when it can be searched for. */
    static String problem(Mode mode, String text, Filters filters) {
        if (text == null || text.isBlank()) {
            return "Type what to find";
        }
        return switch (mode) {
            case FILTER -> filters.problem(text);
            case TEXT -> null;
            case HEX -> {
                try {
                    bytes(text);
                    yield null;
                } catch (IllegalArgumentException e) {
                    yield e.getMessage();
                }
            }
        };
    }

    /** The test of a row for a search text that has no {@link #problem}; it may decode the row's frame. */
    static BiPredicate<CaptureStore, MessageRow> matcher(Mode mode, String text, Filters filters) {
        return switch (mode) {
            case FILTER -> {
                BiPredicate<CaptureStore, MessageRow> p = filters.predicate(text);
                yield p == null ? (s, r) -> true : p;
            }
            case TEXT -> {
                String needle = text.strip().toLowerCase(Locale.ROOT);
                yield (s, r) -> columnsContain(r, needle) || treeContains(s, r, needle);
            }
            case HEX -> {
                byte[] needle = bytes(text);
                yield (s, r) -> byteOffset(s, r, needle) >= 0;
            }
        };
    }

    /**
     * The first row after {@code from} ({@code step} 1) or before it (-1) that matches and is not
     * skipped, going round the end once; null when none does. {@code from} -1 starts at the top
     * (or the bottom, going back).
     */
    static Hit next(List<MessageRow> rows, int from, int step, Predicate<MessageRow> matches, Predicate<MessageRow> skip) {
        int n = rows.size();
        if (n == 0) {
            return null;
        }
        int start = from < 0 ? (step > 0 ? -1 : n) : from;
        for (int k = 1; k <= n; k++) {
            int i = start + k * step;
            boolean wrapped = i < 0 || i >= n;
            i = Math.floorMod(i, n);
            MessageRow r = rows.get(i);
            if (!skip.test(r) && matches.test(r)) {
                return new Hit(i, wrapped && from >= 0);
            }
        }
        return null;
    }

    /** "0a 1b", "0a1b", "0a:1b:2c" or "0x0a1b" as bytes. */
    static byte[] bytes(String text) {
        String hex = text.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("0x")) {
            hex = hex.substring(2);
        }
        hex = hex.replaceAll("[\\s:.-]", "");
        if (hex.isEmpty() || !hex.matches("[0-9a-f]*")) {
            throw new IllegalArgumentException("Hex bytes are pairs of 0-9 a-f, like 0a 1b or 0a:1b");
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("Hex bytes come in pairs of digits: " + hex.length() + " digits given");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** Where {@code needle} first is in the row's message, as an offset in its frame; -1 when not there. */
    static int byteOffset(CaptureStore store, MessageRow row, byte[] needle) {
        byte[] data = store.frame(row.frameNumber()).data();
        int from = 0;
        int to = data.length;
        DecodedMessage m = store.message(row.index());
        if (m != null) {
            from = m.offset();
            to = Math.min(data.length, from + Math.max(row.length(), 0));
        }
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean columnsContain(MessageRow r, String needle) {
        for (String s : new String[] {r.typeName(), r.familyName(), r.flagsText(), r.info(), r.process()}) {
            if (s != null && s.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean treeContains(CaptureStore store, MessageRow r, String needle) {
        DecodedFrame df = store.decoded(r.frameNumber());
        if (r.messageIndex() < 0 || r.messageIndex() >= df.messages().size()) {
            return false;
        }
        var context = store.context(r.frameNumber());
        return contains(new DetailTree(context::process).message(df.messages().get(r.messageIndex())), needle);
    }

    private static boolean contains(DetailNode node, String needle) {
        if (node.label().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        for (DetailNode c : node.children()) {
            if (contains(c, needle)) {
                return true;
            }
        }
        return false;
    }
}
