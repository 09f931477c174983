package dev.tern.bitnet.infer;

import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;

/**
 * Runs a reference and a candidate {@link TernaryMatmul} (a hardware model, a simulator, a driver) on every
 * call and compares every output bit for bit. The reference's result is what the caller gets, so one wrong
 * output does not change everything after it and every later call is still a clean comparison.
 * Calls are expected from one thread at a time, as a forward pass makes them.
 */
public final class VerifyingMatmul implements TernaryMatmul {
    /** What a difference does. */
    public enum OnMismatch {
        /** Throw {@link MatmulMismatchException} at the first difference. */
        THROW,
        /** Count differences, keep the first, and go on. */
        COUNT
    }

    private final TernaryMatmul reference;
    private final TernaryMatmul candidate;
    private final OnMismatch onMismatch;
    private long calls;
    private long outputs;
    private long mismatchingCalls;
    private long mismatchingOutputs;
    private MatmulMismatch firstMismatch;

    public VerifyingMatmul(TernaryMatmul reference, TernaryMatmul candidate, OnMismatch onMismatch) {
        this.reference = reference;
        this.candidate = candidate;
        this.onMismatch = onMismatch;
    }

    /** Throws at the first difference. */
    public VerifyingMatmul(TernaryMatmul reference, TernaryMatmul candidate) {
        this(reference, candidate, OnMismatch.THROW);
    }

    @Override
    public void multiply(PackedTernaryMatrix w, byte[][] xq, int[][] out) {
        TernaryMatmul.checkShapes(w, xq, out);
        int[][] candidateOut = new int[out.length][w.rows()];
        candidate.multiply(w, xq, candidateOut);
        reference.multiply(w, xq, out);
        long call = calls++;
        long differing = 0;
        MatmulMismatch first = null;
        for (int b = 0; b < out.length; b++) {
            for (int r = 0; r < w.rows(); r++) {
                if (out[b][r] != candidateOut[b][r]) {
                    differing++;
                    if (first == null) {
                        first = new MatmulMismatch(call, w.rows(), w.cols(), b, r, out[b][r], candidateOut[b][r]);
                    }
                }
            }
        }
        outputs += (long) out.length * w.rows();
        if (differing > 0) {
            mismatchingCalls++;
            mismatchingOutputs += differing;
            if (firstMismatch == null) {
                firstMismatch = first;
            }
            if (onMismatch == OnMismatch.THROW) {
                throw new MatmulMismatchException(first);
            }
        }
    }

    public VerificationReport report() {
        return new VerificationReport(calls, outputs, mismatchingCalls, mismatchingOutputs, firstMismatch);
    }
}
