package dev.tern.accel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TernaryWeightCodeTest {
    @Test
    void codeIsTritPlusOne() {
        assertEquals(0, TernaryWeightCode.encode(-1));
        assertEquals(1, TernaryWeightCode.encode(0));
        assertEquals(2, TernaryWeightCode.encode(1));
        for (int trit = -1; trit <= 1; trit++) {
            assertEquals(trit, TernaryWeightCode.decode(TernaryWeightCode.encode(trit)));
        }
    }

    @Test
    void unusedCodeReadsAsZero() {
        assertEquals(0, TernaryWeightCode.decode(TernaryWeightCode.UNUSED));
    }

    @Test
    void valuesOutsideTheCodeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TernaryWeightCode.encode(2));
        assertThrows(IllegalArgumentException.class, () -> TernaryWeightCode.decode(4));
        assertThrows(IllegalArgumentException.class, () -> TernaryWeightCode.decode(-1));
    }
}
