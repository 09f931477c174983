package dev.tern.bitnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tern.bitnet.tensor.PackedTernaryMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceTernaryMatmulTest {
    private final Random random = new Random(11);

    @Test
    void matchesTheDefinitionForEveryColumnCountModuloFour() {
        for (int cols = 1; cols <= 13; cols++) {
            PackedTernaryMatrix w = randomMatrix(7, cols);
            byte[][] x = randomActivations(3, cols);
            assertProductsEqualDefinition(ReferenceTernaryMatmul.singleThreaded(), w, x);
        }
    }

    @Test
    void matchesTheDefinitionOnRandomDataAcrossSliceBoundaries() {
        for (int cols : new int[] {31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 255, 2560}) {
            assertProductsEqualDefinition(ReferenceTernaryMatmul.singleThreaded(), randomMatrix(11, cols),
                    randomActivations(2, cols));
        }
    }

    @Test
    void extremeActivationsStayExact() {
        int cols = 1024;
        PackedTernaryMatrix w = PackedTernaryMatrix.zeros(2, cols);
        byte[] x = new byte[cols];
        for (int c = 0; c < cols; c++) {
            w.set(0, c, 1);
            w.set(1, c, -1);
            x[c] = -128;
        }
        int[] out = new int[2];
        ReferenceTernaryMatmul.singleThreaded().multiply(w, x, out);
        assertArrayEquals(new int[] {-128 * cols, 128 * cols}, out);
    }

    @Test
    void weightsReadFromCanonicalCodesMultiplyLikeTheirTrits() {
        byte[] codes = {(byte) 0x86, (byte) 0x19}; // codes 2,1,0,2 then 1,2,1; the code past the row is ignored
        int[] out = new int[1];
        ReferenceTernaryMatmul.singleThreaded().multiply(PackedTernaryMatrix.fromCodes(1, 7, codes),
                new byte[] {1, 2, 3, 4, 5, 6, 7}, out);
        assertArrayEquals(new int[] {1 - 3 + 4 + 6}, out);
    }

    @Test
    void threadsAndBatchesLargerThanOnePassGiveTheSameResult() {
        PackedTernaryMatrix w = randomMatrix(1000, 300);
        byte[][] x = randomActivations(37, 300);
        try (WorkerPool pool = new WorkerPool(3)) {
            assertProductsEqualDefinition(new ReferenceTernaryMatmul(pool), w, x);
        }
    }

    @Test
    void callsAlternatingBetweenShapesReuseTablesCorrectly() {
        ReferenceTernaryMatmul matmul = ReferenceTernaryMatmul.singleThreaded();
        PackedTernaryMatrix wide = randomMatrix(5, 200);
        PackedTernaryMatrix narrow = randomMatrix(9, 12);
        for (int round = 0; round < 3; round++) {
            assertProductsEqualDefinition(matmul, wide, randomActivations(4, 200));
            assertProductsEqualDefinition(matmul, narrow, randomActivations(20, 12));
        }
    }

    @Test
    void wrongActivationLengthNamesTheShapes() {
        PackedTernaryMatrix w = randomMatrix(4, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReferenceTernaryMatmul.singleThreaded().multiply(w, new byte[7], new int[4]));
        org.junit.jupiter.api.Assertions.assertEquals(
                "activation vector 0 has 7 values, the 4 x 8 matrix needs 8", e.getMessage());
    }

    static void assertProductsEqualDefinition(TernaryMatmul matmul, PackedTernaryMatrix w, byte[][] x) {
        int[][] out = new int[x.length][w.rows()];
        matmul.multiply(w, x, out);
        for (int b = 0; b < x.length; b++) {
            int[] expected = new int[w.rows()];
            for (int r = 0; r < w.rows(); r++) {
                for (int c = 0; c < w.cols(); c++) {
                    expected[r] += w.trit(r, c) * x[b][c];
                }
            }
            assertArrayEquals(expected, out[b], "token " + b + " of a " + w.rows() + " x " + w.cols() + " matrix");
        }
    }

    private PackedTernaryMatrix randomMatrix(int rows, int cols) {
        PackedTernaryMatrix w = PackedTernaryMatrix.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w.set(r, c, random.nextInt(3) - 1);
            }
        }
        return w;
    }

    private byte[][] randomActivations(int tokens, int cols) {
        byte[][] x = new byte[tokens][cols];
        for (byte[] row : x) {
            random.nextBytes(row);
        }
        return x;
    }
}
