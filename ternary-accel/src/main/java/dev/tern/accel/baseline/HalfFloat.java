package dev.tern.accel.baseline;

/**
 * IEEE 754 binary16 arithmetic in software, written to be obviously right rather than fast: the
 * golden model the FP16 MAC hardware is checked against.
 *
 * <p>Halves are raw bit patterns in the low 16 bits of an {@code int} (sign 15, exponent 14..10, fraction
 * 9..0). Every finite half is an integer multiple of 2^-24 below 2^16, so a product of two halves
 * (at most 22 significant bits, exponent at least -48) and a sum of two halves (at most 41 significant
 * bits) are exact in a {@code double}. {@link #multiply} and {@link #add} therefore compute the exact
 * result in double arithmetic, signed zeros, infinities and invalid operations included, and round it
 * once with {@link #fromDouble}, round to nearest, ties to even. Every NaN result is the canonical
 * quiet NaN {@value #CANONICAL_NAN_HEX}.
 */
public final class HalfFloat {
    public static final int CANONICAL_NAN = 0x7e00;
    static final String CANONICAL_NAN_HEX = "0x7e00";
    public static final int POSITIVE_INFINITY = 0x7c00;
    public static final int NEGATIVE_INFINITY = 0xfc00;
    public static final int SIGN = 0x8000;
    /** The exponent of a half's last fraction bit when it is subnormal or has the smallest normal exponent. */
    private static final int MIN_QUANTUM_EXPONENT = -24;
    private static final int FRACTION_BITS = 10;
    private static final int MAX_EXPONENT = 15;

    private HalfFloat() {
    }

    /** {@code a * b}, correctly rounded. */
    public static int multiply(int a, int b) {
        return fromDouble(toDouble(a) * toDouble(b));
    }

    /** {@code a + b}, correctly rounded. */
    public static int add(int a, int b) {
        return fromDouble(toDouble(a) + toDouble(b));
    }

    public static boolean isNaN(int half) {
        return (half & 0x7c00) == 0x7c00 && (half & 0x3ff) != 0;
    }

    /** The exact value of a half; NaN for every NaN pattern. */
    public static double toDouble(int half) {
        if ((half & ~0xffff) != 0) {
            throw new IllegalArgumentException("not a 16-bit pattern: 0x" + Integer.toHexString(half));
        }
        boolean negative = (half & SIGN) != 0;
        int exponentField = (half >> FRACTION_BITS) & 0x1f;
        int fraction = half & 0x3ff;
        double magnitude;
        if (exponentField == 0x1f) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exponentField == 0) {
            magnitude = Math.scalb((double) fraction, MIN_QUANTUM_EXPONENT);
        } else {
            magnitude = Math.scalb((double) (fraction | 1 << FRACTION_BITS), exponentField - 25);
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * The half nearest to {@code value}, ties to the one with an even last fraction bit; magnitudes that
     * round beyond the largest finite half (65504) give infinity, NaN gives {@value #CANONICAL_NAN_HEX}.
     */
    public static int fromDouble(double value) {
        if (Double.isNaN(value)) {
            return CANONICAL_NAN;
        }
        int sign = (Double.doubleToRawLongBits(value) < 0) ? SIGN : 0;
        double magnitude = Math.abs(value);
        if (Double.isInfinite(magnitude)) {
            return sign | POSITIVE_INFINITY;
        }
        if (magnitude == 0) {
            return sign;
        }
        // magnitude = significand * 2^exponent exactly, significand a 53-bit integer.
        int exponent = Math.getExponent(magnitude) - 52;
        long significand = (long) Math.scalb(magnitude, -exponent);
        if (Math.getExponent(magnitude) < Double.MIN_EXPONENT) {
            exponent = Double.MIN_EXPONENT - 52;
            significand = (long) Math.scalb(magnitude, -exponent);
        }
        return sign | roundMagnitude(significand, exponent);
    }

    /** The 15-bit magnitude pattern of {@code significand * 2^exponent} ({@code significand > 0}) rounded to a half. */
    private static int roundMagnitude(long significand, int exponent) {
        int topBit = 63 - Long.numberOfLeadingZeros(significand) + exponent;
        // The result's last fraction bit weighs 2^quantum: 10 bits below the leading one, never below 2^-24.
        int quantum = Math.max(topBit - FRACTION_BITS, MIN_QUANTUM_EXPONENT);
        long units = roundShiftRight(significand, quantum - exponent);
        if (units == 0) {
            return 0;
        }
        if (units == 1L << (FRACTION_BITS + 1)) {
            units >>= 1;
            quantum++;
        }
        if (units < 1L << FRACTION_BITS) {
            return (int) units;
        }
        int exponentField = quantum + FRACTION_BITS + MAX_EXPONENT;
        if (exponentField >= 0x1f) {
            return POSITIVE_INFINITY;
        }
        return exponentField << FRACTION_BITS | (int) (units - (1L << FRACTION_BITS));
    }

    /** {@code value / 2^shift} rounded to nearest, ties to even; a negative shift multiplies (exactly, the values are small). */
    private static long roundShiftRight(long value, int shift) {
        if (shift <= 0) {
            return value << -shift;
        }
        if (shift >= 63) {
            return 0;
        }
        long kept = value >>> shift;
        long dropped = value - (kept << shift);
        long half = 1L << (shift - 1);
        if (dropped > half || dropped == half && (kept & 1) == 1) {
            kept++;
        }
        return kept;
    }
}
