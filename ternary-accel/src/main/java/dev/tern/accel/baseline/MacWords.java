package dev.tern.accel.baseline;

import java.math.BigInteger;

/**
 * The SRAM words of a MAC baseline, bit for bit as the hardware reads them. Elements are INT8 values
 * (-128..127) or half-precision bit patterns (0..0xffff). An activation word holds {@code lanes} elements,
 * lane {@code i} in bits {@code e*i+e-1..e*i} ({@code e} the element bits); a weight word holds {@code rows}
 * such rows, row {@code r} from bit {@code r * lanes * e}. Entries past the matrix's edge are zeros
 * (+0 in FP16), which pads the tiles that overhang {@code in} or {@code out}.
 */
public final class MacWords {
    private MacWords() {
    }

    /** Elements {@code start .. start+lanes-1} of {@code x}. */
    public static BigInteger activations(MacArrayConfig config, int[] x, int start) {
        return row(config, x, start);
    }

    /** The weights of rows {@code rowStart ..} and columns {@code colStart ..} of {@code weights} (out x in). */
    public static BigInteger weights(MacArrayConfig config, int[][] weights, int rowStart, int colStart) {
        BigInteger word = BigInteger.ZERO;
        for (int r = 0; r < config.rows() && rowStart + r < weights.length; r++) {
            word = word.or(row(config, weights[rowStart + r], colStart).shiftLeft(r * config.rowBits()));
        }
        return word;
    }

    /** Row {@code r}'s result in a result word: an INT32 for INT8, a half pattern for FP16. */
    public static int result(MacArrayConfig config, BigInteger word, int r) {
        int bits = config.precision().resultBits();
        int value = word.shiftRight(bits * r).intValue();
        return bits == 32 ? value : value & ((1 << bits) - 1);
    }

    private static BigInteger row(MacArrayConfig config, int[] elements, int start) {
        int bits = config.precision().elementBits();
        long mask = (1L << bits) - 1;
        BigInteger word = BigInteger.ZERO;
        for (int i = 0; i < config.lanes() && start + i < elements.length; i++) {
            word = word.or(BigInteger.valueOf(elements[start + i] & mask).shiftLeft(bits * i));
        }
        return word;
    }
}
