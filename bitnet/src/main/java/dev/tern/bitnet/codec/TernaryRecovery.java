package dev.tern.bitnet.codec;

import dev.tern.bitnet.tensor.DenseMatrix;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import dev.tern.bitnet.tensor.TernaryCode;
import dev.tern.bitnet.tensor.TernaryWeight;

/**
 * Recovers trits and the per-tensor scale from a full-precision BitLinear weight (an F16 or F32
 * GGUF, a BF16 checkpoint) that holds {@code trit * scale} in every element. Every non-zero element
 * must have the same magnitude, which becomes the scale (so an F16 file yields the fp16 rounding
 * of the original scale); anything else is not a BitNet weight and is an error naming the first
 * offending element. Both signed zeros are trit 0. An all-zero matrix gets scale 0.
 */
public final class TernaryRecovery {
    private TernaryRecovery() {
    }

    public static TernaryWeight recover(DenseMatrix matrix, TensorLocation where) {
        int rows = matrix.rows();
        int cols = matrix.cols();
        byte[] out = PackedTernaryMatrix.zeroCodes(rows, cols);
        float[] row = new float[cols];
        float scale = Float.NaN;
        for (int r = 0; r < rows; r++) {
            matrix.copyRow(r, row);
            for (int c = 0; c < cols; c++) {
                float value = row[c];
                if (value == 0f) {
                    continue;
                }
                float magnitude = Math.abs(value);
                if (Float.isNaN(scale)) {
                    if (!Float.isFinite(value)) {
                        throw notTernary(where, r, c, value, "is not finite");
                    }
                    scale = magnitude;
                } else if (magnitude != scale) {
                    throw notTernary(where, r, c, value, "is not 0 or +-" + scale
                            + " (the magnitude of the first non-zero element)");
                }
                PackedTernaryMatrix.putCode(out, cols, r, c, value > 0 ? TernaryCode.PLUS_ONE : TernaryCode.MINUS_ONE);
            }
        }
        return new TernaryWeight(PackedTernaryMatrix.fromCodes(rows, cols, out), Float.isNaN(scale) ? 0f : scale);
    }

    private static ModelFormatException notTernary(TensorLocation where, int row, int col, float value, String why) {
        return where.error("element (" + row + ", " + col + ") = " + value + " " + why
                + "; a BitNet weight is ternary times one scale");
    }
}
