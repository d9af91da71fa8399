package org.nlscope.pcap;

import java.math.BigInteger;

/**
 * A pcapng interface's {@code if_tsresol}: timestamp units of 10^-n seconds, or 2^-n
 * seconds when the top bit of the option byte is set. The default is microseconds.
 */
record TimestampResolution(boolean powerOfTwo, int exponent) {

    static final TimestampResolution MICROS = new TimestampResolution(false, 6);
    static final TimestampResolution NANOS = new TimestampResolution(false, 9);

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    static TimestampResolution fromOption(int value) {
        return new TimestampResolution((value & 0x80) != 0, value & 0x7f);
    }

    /**
     * Nanoseconds for a count of units (an unsigned 64-bit value).
     *
     * @throws ArithmeticException when the result does not fit a long
     */
    long toNanos(long units) {
        if (!powerOfTwo && exponent <= 9) {
            if (units < 0) {
                throw new ArithmeticException("timestamp overflow");
            }
            return Math.multiplyExact(units, pow10(9 - exponent));
        }
        if (!powerOfTwo) {
            int shift = exponent - 9;
            return shift > 18 ? 0 : Long.divideUnsigned(units, pow10(shift));
        }
        BigInteger u = new BigInteger(Long.toUnsignedString(units));
        return u.multiply(NANOS_PER_SECOND).shiftRight(exponent).longValueExact();
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
