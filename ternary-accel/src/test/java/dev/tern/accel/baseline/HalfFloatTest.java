package dev.tern.accel.baseline;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfFloatTest {
    private static final int LARGEST_FINITE = 0x7bff;

    /**
     * An independent rounder for the tests: binary search for the halves around {@code value}, then the nearer
     * by exact decimal distance, ties to the even pattern. Above the largest finite half the next value is
     * 2^16 standing for infinity, as IEEE 754 prescribes for overflow in round to nearest.
     */
    static int nearestHalf(double value) {
        if (Double.isNaN(value)) {
            return HalfFloat.CANONICAL_NAN;
        }
        int sign = Double.doubleToRawLongBits(value) < 0 ? HalfFloat.SIGN : 0;
        double magnitude = Math.abs(value);
        int low = 0;
        int high = LARGEST_FINITE;
        if (magnitude >= 65536) {
            return sign | HalfFloat.POSITIVE_INFINITY;
        }
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (HalfFloat.toDouble(middle) <= magnitude) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal below = new BigDecimal(HalfFloat.toDouble(low));
        BigDecimal above = new BigDecimal(low == LARGEST_FINITE ? 65536 : HalfFloat.toDouble(low + 1));
        int toBelow = exact.subtract(below).compareTo(above.subtract(exact));
        boolean up = toBelow > 0 || toBelow == 0 && (low & 1) == 1;
        return sign | (up ? low + 1 : low);
    }

    @Test
    void everyPatternSurvivesTheRoundTripThroughDouble() {
        for (int half = 0; half <= 0xffff; half++) {
            int expected = HalfFloat.isNaN(half) ? HalfFloat.CANONICAL_NAN : half;
            assertEquals(expected, HalfFloat.fromDouble(HalfFloat.toDouble(half)), () -> Integer.toHexString(expected));
        }
    }

    @Test
    void roundingAgreesWithTheSearchOnEveryBoundaryBetweenHalves() {
        for (int low = 0; low <= LARGEST_FINITE; low++) {
            double below = HalfFloat.toDouble(low);
            double above = low == LARGEST_FINITE ? 65536 : HalfFloat.toDouble(low + 1);
            double middle = (below + above) / 2;
            for (double value : new double[]{middle, Math.nextUp(middle), Math.nextDown(middle), Math.nextUp(below),
                    Math.nextDown(above), below + (above - below) / 4, below + 3 * (above - below) / 4}) {
                assertEquals(nearestHalf(value), HalfFloat.fromDouble(value), () -> "value " + value);
                assertEquals(nearestHalf(-value), HalfFloat.fromDouble(-value), () -> "value " + -value);
            }
        }
    }

    @Test
    void roundingAgreesWithTheSearchOnRandomDoublesOfEveryHalfMagnitude() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double value = Math.scalb(random.nextDouble(1, 2), random.nextInt(-30, 18)) * (random.nextBoolean() ? 1 : -1);
            assertEquals(nearestHalf(value), HalfFloat.fromDouble(value), () -> "value " + value);
        }
        assertEquals(HalfFloat.POSITIVE_INFINITY, HalfFloat.fromDouble(1e300));
        assertEquals(HalfFloat.SIGN, HalfFloat.fromDouble(-Double.MIN_VALUE));
        assertEquals(HalfFloat.CANONICAL_NAN, HalfFloat.fromDouble(Double.NaN));
    }

    @Test
    void doubleProductsAndSumsOfHalvesAreExact() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            int a = random.nextInt(0x10000);
            int b = random.nextInt(0x10000);
            if ((a & 0x7c00) == 0x7c00 || (b & 0x7c00) == 0x7c00) {
                continue;
            }
            BigDecimal x = new BigDecimal(HalfFloat.toDouble(a));
            BigDecimal y = new BigDecimal(HalfFloat.toDouble(b));
            assertEquals(0, x.multiply(y).compareTo(new BigDecimal(HalfFloat.toDouble(a) * HalfFloat.toDouble(b))));
            assertEquals(0, x.add(y).compareTo(new BigDecimal(HalfFloat.toDouble(a) + HalfFloat.toDouble(b))));
        }
    }

    @Test
    void multiplyHandlesEverySpecialClass() {
        assertEquals(0x3c00, HalfFloat.multiply(0x3c00, 0x3c00));
        assertEquals(0xc200, HalfFloat.multiply(0x3c00 | HalfFloat.SIGN, 0x4200));
        assertEquals(HalfFloat.SIGN, HalfFloat.multiply(HalfFloat.SIGN, 0x3c00), "-0 * 1");
        assertEquals(HalfFloat.SIGN, HalfFloat.multiply(0x0001, 0x8001), "underflow keeps the sign");
        assertEquals(0x0000, HalfFloat.multiply(0x0001, 0x3800), "2^-24 * 0.5 is a tie, to even 0");
        assertEquals(0x0002, HalfFloat.multiply(0x0003, 0x3800), "1.5 units is a tie, to even 2");
        assertEquals(0x0400, HalfFloat.multiply(0x03ff, 0x3c01), "a subnormal rounds up to the smallest normal");
        assertEquals(HalfFloat.POSITIVE_INFINITY, HalfFloat.multiply(LARGEST_FINITE, 0x4000), "overflow");
        assertEquals(HalfFloat.NEGATIVE_INFINITY, HalfFloat.multiply(HalfFloat.NEGATIVE_INFINITY, 0x0001));
        assertEquals(HalfFloat.CANONICAL_NAN, HalfFloat.multiply(HalfFloat.POSITIVE_INFINITY, 0x0000), "inf * 0");
        assertEquals(HalfFloat.CANONICAL_NAN, HalfFloat.multiply(0xfd01, 0x3c00), "a NaN in gives the canonical NaN");
        assertEquals(0x7bff, HalfFloat.multiply(0x5bff, 0x5c00), "65504 = 2047/2048 * 2^16 exactly");
    }

    @Test
    void addHandlesEverySpecialClass() {
        assertEquals(0x0000, HalfFloat.add(0x3c00, 0xbc00), "x - x is +0");
        assertEquals(0x8000, HalfFloat.add(0x8000, 0x8000), "-0 + -0");
        assertEquals(0x0000, HalfFloat.add(0x8000, 0x0000), "-0 + +0");
        assertEquals(0x6800, HalfFloat.add(0x6800, 0x3c00), "2048 + 1 ties to even 2048");
        assertEquals(0x6802, HalfFloat.add(0x6801, 0x3c00), "2050 + 1 ties to even 2052");
        assertEquals(HalfFloat.POSITIVE_INFINITY, HalfFloat.add(LARGEST_FINITE, 0x4c00), "65504 + 16 ties to infinity");
        assertEquals(LARGEST_FINITE, HalfFloat.add(LARGEST_FINITE, 0x4bff), "65504 + 15.99 stays finite");
        assertEquals(0x0400, HalfFloat.add(0x0200, 0x0200), "subnormals add exactly into the smallest normal");
        assertEquals(0x0001, HalfFloat.add(0x0401, 0x8400), "normals cancel into a subnormal");
        assertEquals(HalfFloat.CANONICAL_NAN, HalfFloat.add(HalfFloat.POSITIVE_INFINITY, HalfFloat.NEGATIVE_INFINITY));
        assertEquals(HalfFloat.NEGATIVE_INFINITY, HalfFloat.add(HalfFloat.NEGATIVE_INFINITY, LARGEST_FINITE));
        assertEquals(HalfFloat.CANONICAL_NAN, HalfFloat.add(0x7c01, HalfFloat.POSITIVE_INFINITY));
        assertTrue(HalfFloat.isNaN(0xfe00));
    }
}
