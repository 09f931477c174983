package dev.tern.accel;

/**
 * The 2-bit weight code of the accelerator, the one used across the BitNet ecosystem (Hugging Face
 * packed tensors, TQ2_0, I2_S): {@code code = trit + 1}, so {@code 0} is -1, {@code 1} is 0 and
 * {@code 2} is +1. Code {@code 3} is never written by an encoder; the hardware reads it as 0 (the
 * same as code 1) so that an uninitialised or padding word can never add anything to a sum, and the
 * golden model does the same.
 */
public final class TernaryWeightCode {
    /** The code of the weight -1. */
    public static final int MINUS_ONE = 0;
    /** The code of the weight 0. */
    public static final int ZERO = 1;
    /** The code of the weight +1. */
    public static final int PLUS_ONE = 2;
    /** The unused code; it reads as weight 0. */
    public static final int UNUSED = 3;
    /** Bits per code. */
    public static final int BITS = 2;

    private TernaryWeightCode() {
    }

    /** The code of a trit in {-1, 0, +1}. */
    public static int encode(int trit) {
        if (trit < -1 || trit > 1) {
            throw new IllegalArgumentException("a ternary weight is -1, 0 or +1, got " + trit);
        }
        return trit + 1;
    }

    /** The trit a 2-bit code stands for; {@link #UNUSED} reads as 0. */
    public static int decode(int code) {
        if (code < 0 || code > UNUSED) {
            throw new IllegalArgumentException("a 2-bit weight code is 0..3, got " + code);
        }
        return code == UNUSED ? 0 : code - 1;
    }
}
