package org.nlscope.ui;

/**
 * Where each byte of a frame sits in the hex view's text grid, and back: pure
 * arithmetic, so clicking and highlighting are testable without a screen.
 *
 * <pre>
 * 0000  01 02 03 04 05 06 07 08  09 0a 0b 0c 0d 0e 0f 10  ........ ........
 * </pre>
 *
 * @param length bytes shown
 */
public record HexLayout(int length) {

    public static final int BYTES_PER_LINE = 16;
    private static final int GAP = 2;

    public int lines() {
        return Math.max(1, (length + BYTES_PER_LINE - 1) / BYTES_PER_LINE);
    }

    /** Hex digits of the offset column: 4, more for frames past 64 KiB. */
    public int offsetDigits() {
        int digits = 4;
        while (length > 1L << (4 * digits)) {
            digits++;
        }
        return digits;
    }

    public int line(int offset) {
        return offset / BYTES_PER_LINE;
    }

    /** First text column of the two hex digits of the byte at this position in its line. */
    public int hexColumn(int indexInLine) {
        return offsetDigits() + GAP + indexInLine * 3 + (indexInLine >= 8 ? 1 : 0);
    }

    /** Text column of the byte's ASCII character. */
    public int asciiColumn(int indexInLine) {
        return hexColumn(BYTES_PER_LINE - 1) + 2 + GAP + indexInLine + (indexInLine >= 8 ? 1 : 0);
    }

    /** Columns of a whole line. */
    public int width() {
        return asciiColumn(BYTES_PER_LINE - 1) + 1;
    }

    /** The byte under a text cell (hex digits, the space after them, or the ASCII character), or -1. */
    public int byteAt(int line, int column) {
        if (line < 0 || column < 0) {
            return -1;
        }
        for (int i = 0; i < BYTES_PER_LINE; i++) {
            int h = hexColumn(i);
            if (column >= h && column < h + 2 || column == asciiColumn(i)) {
                int offset = line * BYTES_PER_LINE + i;
                return offset < length ? offset : -1;
            }
        }
        return -1;
    }

    /** The printable ASCII character of a byte, or '.'. */
    public static char printable(byte b) {
        int c = b & 0xff;
        return c >= 0x20 && c < 0x7f ? (char) c : '.';
    }
}
