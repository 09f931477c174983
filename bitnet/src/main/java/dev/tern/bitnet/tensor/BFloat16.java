package dev.tern.bitnet.tensor;

/**
 * bfloat16 (safetensors BF16, GGUF BF16) conversions: the upper half of a float. {@link #fromFloat}
 * rounds to nearest, ties to even, and keeps NaNs NaN (quieted), as PyTorch does.
 */
public final class BFloat16 {
    private BFloat16() {
    }

    public static float toFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** Converts {@code count} bfloat16 bit patterns from {@code bits} into {@code dst}, each as {@link #toFloat(short)}. */
    public static void toFloat(short[] bits, float[] dst, int count) {
        for (int i = 0; i < count; i++) {
            dst[i] = toFloat(bits[i]);
        }
    }

    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7FFFFFFF) > 0x7F800000) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** {@code value} rounded to the nearest bfloat16 value and back. */
    public static float round(float value) {
        return toFloat(fromFloat(value));
    }
}
