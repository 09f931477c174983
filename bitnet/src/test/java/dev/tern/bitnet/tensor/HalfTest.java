package dev.tern.bitnet.tensor;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfTest {
    /** Every finite non-negative fp16 value, ascending (bit patterns 0x0000..0x7BFF are ordered). */
    private static final double[] FINITE = new double[0x7C00];

    static {
        for (int bits = 0; bits < 0x7C00; bits++) {
            int exponent = bits >>> 10;
            int mantissa = bits & 0x3FF;
            FINITE[bits] = exponent == 0 ? mantissa * Math.pow(2, -24)
                    : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
        }
    }

    /** The nearest fp16 by searching the value table, ties to the even pattern: independent of Half. */
    private static short oracle(float value) {
        double magnitude = Math.abs((double) value);
        int sign = (Float.floatToRawIntBits(value) >>> 16) & 0x8000;
        if (magnitude >= 65520.0) {
            return (short) (sign | 0x7C00);
        }
        int index = Arrays.binarySearch(FINITE, magnitude);
        if (index >= 0) {
            return (short) (sign | index);
        }
        int above = -index - 1;
        int below = above - 1;
        double toBelow = magnitude - FINITE[below];
        double toAbove = FINITE[above] - magnitude;
        int chosen = toBelow < toAbove ? below : toAbove < toBelow ? above : (below % 2 == 0 ? below : above);
        return (short) (sign | chosen);
    }

    @Test
    void everyBitPatternSurvivesTheTripThroughFloat() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            float value = Half.toFloat((short) bits);
            assertEquals(bits, Half.fromFloat(value) & 0xFFFF, "pattern " + Integer.toHexString(bits));
        }
    }

    @Test
    void everyBitPatternDecodesToItsTextbookValue() {
        short[] all = new short[1 << 16];
        for (int bits = 0; bits < all.length; bits++) {
            all[bits] = (short) bits;
        }
        float[] bulk = new float[all.length];
        Half.toFloat(all, bulk, all.length);
        for (int bits = 0; bits < all.length; bits++) {
            int exponent = (bits >>> 10) & 0x1F;
            int mantissa = bits & 0x3FF;
            float expected;
            if (exponent == 0x1F) {
                expected = Float.intBitsToFloat(((bits & 0x8000) << 16) | 0x7F800000 | (mantissa << 13));
            } else {
                double magnitude = exponent == 0 ? Math.scalb((double) mantissa, -24)
                        : Math.scalb(1024.0 + mantissa, exponent - 25);
                expected = (float) ((bits & 0x8000) != 0 ? -magnitude : magnitude);
            }
            String pattern = "pattern " + Integer.toHexString(bits);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(Half.toFloat((short) bits)), pattern);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(bulk[bits]), pattern);
        }
    }

    @Test
    void decodesSubnormalsZerosInfinitiesAndNaN() {
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
        assertEquals(1023 * 0x1p-24f, Half.toFloat((short) 0x03FF));
        assertEquals(0x1p-14f, Half.toFloat((short) 0x0400));
        assertEquals(65504f, Half.toFloat((short) 0x7BFF));
        assertEquals(1f, Half.toFloat((short) 0x3C00));
        assertEquals(-2f, Half.toFloat((short) 0xC000));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Half.toFloat((short) 0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat((short) 0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, Half.toFloat((short) 0xFC00));
        assertTrue(Float.isNaN(Half.toFloat((short) 0x7E00)));
        assertTrue(Float.isNaN(Half.toFloat((short) 0x7C01)));
    }

    @Test
    void roundsToNearestEvenAtTheEdges() {
        assertEquals(0x7BFF, Half.fromFloat(65519.99f) & 0xFFFF);
        assertEquals(0x7C00, Half.fromFloat(65520f) & 0xFFFF);
        assertEquals(0x0000, Half.fromFloat(0x1p-25f) & 0xFFFF, "half the smallest subnormal ties to 0");
        assertEquals(0x0001, Half.fromFloat(Math.nextUp(0x1p-25f)) & 0xFFFF);
        assertEquals(0x0002, Half.fromFloat(3 * 0x1p-25f) & 0xFFFF, "1.5 units ties to 2");
        assertEquals(0x3C00, Half.fromFloat(1f + 0x1p-11f) & 0xFFFF, "tie between 1 and 1+2^-10 goes to 1");
        assertEquals(0x3C02, Half.fromFloat(1f + 3 * 0x1p-11f) & 0xFFFF, "tie goes to even 1+2^-9");
        assertEquals(0x0400, Half.fromFloat(0x1p-14f - 0x1p-26f) & 0xFFFF, "rounds up into the normals");
        assertEquals(0x8000, Half.fromFloat(-1e-10f) & 0xFFFF);
        assertEquals(0xFC00, Half.fromFloat(-1e10f) & 0xFFFF);
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.intBitsToFloat(0x7F800001)))),
                "a NaN whose payload is in the dropped bits stays NaN");
    }

    @Test
    void matchesTheNearestValueOracleOnRandomFloats() {
        Random random = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            float value = switch (i % 3) {
                case 0 -> Float.intBitsToFloat(random.nextInt());
                case 1 -> (float) (random.nextGaussian() * Math.pow(2, random.nextInt(40) - 28));
                default -> (float) (random.nextDouble() * 70000 - 35000);
            };
            if (Float.isNaN(value)) {
                continue;
            }
            assertEquals(oracle(value), Half.fromFloat(value), "value " + value);
        }
    }

    @Test
    void bfloat16RoundsToNearestEvenAndKeepsNaN() {
        assertEquals(1f, BFloat16.round(1f + 0x1p-8f), "tie to even");
        assertEquals(1f + 0x1p-6f, BFloat16.round(1f + 3 * 0x1p-8f), "tie to even upwards");
        assertEquals(1f + 0x1p-7f, BFloat16.round(1f + 0x1p-8f + 0x1p-20f));
        assertEquals(Float.POSITIVE_INFINITY, BFloat16.round(Float.MAX_VALUE));
        assertTrue(Float.isNaN(BFloat16.round(Float.intBitsToFloat(0x7F800001))));
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            float value = BFloat16.toFloat((short) bits);
            if (!Float.isNaN(value)) {
                assertEquals(bits, BFloat16.fromFloat(value) & 0xFFFF);
            }
        }
    }
}
