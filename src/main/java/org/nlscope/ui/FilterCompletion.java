package org.nlscope.ui;

import java.util.List;

/**
 * What the filter field offers at the caret: after {@code FIELD ==} (or {@code != ~ &}) the
 * names of the field's values, else the fields and words that start with what is typed.
 */
final class FilterCompletion {

    /** The suggestions, and where the word they replace starts. */
    record Suggestions(int start, int end, List<String> words) {
        String apply(String text, String word) {
            return text.substring(0, start) + word + text.substring(end);
        }
    }

    static final int MAX = 15;

    private FilterCompletion() {
    }

    static Suggestions at(String text, int caret, FilterVocabulary vocabulary) {
        int start = caret;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        String prefix = text.substring(start, caret);
        // before the word: an operator, and before it the field it compares
        int i = start;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        int opEnd = i;
        while (i > 0 && "=!~&<>".indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        String op = text.substring(i, opEnd);
        if (!op.isEmpty()) {
            while (i > 0 && text.charAt(i - 1) == ' ') {
                i--;
            }
            int fieldEnd = i;
            while (i > 0 && isWordChar(text.charAt(i - 1))) {
                i--;
            }
            String field = text.substring(i, fieldEnd);
            if (vocabulary.knowsField(field)) {
                return new Suggestions(start, caret, vocabulary.valuesOf(field, prefix, MAX));
            }
            return new Suggestions(start, caret, List.of());
        }
        return new Suggestions(start, caret, prefix.isEmpty() ? List.of() : vocabulary.namesStartingWith(prefix, MAX));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
