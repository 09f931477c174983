package dev.tern.accel.baseline;

/**
 * The golden model of the MAC baselines, in the hardware's order of work: {@code in} is cut into tiles of
 * {@code lanes} elements (the last padded with zeros), each row's tile products are summed by a balanced
 * binary tree (level 1 adds lanes {@code 2i} and {@code 2i+1}, each level after it adds neighbouring pairs),
 * and the accumulator takes the first tile's sum as it is and adds each later tile's sum to itself.
 *
 * <p>INT8: the products and tree sums are exact; the INT32 accumulator wraps like Java {@code int}.
 * FP16: every product, tree sum and accumulation is one {@link HalfFloat} operation, rounded to nearest
 * even; padded lanes contribute +0 products, which turn a -0 tile sum into +0 as the hardware does.
 */
public final class MacGolden {
    private MacGolden() {
    }

    /** {@code W . x}: {@code weights} is out x in, {@code x} has in elements, results as {@link MacWords#result} reads them. */
    public static int[] matVec(MacPrecision precision, int[][] weights, int[] x, int lanes) {
        int[] y = new int[weights.length];
        for (int o = 0; o < weights.length; o++) {
            if (weights[o].length != x.length) {
                throw new IllegalArgumentException("weight row " + o + " has " + weights[o].length + " entries, the activation vector "
                        + x.length);
            }
            for (int start = 0; start < x.length; start += lanes) {
                int tile = tileSum(precision, weights[o], x, start, lanes);
                y[o] = start == 0 ? tile : accumulate(precision, y[o], tile);
            }
        }
        return y;
    }

    /** One row's sum over one tile: entries {@code start .. start+lanes-1}, those past the end zero. */
    public static int tileSum(MacPrecision precision, int[] weightRow, int[] x, int start, int lanes) {
        int[] level = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            boolean inside = start + i < x.length;
            level[i] = inside ? multiply(precision, weightRow[start + i], x[start + i]) : multiply(precision, 0, 0);
        }
        for (int size = lanes; size > 1; size /= 2) {
            int[] next = new int[size / 2];
            for (int i = 0; i < next.length; i++) {
                next[i] = accumulate(precision, level[2 * i], level[2 * i + 1]);
            }
            level = next;
        }
        return level[0];
    }

    private static int multiply(MacPrecision precision, int weight, int activation) {
        return precision == MacPrecision.INT8 ? (byte) weight * (byte) activation : HalfFloat.multiply(weight, activation);
    }

    private static int accumulate(MacPrecision precision, int a, int b) {
        return precision == MacPrecision.INT8 ? a + b : HalfFloat.add(a, b);
    }
}
