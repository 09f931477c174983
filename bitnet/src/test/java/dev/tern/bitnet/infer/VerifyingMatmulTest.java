package dev.tern.bitnet.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import dev.tern.bitnet.synth.SyntheticModel;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import org.junit.jupiter.api.Test;

class VerifyingMatmulTest {
    /** A candidate that is right except for one output of one call. */
    private static final class OffByOneAt implements TernaryMatmul {
        private final long badCall;
        private long calls;

        OffByOneAt(long badCall) {
            this.badCall = badCall;
        }

        @Override
        public void multiply(PackedTernaryMatrix w, byte[][] xq, int[][] out) {
            ReferenceTernaryMatmul.singleThreaded().multiply(w, xq, out);
            if (calls++ == badCall) {
                out[xq.length - 1][w.rows() - 1] += 1;
            }
        }
    }

    @Test
    void identicalBackendsAreBitExactOverAWholeGeneration() {
        VerifyingMatmul verifying = new VerifyingMatmul(ReferenceTernaryMatmul.singleThreaded(),
                new ReferenceTernaryMatmul(new WorkerPool(2)));
        Generator generator = new Generator(SyntheticModel.create(BitNetConfig.tiny(), 1).model(), verifying,
                WorkerPool.singleThreaded());
        Generation g = generator.generate("The sea", GenerationOptions.greedy(5), GenerationListener.NONE);
        VerificationReport report = verifying.report();
        assertTrue(report.bitExact());
        assertEquals(g.counts().totalCalls(), report.calls());
        assertEquals(0, report.mismatchingCalls());
    }

    @Test
    void firstDifferenceThrowsNamingCallTokenAndRow() {
        VerifyingMatmul verifying = new VerifyingMatmul(ReferenceTernaryMatmul.singleThreaded(), new OffByOneAt(3));
        Generator generator = new Generator(SyntheticModel.create(BitNetConfig.tiny(), 1).model(), verifying,
                WorkerPool.singleThreaded());
        MatmulMismatchException e = assertThrows(MatmulMismatchException.class,
                () -> generator.generate("The sea", GenerationOptions.greedy(5), GenerationListener.NONE));
        MatmulMismatch m = e.mismatch();
        assertEquals(3, m.call());
        assertEquals(m.expected() + 1, m.actual());
        assertEquals("ternary matmul mismatch: matmul call 3 (128 x 128), token " + m.token() + ", row 127: expected "
                + m.expected() + ", got " + m.actual(), e.getMessage());
    }

    @Test
    void countingModeKeepsGoingAndReturnsTheReferenceResult() {
        VerifyingMatmul verifying = new VerifyingMatmul(ReferenceTernaryMatmul.singleThreaded(), new OffByOneAt(0),
                VerifyingMatmul.OnMismatch.COUNT);
        PackedTernaryMatrix w = PackedTernaryMatrix.fromTrits(2, 3, new byte[] {1, 0, -1, 1, 1, 1});
        int[] out = new int[2];
        verifying.multiply(w, new byte[] {5, 6, 7}, out);
        assertArrayEquals(new int[] {-2, 18}, out);
        verifying.multiply(w, new byte[] {1, 1, 1}, out);
        VerificationReport report = verifying.report();
        assertEquals(2, report.calls());
        assertEquals(4, report.outputs());
        assertEquals(1, report.mismatchingCalls());
        assertEquals(1, report.mismatchingOutputs());
        assertEquals(new MatmulMismatch(0, 2, 3, 0, 1, 18, 19), report.firstMismatch());
    }
}
