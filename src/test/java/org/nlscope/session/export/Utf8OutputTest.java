package org.nlscope.session.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Utf8Output writes the bytes OutputStreamWriter would, whatever the text and however it is split. */
class Utf8OutputTest {

    /** ASCII, Latin-1, the BMP ("…"), a pair split across writes, lone surrogates, and more than a buffer. */
    private static final String[] PIECES = {"nlmsg_len: 1400\n", "é", "struct … ", "\uD83D", "\uDE00", "x",
            "\uDE00 lone low", "\uD83D", " lone high", "a".repeat(70_000) + "…", "\uD83D\uDE00", "end\uD83D"};

    @Test
    void writesWhatOutputStreamWriterWrites() throws IOException {
        assertArrayEquals(bytes(true, true), bytes(false, true));
        assertArrayEquals(bytes(true, false), bytes(false, false));
    }

    /** Everything in PIECES written by the JDK's writer or ours, as strings or char by char. */
    private static byte[] bytes(boolean jdk, boolean strings) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Writer w = jdk ? new OutputStreamWriter(sink, StandardCharsets.UTF_8) : new Utf8Output(sink);
        for (String p : PIECES) {
            if (strings) {
                w.write(p);
            } else {
                for (int i = 0; i < p.length(); i++) {
                    w.write(p.charAt(i));
                }
            }
        }
        w.close();
        return sink.toByteArray();
    }
}
