package org.nlscope.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nlscope.model.TerminalText;

/** The byte writer's JSON reads back, through a JSON parser, as exactly what was written, and stays inert on a terminal. */
class JsonWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyCharOfTheBasicPlaneReadsBackExactly() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xd800; c++) {
            all.append(c);
        }
        for (char c = 0xe000; c != 0; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00 pair, \"quoted\" \\ back");
        String json = json(w -> w.string(all.toString()));
        assertEquals(all.toString(), MAPPER.readValue(json, String.class));
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertTrue(TerminalText.isSafe(c) || Character.isSurrogate(c), "raw U+" + Integer.toHexString(c) + " at " + i);
        }
    }

    @Test
    void escapesAreTheShortFormsOrSixChars() throws IOException {
        assertEquals("\"a\\nb\\tc\\r\\b\\f\\u001B\\u007F\\u009b\\u202e\\\"\\\\é…\"",
                json(w -> w.string("a\nb\tc\r\b\f\u001b\u007f\u009b\u202e\"\\é…")));
        assertEquals("null", json(w -> w.string(null)));
    }

    @Test
    void numbersAreWrittenDigitByDigit() throws IOException {
        long[] values = {0, 7, 10, 99, 1400, -1, -42, 4294967295L, 999_999_999_999_999_999L,
                1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : values) {
            assertEquals(Long.toString(v), json(w -> w.number(v)));
        }
        BigInteger u64 = new BigInteger("18446744073709551615");
        assertEquals(u64, MAPPER.readTree(json(w -> w.scalar(u64))).bigIntegerValue());
        assertEquals("[true,false,null,\"x\"]", json(w -> {
            w.raw('[');
            w.scalar(true);
            w.raw(',');
            w.scalar(false);
            w.raw(',');
            w.scalar(null);
            w.raw(',');
            w.scalar("x");
            w.raw(']');
        }));
    }

    @Test
    void moreThanABufferOfOutputArrivesWhole() throws IOException {
        String big = "x\u0001".repeat(50_000);
        assertEquals(big, MAPPER.readValue(json(w -> w.string(big)), String.class));
    }

    private interface Body {
        void write(JsonWriter w) throws IOException;
    }

    private static String json(Body body) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(sink);
        body.write(new JsonWriter(out));
        out.flush();
        return sink.toString(StandardCharsets.UTF_8);
    }
}
