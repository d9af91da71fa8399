package org.nlscope.session.filter;

import java.util.Collection;
import java.util.Locale;

/** "did you mean": the nearest name by edit distance, for the filter's messages about unknown values. */
final class Spelling {

    private Spelling() {
    }

    /** The candidate nearest to {@code word} (case ignored), upper-cased, when at most {@code most} edits away; else null. */
    static String closest(String word, Collection<String> candidates, int most) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = most + 1;
        for (String c : candidates) {
            if (Math.abs(c.length() - w.length()) > most) {
                continue;
            }
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null ? null : best.toUpperCase(Locale.ROOT);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
