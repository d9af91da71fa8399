package org.nlscope.session.export;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes what {@link DetailTree} walks as indented lines ({@code read -V}), each as it is
 * opened: its label's chars go straight into the output's bytes, no String made.
 */
final class TreeLines extends TreeSink {
    private static final byte[] INDENT = JsonWriter.ascii("    ");

    private final Utf8Output out;
    private int depth;

    TreeLines(Utf8Output out) {
        this.out = out;
    }

    @Override
    void open(int offset, int length) {
        StringBuilder label = label();
        try {
            for (int i = 0; i < depth; i++) {
                out.bytes(INDENT);
            }
            // names and values come from the capture: one line stays one line
            out.terminalText(label);
            out.ascii('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        label.setLength(0);
        depth++;
    }

    @Override
    void close() {
        depth--;
    }

    void blankLine() {
        try {
            out.ascii('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
