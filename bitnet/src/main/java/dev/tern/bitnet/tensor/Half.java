package dev.tern.bitnet.tensor;

/**
 * IEEE 754 binary16 ("fp16", GGUF F16, safetensors F16) conversions, exact in both directions:
 * subnormals, signed zeros, infinities and NaN payloads survive a trip through {@code float}, and
 * {@link #fromFloat} rounds to nearest, ties to even, like hardware converters and ggml do.
 *
 * <p>This is the one place the project converts fp16; every codec uses it.
 */
public final class Half {
    private static final int FLOAT_EXPONENT_BIAS_DIFFERENCE = 127 - 15;
    /** fp16's all-ones exponent (infinity, NaN) at float's exponent position. */
    private static final int INFINITY_MAGNITUDE = 0x1F << 23;
    /** What turns fp16's all-ones exponent at float's position into float's all-ones exponent. */
    private static final int INFINITY_EXPONENT_SHIFT = (0xFF - 0x1F) << 23;

    private Half() {
    }

    /** The float value of the fp16 bit pattern {@code bits} (only the low 16 bits are used). */
    public static float toFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        // The exponent and mantissa moved to float's positions: exactly 2^-112 times the value, for normal
        // and subnormal fp16 alike, so one exact multiplication finishes them without a branch.
        int magnitude = (bits & 0x7FFF) << 13;
        if (magnitude >= INFINITY_MAGNITUDE) {
            return Float.intBitsToFloat(sign | (magnitude + INFINITY_EXPONENT_SHIFT));
        }
        return Float.intBitsToFloat(sign | magnitude) * 0x1p112f;
    }

    /** Converts {@code count} fp16 bit patterns from {@code bits} into {@code dst}, each as {@link #toFloat(short)}. */
    public static void toFloat(short[] bits, float[] dst, int count) {
        float[] table = Table.VALUES;
        for (int i = 0; i < count; i++) {
            dst[i] = table[bits[i] & 0xFFFF];
        }
    }

    /**
     * {@link #toFloat(short)} of every bit pattern, indexed by the unsigned pattern (256 KB, built on first
     * use): in bulk a table load is several times faster than the arithmetic. Callers must not modify it.
     */
    static final class Table {
        static final float[] VALUES = build();

        private Table() {
        }

        private static float[] build() {
            float[] values = new float[1 << 16];
            for (int bits = 0; bits < values.length; bits++) {
                values[bits] = toFloat((short) bits);
            }
            return values;
        }
    }

    /** The fp16 bit pattern nearest to {@code value} (ties to even); overflow gives infinity. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7FFFFFFF;
        if (magnitude >= 0x7F800000) {
            if (magnitude == 0x7F800000) {
                return (short) (sign | 0x7C00);
            }
            // keep the top payload bits; a payload that truncates to zero must stay a NaN
            int payload = (magnitude >>> 13) & 0x3FF;
            return (short) (sign | 0x7C00 | (payload == 0 ? 0x200 : payload));
        }
        if (magnitude >= 0x477FF000) {
            // at or above 65520, halfway between 65504 and 2^16: ties to even rounds to infinity
            return (short) (sign | 0x7C00);
        }
        if (magnitude >= 0x38800000) {
            // normal fp16 range: drop 13 mantissa bits; a carry correctly ripples into the exponent
            int h = ((magnitude >>> 23) - FLOAT_EXPONENT_BIAS_DIFFERENCE) << 10 | ((magnitude >>> 13) & 0x3FF);
            return (short) (sign | roundDropped(h, magnitude & 0x1FFF, 13));
        }
        int biasedExponent = magnitude >>> 23;
        int shift = 126 - biasedExponent; // value = significand * 2^-shift in units of 2^-24
        if (shift > 24) {
            return (short) sign; // below half of the smallest subnormal: rounds to zero
        }
        int significand = (magnitude & 0x7FFFFF) | 0x800000;
        int h = significand >>> shift;
        return (short) (sign | roundDropped(h, significand & ((1 << shift) - 1), shift));
    }

    /** Rounds the kept bits {@code kept} up when the {@code droppedBits}-wide remainder says so (ties to even). */
    private static int roundDropped(int kept, int remainder, int droppedBits) {
        int half = 1 << (droppedBits - 1);
        if (remainder > half || (remainder == half && (kept & 1) != 0)) {
            return kept + 1;
        }
        return kept;
    }

    /** {@code value} rounded to the nearest fp16 value and back, the value an F16 file stores for it. */
    public static float round(float value) {
        return toFloat(fromFloat(value));
    }
}
