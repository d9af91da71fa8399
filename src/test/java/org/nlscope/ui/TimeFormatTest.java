package org.nlscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seconds are written digit by digit; String.format is the oracle they must agree with. */
class TimeFormatTest {

    private static String oracle(long nanos) {
        long micros = Math.floorDiv(nanos, 1000);
        return String.format(Locale.ROOT, "%s%d.%06d", micros < 0 ? "-" : "",
                Math.abs(micros / 1_000_000), Math.abs(micros % 1_000_000));
    }

    @Test
    void secondsAgreeWithStringFormat() {
        SplittableRandom random = new SplittableRandom(11);
        long[] edges = {0, 999, 1_000, 999_999, 1_000_000, 1_000_000_000, -1, -1_000, -1_000_001, -2_500_000_000L,
                1_795_398_080_613_028_700L};
        for (long n : edges) {
            assertEquals(oracle(n), TimeFormat.EPOCH.format(n, 0, n), "nanos " + n);
        }
        for (int i = 0; i < 100_000; i++) {
            long n = random.nextLong(-(1L << 40), 1L << 61);
            assertEquals(oracle(n), TimeFormat.EPOCH.format(n, 0, n), "nanos " + n);
            assertEquals(oracle(n - 5_000), TimeFormat.RELATIVE.format(n, 5_000, n), "nanos " + n);
            assertEquals(oracle(n - 7), TimeFormat.DELTA.format(n, 0, 7), "nanos " + n);
        }
    }
}
