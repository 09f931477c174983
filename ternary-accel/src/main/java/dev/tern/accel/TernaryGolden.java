package dev.tern.accel;

/**
 * The pure-integer golden model of the accelerator: {@code y[o] = sum_i trit[o][i] * x[i]} with
 * ternary weights given as {@link TernaryWeightCode}s, INT8 activations and INT32 results.
 *
 * <p>It follows the hardware's order of work: the {@code in} axis is cut into tiles of {@code lanes}
 * activations (the last tile padded with zero weights), each tile's dot product is exact, and the
 * INT32 accumulator adds the tiles in order, wrapping like the hardware's 32-bit register (Java
 * {@code int} arithmetic wraps the same way). No real shape wraps: |y| is at most 128 * in.
 */
public final class TernaryGolden {
    private TernaryGolden() {
    }

    /** {@code W . x}: {@code codes} is out x in, {@code activations} has in entries. */
    public static int[] matVec(byte[][] codes, byte[] activations, int lanes) {
        int[] y = new int[codes.length];
        for (int o = 0; o < codes.length; o++) {
            if (codes[o].length != activations.length) {
                throw new IllegalArgumentException("weight row " + o + " has " + codes[o].length + " codes, the activation vector "
                        + activations.length + " entries");
            }
            for (int start = 0; start < activations.length; start += lanes) {
                y[o] += tileDot(codes[o], activations, start, lanes);
            }
        }
        return y;
    }

    /** The exact dot product of one tile: entries {@code start .. start+lanes-1}, those past the end counting as zero weights. */
    public static int tileDot(byte[] codeRow, byte[] activations, int start, int lanes) {
        int sum = 0;
        int end = Math.min(activations.length, start + lanes);
        for (int i = start; i < end; i++) {
            int trit = TernaryWeightCode.decode(codeRow[i]);
            if (trit > 0) {
                sum += activations[i];
            } else if (trit < 0) {
                sum -= activations[i];
            }
        }
        return sum;
    }
}
