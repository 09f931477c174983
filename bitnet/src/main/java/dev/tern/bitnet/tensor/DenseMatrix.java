package dev.tern.bitnet.tensor;

/**
 * A rows x cols matrix of full-precision values (embeddings, norms, lm_head), whatever its storage
 * type (F32, F16, BF16; on the heap or memory-mapped). A vector is a 1 x n matrix.
 */
public interface DenseMatrix {
    int rows();

    int cols();

    float get(int row, int col);

    /** Copies one row into {@code dst[0..cols)}; implementations override this for speed. */
    default void copyRow(int row, float[] dst) {
        for (int c = 0; c < cols(); c++) {
            dst[c] = get(row, c);
        }
    }

    /** The dot product of one row with {@code x[0..cols)}, in float; implementations override this for speed. */
    default float dotRow(int row, float[] x) {
        float sum = 0f;
        for (int c = 0; c < cols(); c++) {
            sum += get(row, c) * x[c];
        }
        return sum;
    }

    /**
     * For every row {@code r} in {@code [from, to)} and every vector {@code b}: {@code out[b][r] = dotRow(r, x[b])},
     * bit for bit; implementations override this to read each row once for the whole batch.
     */
    default void dotRows(int from, int to, float[][] x, float[][] out) {
        for (int r = from; r < to; r++) {
            for (int b = 0; b < x.length; b++) {
                out[b][r] = dotRow(r, x[b]);
            }
        }
    }
}
