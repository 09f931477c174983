package dev.tern.bitnet.infer;

/**
 * The first output where a candidate {@code TernaryMatmul} disagreed with the reference.
 *
 * @param call     0-based index of the matmul call
 * @param rows     rows of the weight matrix of that call
 * @param cols     columns of the weight matrix
 * @param token    activation vector (batch index) of the output
 * @param row      output row
 * @param expected the reference's value
 * @param actual   the candidate's value
 */
public record MatmulMismatch(long call, int rows, int cols, int token, int row, int expected, int actual) {
    @Override
    public String toString() {
        return "matmul call " + call + " (" + rows + " x " + cols + "), token " + token + ", row " + row
                + ": expected " + expected + ", got " + actual;
    }
}
