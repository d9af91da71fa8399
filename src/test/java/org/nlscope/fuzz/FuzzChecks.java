package org.nlscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.regex.Pattern;
import org.nlscope.model.DecodedFrame;
import org.nlscope.model.DecodedMessage;
import org.nlscope.model.Field;

/**
 * What every fuzz target asserts besides "no other exception escapes": the decode
 * engine's own guards (which turn a bug into a "decoder failed: ..." problem so a
 * user keeps the frame) caught nothing, errors are one line, and output stays
 * proportional to input.
 */
public final class FuzzChecks {
    /** A guard's problem text: an exception's class name after "failed: ", or a null message. */
    private static final Pattern ENGINE_FAILURE =
            Pattern.compile("failed: (null$|([\\w$]+\\.)*\\w*(Exception|Error)\\b)|StackOverflowError|OutOfMemoryError");

    /** Rendered text per input byte that no honest decode comes near (a 4-byte attribute is one ~60-char line). */
    public static final int MAX_OUTPUT_PER_BYTE = 64;
    public static final int MAX_OUTPUT_SLACK = 64 * 1024;

    private FuzzChecks() {
    }

    /** Fails when a guard of the decode engine caught a bug anywhere in the frame. */
    public static void assertNoEngineFailure(DecodedFrame df) {
        check(df.problems(), df);
        for (DecodedMessage m : df.messages()) {
            check(m.problems(), df);
            fields(m.fixedHeader(), df);
            fields(m.attributes(), df);
        }
    }

    private static void fields(List<Field> fields, DecodedFrame df) {
        for (Field f : fields) {
            if (f.problem() != null) {
                check(List.of(f.problem()), df);
            }
            fields(f.children(), df);
        }
    }

    private static void check(List<String> problems, DecodedFrame df) {
        for (String p : problems) {
            if (ENGINE_FAILURE.matcher(p).find()) {
                fail("the decode engine caught a bug in frame of " + df.frame().data().length + " bytes: " + p);
            }
        }
    }

    /** Fails unless a message meant for the user is a single line. */
    public static void assertOneLine(String what, String message) {
        assertFalse(message == null || message.isBlank(), what + ": no message");
        assertFalse(message.contains("\n") || message.contains("\r"), what + " is not one line: " + message);
    }

    /** Fails when text rendered from {@code inputBytes} bytes is out of proportion to them. */
    public static void assertBounded(String what, long outputChars, long inputBytes) {
        long limit = inputBytes * MAX_OUTPUT_PER_BYTE + MAX_OUTPUT_SLACK;
        if (outputChars > limit) {
            fail(what + ": " + outputChars + " characters from " + inputBytes + " bytes (limit " + limit + ")");
        }
    }
}
