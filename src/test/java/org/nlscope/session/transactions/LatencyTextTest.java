package org.nlscope.session.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The latency text is written digit by digit; String.format("%.3f") is the oracle it must agree with. */
class LatencyTextTest {

    private static String oracle(long nanos) {
        return nanos < 1_000_000_000L ? String.format(Locale.ROOT, "%.3f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    @Test
    void agreesWithStringFormatAtTheEdgesOfEveryDigit() {
        long[] edges = {0, 1, 499, 500, 501, 999, 1_000, 1_499, 1_500, 9_999_499, 9_999_500, 999_999_499,
                999_999_500, 999_999_999, 1_000_000_000, 1_000_499_999, 1_000_500_000, 15_195_000_000L,
                86_400_000_000_000L, -1, -499, -500, -1_500, -2_000_000};
        for (long n : edges) {
            assertEquals(oracle(n), Transaction.latencyText(n), "nanos " + n);
        }
    }

    @Test
    void agreesWithStringFormatOnRandomLatencies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long n = random.nextLong(1L << (1 + random.nextInt(46)));
            assertEquals(oracle(n), Transaction.latencyText(n), "nanos " + n);
        }
    }
}
