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

    private Half() {
    }

    /** The float value of the fp16 bit pattern {@code bits} (only the low 16 bits are used). */
    public static float toFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24, exact in float
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + FLOAT_EXPONENT_BIAS_DIFFERENCE) << 23) | (mantissa << 13));
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
