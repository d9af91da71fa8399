package org.nlscope.decode.spec;

/**
 * An integer type word of the format, resolved: "u32" is 4 bytes unsigned; "uint" and
 * "sint" take 4 or 8 bytes, as the payload has ({@code size} 0).
 */
record IntType(String word, int size, boolean signed) {

    /** The integer type a word names, or null when the word is not an integer type. */
    static IntType of(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "u8" -> new IntType(word, 1, false);
            case "u16" -> new IntType(word, 2, false);
            case "u32" -> new IntType(word, 4, false);
            case "u64" -> new IntType(word, 8, false);
            case "s8" -> new IntType(word, 1, true);
            case "s16" -> new IntType(word, 2, true);
            case "s32" -> new IntType(word, 4, true);
            case "s64" -> new IntType(word, 8, true);
            case "uint" -> new IntType(word, 0, false);
            case "sint" -> new IntType(word, 0, true);
            default -> null;
        };
    }

    /** The size a payload of this length reads as, or -1 when it cannot be this type. */
    int sizeFor(int length) {
        return size != 0 ? size : length == 4 || length == 8 ? length : -1;
    }
}
