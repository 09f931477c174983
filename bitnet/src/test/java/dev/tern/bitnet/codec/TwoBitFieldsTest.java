package dev.tern.bitnet.codec;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoBitFieldsTest {
    private static int cell(int word, int byteIndex, int field) {
        return (word >>> (8 * byteIndex + 2 * field)) & 3;
    }

    @Test
    void transposeMovesEveryCodeFromByteTFieldLToByteLFieldT() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            int word = random.nextInt();
            int transposed = TwoBitFields.transpose(word);
            for (int t = 0; t < 4; t++) {
                for (int l = 0; l < 4; l++) {
                    assertEquals(cell(word, t, l), cell(transposed, l, t));
                }
            }
            assertEquals(word, TwoBitFields.transpose(transposed));
        }
    }

    @Test
    void reverseWithinBytesMirrorsTheFourFields() {
        Random random = new Random(8);
        for (int i = 0; i < 10_000; i++) {
            int word = random.nextInt();
            int reversed = TwoBitFields.reverseWithinBytes(word);
            for (int b = 0; b < 4; b++) {
                for (int f = 0; f < 4; f++) {
                    assertEquals(cell(word, b, f), cell(reversed, b, 3 - f));
                }
            }
        }
    }

    @Test
    void invalidCodeIsFoundInAnyField() {
        assertFalse(TwoBitFields.hasInvalidCode(0xAAAAAAAA));
        assertFalse(TwoBitFields.hasInvalidCode(0x55555555));
        assertFalse(TwoBitFields.hasInvalidCode(0));
        for (int field = 0; field < 16; field++) {
            assertTrue(TwoBitFields.hasInvalidCode(0x55555555 | 3 << (2 * field)), "field " + field);
        }
    }
}
