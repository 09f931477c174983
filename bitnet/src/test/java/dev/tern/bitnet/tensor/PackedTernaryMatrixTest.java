package dev.tern.bitnet.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedTernaryMatrixTest {
    private final Random random = new Random(3);

    @Test
    void canonicalCodesRoundTripForColumnCountsAroundMaskWords() {
        for (int cols : new int[] {1, 3, 4, 5, 31, 32, 33, 63, 64, 65, 100}) {
            int rows = 3;
            byte[] trits = randomTrits(rows * cols);
            byte[] codes = PackedTernaryMatrix.zeroCodes(rows, cols);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    PackedTernaryMatrix.putCode(codes, cols, r, c, TernaryCode.encode(trits[r * cols + c]));
                }
            }
            PackedTernaryMatrix m = PackedTernaryMatrix.fromCodes(rows, cols, codes);
            assertEquals(PackedTernaryMatrix.fromTrits(rows, cols, trits), m, cols + " columns");
            assertArrayEquals(codes, m.toCodes(), cols + " columns");
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    assertEquals(trits[r * cols + c], m.trit(r, c), "(" + r + ", " + c + ") of " + cols + " columns");
                }
            }
        }
    }

    @Test
    void masksHoldPlusAndMinusOnesByWordColumnAndRow() {
        PackedTernaryMatrix m = PackedTernaryMatrix.zeros(2, 40);
        m.set(0, 0, 1);
        m.set(0, 33, -1);
        m.set(1, 39, 1);
        m.set(1, 39, -1);
        assertArrayEquals(new int[] {1, 0}, m.plusMasks(0));
        assertArrayEquals(new int[] {0, 0}, m.minusMasks(0));
        assertArrayEquals(new int[] {0, 0}, m.plusMasks(1));
        assertArrayEquals(new int[] {1 << 1, 1 << 7}, m.minusMasks(1));
        assertEquals(TernaryCode.ZERO, m.code(1, 0));
    }

    @Test
    void codeThreeIsRefusedWithItsPosition() {
        byte[] codes = PackedTernaryMatrix.zeroCodes(2, 40);
        PackedTernaryMatrix.putCode(codes, 40, 1, 37, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackedTernaryMatrix.fromCodes(2, 40, codes));
        assertEquals("code 3 at (1, 37) is not a ternary weight", e.getMessage());
    }

    @Test
    void codesOfTheWrongLengthAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackedTernaryMatrix.fromCodes(2, 5, new byte[3]));
        assertEquals("a 2 x 5 ternary matrix packs into 4 bytes, got 3", e.getMessage());
    }

    private byte[] randomTrits(int count) {
        byte[] trits = new byte[count];
        for (int i = 0; i < count; i++) {
            trits[i] = (byte) (random.nextInt(3) - 1);
        }
        return trits;
    }
}
