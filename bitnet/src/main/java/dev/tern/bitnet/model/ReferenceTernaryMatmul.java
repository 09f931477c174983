package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import java.util.Arrays;

/**
 * The software {@link TernaryMatmul}: exact, multithreaded, and working on the packed weights directly.
 *
 * <p>Bit-sliced over the matrix's masks: each activation vector is split once per call into its eight
 * two's-complement bit planes, 32 activations to a word like the weights' mask words (bit {@code j} of plane word
 * {@code 8w + k} is bit k of activation {@code 32w + j}). The dot product of the 32 weights of one mask word with
 * their activations is then {@code sum over bit k of s_k * (popcount(plus & plane_k) - popcount(minus & plane_k))},
 * with {@code s_k = 2^k} and {@code s_7 = -128}: ands, population counts and additions only, as in hardware.
 *
 * <p>The inner loop runs down the rows of one word column, adding one word's sum into each row's total: the same
 * operations on consecutive array elements, which the JIT compiles to vector instructions (AVX-512 has a vector
 * population count). Its body is kept small and reads only one mask array, which is what HotSpot 17 needs to
 * vectorise it. Rows go in blocks whose masks and totals stay in the first-level cache while every word column
 * and every token of the batch passes over them, and blocks are split between the pool's threads.
 */
public final class ReferenceTernaryMatmul implements TernaryMatmul {
    private static final int PLANES = 8;
    /** Rows per block: their totals and one word column's masks take a few KB of first-level cache. */
    private static final int ROWS_PER_BLOCK = 1024;
    /** Weights per parallel piece: enough that handing out a piece costs little next to it. */
    private static final int WEIGHTS_PER_PIECE = 1 << 18;

    private final WorkerPool pool;

    public ReferenceTernaryMatmul(WorkerPool pool) {
        this.pool = pool;
    }

    /** A single-threaded instance. */
    public static ReferenceTernaryMatmul singleThreaded() {
        return new ReferenceTernaryMatmul(WorkerPool.singleThreaded());
    }

    @Override
    public void multiply(PackedTernaryMatrix w, byte[][] xq, int[][] out) {
        TernaryMatmul.checkShapes(w, xq, out);
        int tokens = xq.length;
        int words = PackedTernaryMatrix.wordColumns(w.cols());
        int[][] planes = new int[tokens][];
        pool.forRange(tokens, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                planes[t] = bitPlanes(xq[t], words);
            }
        });
        int grain = Math.max(1, WEIGHTS_PER_PIECE / Math.max(1, w.cols() * tokens));
        pool.forRange(w.rows(), grain, (from, to) -> {
            for (int[] totals : out) {
                Arrays.fill(totals, from, to, 0);
            }
            for (int first = from; first < to; first += ROWS_PER_BLOCK) {
                int last = Math.min(to, first + ROWS_PER_BLOCK);
                for (int word = 0; word < words; word++) {
                    int[] plus = w.plusMasks(word);
                    int[] minus = w.minusMasks(word);
                    for (int t = 0; t < tokens; t++) {
                        accumulate(plus, 1, planes[t], PLANES * word, out[t], first, last);
                        accumulate(minus, -1, planes[t], PLANES * word, out[t], first, last);
                    }
                }
            }
        });
    }

    /**
     * Plane word {@code 8w + k} has bit {@code j} set when bit k of activation {@code 32w + j} is set; activations
     * past the end are 0.
     */
    private static int[] bitPlanes(byte[] x, int words) {
        int[] planes = new int[words * PLANES];
        for (int c = 0; c < x.length; c++) {
            int bits = x[c] & 0xFF;
            int base = (c / PackedTernaryMatrix.WORD_COLUMNS) * PLANES;
            int position = 1 << (c % PackedTernaryMatrix.WORD_COLUMNS);
            while (bits != 0) {
                planes[base + Integer.numberOfTrailingZeros(bits)] |= position;
                bits &= bits - 1;
            }
        }
        return planes;
    }

    /**
     * Adds {@code sign} times the dot product of each row's mask word with the activation word whose planes start
     * at {@code planes[p]} to {@code totals[r]}, for rows {@code [from, to)}. Two's complement: the top bit of an
     * INT8 weighs -128. The planes are loaded once, outside the loop, which is all vector operations.
     */
    private static void accumulate(int[] masks, int sign, int[] planes, int p, int[] totals, int from, int to) {
        int x0 = planes[p], x1 = planes[p + 1], x2 = planes[p + 2], x3 = planes[p + 3];
        int x4 = planes[p + 4], x5 = planes[p + 5], x6 = planes[p + 6], x7 = planes[p + 7];
        for (int r = from; r < to; r++) {
            int m = masks[r];
            totals[r] += sign * (Integer.bitCount(m & x0) + (Integer.bitCount(m & x1) << 1)
                    + (Integer.bitCount(m & x2) << 2) + (Integer.bitCount(m & x3) << 3)
                    + (Integer.bitCount(m & x4) << 4) + (Integer.bitCount(m & x5) << 5)
                    + (Integer.bitCount(m & x6) << 6) - (Integer.bitCount(m & x7) << 7));
        }
    }
}
