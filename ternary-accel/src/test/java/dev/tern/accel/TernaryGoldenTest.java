package dev.tern.accel;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TernaryGoldenTest {
    @Test
    void handComputedProduct() {
        byte[][] codes = {
                {2, 0, 1, 2},   // +1, -1, 0, +1
                {0, 0, 0, 0},   // all -1
                {3, 3, 2, 1},   // unused codes read as 0
        };
        byte[] x = {5, -7, 100, -128};
        assertArrayEquals(new int[] {5 + 7 - 128, -(5 - 7 + 100 - 128), 100}, TernaryGolden.matVec(codes, x, 16));
    }

    @Test
    void extremeActivationsNeedTheFullRange() {
        byte[][] codes = {{0, 0, 0}, {2, 2, 2}};
        byte[] x = {-128, -128, -128};
        assertArrayEquals(new int[] {384, -384}, TernaryGolden.matVec(codes, x, 2));
    }

    @Test
    void tilesSumToTheWholeRowWhateverTheLaneCount() {
        Random random = new Random(11);
        byte[][] codes = new byte[3][37];
        byte[] x = new byte[37];
        random.nextBytes(x);
        for (byte[] row : codes) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (byte) random.nextInt(3);
            }
        }
        int[] reference = new int[3];
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 37; i++) {
                reference[o] += (codes[o][i] - 1) * x[i];
            }
        }
        for (int lanes : new int[] {1, 16, 32, 64}) {
            assertArrayEquals(reference, TernaryGolden.matVec(codes, x, lanes), "lanes " + lanes);
        }
        assertEquals(reference[0], TernaryGolden.tileDot(codes[0], x, 0, 32) + TernaryGolden.tileDot(codes[0], x, 32, 32));
    }

    @Test
    void mismatchedRowLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TernaryGolden.matVec(new byte[][] {{1, 1}}, new byte[3], 16));
    }
}
