package org.nlscope.session.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.nlscope.model.TerminalText;

/**
 * Writes what {@link DetailTree} walks as indented lines ({@code read -V}), each as it is
 * opened, through one chunk of text handed to the writer every few kilobytes. A line
 * with a char beyond Latin-1 ("…") is written on its own, so the chunk stays one byte a
 * char and the writer encodes it in bulk.
 */
final class TreeLines extends TreeSink {
    private static final String INDENT = "    ";
    private static final int CHUNK = 8192;

    private final Writer out;
    private final StringBuilder chunk = new StringBuilder(CHUNK + 1024);
    private int depth;

    TreeLines(Writer out) {
        this.out = out;
    }

    @Override
    void open(int offset, int length) {
        StringBuilder label = label();
        int n = label.length();
        boolean safe = true;
        boolean wide = false;
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            wide |= c > 0xff;
            safe &= TerminalText.isSafe(c);
        }
        if (wide) {
            flushChunk();
            StringBuilder line = new StringBuilder(depth * INDENT.length() + n + 8);
            indent(line);
            line.append(safe ? label : TerminalText.escape(label.toString())).append('\n');
            write(line.toString());
            renewLabel();
        } else {
            indent(chunk);
            if (safe) {
                chunk.append(label);
            } else {
                chunk.append(TerminalText.escape(label.toString()));
            }
            chunk.append('\n');
            label.setLength(0);
            if (chunk.length() >= CHUNK) {
                flushChunk();
            }
        }
        depth++;
    }

    @Override
    void close() {
        depth--;
    }

    void blankLine() {
        chunk.append('\n');
    }

    /** Hands what is written so far to the writer. */
    void flush() {
        flushChunk();
    }

    private void indent(StringBuilder sb) {
        for (int i = 0; i < depth; i++) {
            sb.append(INDENT);
        }
    }

    private void flushChunk() {
        if (chunk.length() > 0) {
            write(chunk.toString());
            chunk.setLength(0);
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
