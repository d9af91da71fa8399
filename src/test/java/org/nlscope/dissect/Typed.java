package org.nlscope.dissect;

import org.nlscope.model.Field;

/** Whether the decode gave an attribute a shape: a value, a struct or a nest, not its raw bytes in hex. */
final class Typed {
    private Typed() {
    }

    /** Named, without a problem, and shown as something other than the hex of its payload. */
    static boolean typed(Field f) {
        if (f.name() == null || f.problem() != null) {
            return false;
        }
        if (f.nested() || !f.children().isEmpty() || !(f.value() instanceof String s)) {
            return true;
        }
        return !(s.equals(f.display()) && !s.isEmpty() && s.length() == 2 * (f.length() - 4)
                && s.chars().allMatch(c -> Character.digit(c, 16) >= 0));
    }
}
