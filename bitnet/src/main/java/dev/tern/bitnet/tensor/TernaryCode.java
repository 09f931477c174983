package dev.tern.bitnet.tensor;

/**
 * The 2-bit code of one ternary weight, as every BitNet file format in the wild stores it:
 * {@code code = trit + 1}, so 0 means -1, 1 means 0 and 2 means +1. Code 3 never encodes a weight.
 */
public final class TernaryCode {
    public static final int MINUS_ONE = 0;
    public static final int ZERO = 1;
    public static final int PLUS_ONE = 2;

    private TernaryCode() {
    }

    public static int encode(int trit) {
        if (trit < -1 || trit > 1) {
            throw new IllegalArgumentException("not a trit: " + trit);
        }
        return trit + 1;
    }

    /** The trit of a 2-bit code; code 3 is rejected because no writer produces it for a weight. */
    public static int decode(int code) {
        if (code < 0 || code > 2) {
            throw new IllegalArgumentException("not a ternary weight code: " + code);
        }
        return code - 1;
    }

    public static boolean isValid(int code) {
        return code >= 0 && code <= 2;
    }
}
