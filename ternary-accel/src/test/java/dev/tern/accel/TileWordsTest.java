package dev.tern.accel;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TileWordsTest {
    /** A word written out bit field by bit field, lane 0 of row 0 least significant. */
    private static BigInteger fields(int bitsPerField, int... values) {
        BigInteger word = BigInteger.ZERO;
        for (int i = values.length - 1; i >= 0; i--) {
            word = word.shiftLeft(bitsPerField).or(BigInteger.valueOf(values[i]));
        }
        return word;
    }

    @Test
    void twoBitWeightWordsPadPastTheMatrixWithZeroCodes() {
        AcceleratorConfig config = new AcceleratorConfig(16, 2, 1, WeightEncoding.TWO_BIT, 16, 16);
        byte[][] codes = {{2, 0, 3, 2, 0, 1, 2, 0, 0, 2, 1, 0, 2, 2, 0, 1, 2, 2}};
        int z = TernaryWeightCode.ZERO;

        BigInteger secondTile = TileWords.weights(config, codes, 0, 16);

        int[] expected = new int[32];
        java.util.Arrays.fill(expected, z);
        expected[0] = 2;
        expected[1] = 2;
        assertEquals(fields(2, expected), secondTile);
        int[] first = new int[32];
        java.util.Arrays.fill(first, z);
        for (int i = 0; i < 16; i++) {
            first[i] = codes[0][i];
        }
        assertEquals(fields(2, first), TileWords.weights(config, codes, 0, 0));
    }

    @Test
    void base3WeightWordsHoldFiveLanesPerByteAndRowsAtByteBoundaries() {
        AcceleratorConfig config = new AcceleratorConfig(16, 2, 1, WeightEncoding.BASE3, 16, 16);
        byte[][] codes = new byte[2][16];
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < 16; i++) {
                codes[r][i] = (byte) ((r + i) % 3);
            }
        }
        codes[1][4] = (byte) TernaryWeightCode.UNUSED;
        int[] bytes = new int[8];
        for (int r = 0; r < 2; r++) {
            for (int b = 0; b < 4; b++) {
                int[] group = new int[Base3Codec.TRITS_PER_BYTE];
                for (int n = 0; n < group.length; n++) {
                    int lane = 5 * b + n;
                    int code = lane < 16 ? codes[r][lane] : TernaryWeightCode.ZERO;
                    group[n] = code == TernaryWeightCode.UNUSED ? TernaryWeightCode.ZERO : code;
                }
                bytes[4 * r + b] = Base3Codec.encode(group);
            }
        }

        assertEquals(fields(8, bytes), TileWords.weights(config, codes, 0, 0));
    }

    @Test
    void activationWordsHoldLaneIInByteIAndPadWithZeros() {
        byte[] x = {1, -1, 127, -128, 5};
        assertEquals(fields(8, 0xFF, 0x7F, 0x80, 0x05, 0, 0), TileWords.activations(x, 1, 6));
    }
}
