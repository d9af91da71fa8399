package org.nlscope.session.filter;

import java.util.List;
import java.util.Locale;

/** Case-insensitive text tests shared by the terms. */
final class TextMatch {

    private TextMatch() {
    }

    static boolean contains(String hay, String lowerNeedle) {
        return hay != null && hay.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    interface StringTest {
        boolean test(String s);
    }

    static boolean anyMatch(List<String> list, StringTest t) {
        for (String s : list) {
            if (t.test(s)) {
                return true;
            }
        }
        return false;
    }
}
