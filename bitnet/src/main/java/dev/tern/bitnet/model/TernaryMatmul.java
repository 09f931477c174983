package dev.tern.bitnet.model;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;

/**
 * The integer core of BitLinear, and the one thing a hardware accelerator has to compute:
 * for every token {@code b} of a batch and every weight row {@code r},
 * <pre>  out[b][r] = sum over c of trit(r, c) * xq[b][c]</pre>
 * exactly, in 32-bit integers ({@code |out| <= 128 * cols}, which fits for every real shape).
 *
 * <p>One call carries a whole batch: prefill of B prompt tokens multiplies each projection once with
 * {@code B} activation vectors, decode calls with a batch of one. Implementations may therefore
 * stream each weight row once per call and reuse it for every token. The scalings (activation scale,
 * gamma, output scale) stay outside, in floating point.
 *
 * <p>Contract: {@code xq.length == out.length}, every {@code xq[b]} has {@code w.cols()} values and every
 * {@code out[b]} has {@code w.rows()} slots, which the call overwrites. Weight codes are those of
 * {@link PackedTernaryMatrix}; implementations must not change {@code w} or {@code xq}.
 */
public interface TernaryMatmul {
    void multiply(PackedTernaryMatrix w, byte[][] xq, int[][] out);

    /** One activation vector: a batch of one. */
    default void multiply(PackedTernaryMatrix w, byte[] xq, int[] out) {
        multiply(w, new byte[][] {xq}, new int[][] {out});
    }

    /** Checks the shapes of a call against the contract above; implementations call it first. */
    static void checkShapes(PackedTernaryMatrix w, byte[][] xq, int[][] out) {
        if (xq.length != out.length) {
            throw new IllegalArgumentException("batch of " + xq.length + " activation vectors but "
                    + out.length + " output vectors");
        }
        for (int b = 0; b < xq.length; b++) {
            if (xq[b].length != w.cols()) {
                throw new IllegalArgumentException("activation vector " + b + " has " + xq[b].length
                        + " values, the " + w.rows() + " x " + w.cols() + " matrix needs " + w.cols());
            }
            if (out[b].length != w.rows()) {
                throw new IllegalArgumentException("output vector " + b + " has " + out[b].length
                        + " slots, the " + w.rows() + " x " + w.cols() + " matrix needs " + w.rows());
            }
        }
    }
}
