package dev.tern.bitnet.infer;

import dev.tern.bitnet.model.BitNetException;

/** A candidate matmul backend gave a result that differs from the reference. */
public class MatmulMismatchException extends BitNetException {
    private final transient MatmulMismatch mismatch;

    public MatmulMismatchException(MatmulMismatch mismatch) {
        super("ternary matmul mismatch: " + mismatch);
        this.mismatch = mismatch;
    }

    public MatmulMismatch mismatch() {
        return mismatch;
    }
}
