package dev.tern.bitnet.infer;

/**
 * What a {@link VerifyingMatmul} has compared so far.
 *
 * @param calls             matmul calls run on both backends
 * @param outputs           integer outputs compared
 * @param mismatchingCalls  calls with at least one differing output
 * @param mismatchingOutputs differing outputs
 * @param firstMismatch     the first difference, or {@code null} when there was none
 */
public record VerificationReport(long calls, long outputs, long mismatchingCalls, long mismatchingOutputs,
        MatmulMismatch firstMismatch) {

    public boolean bitExact() {
        return mismatchingOutputs == 0;
    }
}
