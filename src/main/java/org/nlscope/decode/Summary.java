package org.nlscope.decode;

/** Joins a message's name and its body summary into the one-line summary. */
final class Summary {
    private Summary() {
    }

    static String of(String head, String tail) {
        if (tail == null || tail.isBlank()) {
            return head;
        }
        return head + " " + tail.trim();
    }
}
