package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HexLayoutTest {

    @Test
    void everyByteIsFoundAtItsHexAndAsciiColumns() {
        HexLayout layout = new HexLayout(100);
        for (int offset = 0; offset < 100; offset++) {
            int line = layout.line(offset);
            int i = offset % HexLayout.BYTES_PER_LINE;
            assertEquals(offset, layout.byteAt(line, layout.hexColumn(i)));
            assertEquals(offset, layout.byteAt(line, layout.hexColumn(i) + 1));
            assertEquals(offset, layout.byteAt(line, layout.asciiColumn(i)));
        }
    }

    @Test
    void gapsOffsetsAndBytesPastTheEndAreNoByte() {
        HexLayout layout = new HexLayout(20);
        assertEquals(-1, layout.byteAt(0, 0), "offset column");
        assertEquals(-1, layout.byteAt(0, layout.hexColumn(0) + 2), "space after a byte");
        assertEquals(-1, layout.byteAt(1, layout.hexColumn(5)), "line 1 holds only 4 bytes");
        assertEquals(-1, layout.byteAt(7, layout.hexColumn(0)));
    }

    @Test
    void offsetColumnWidensPast64KiB() {
        assertEquals(4, new HexLayout(65536).offsetDigits());
        assertEquals(5, new HexLayout(65537).offsetDigits());
        assertEquals(2, new HexLayout(17).lines());
        assertEquals('A', HexLayout.printable((byte) 'A'));
        assertEquals('.', HexLayout.printable((byte) 0x7f));
    }
}
