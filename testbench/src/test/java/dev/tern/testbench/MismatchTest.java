package dev.tern.testbench;

import dev.tern.hdl.ir.Bits;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MismatchTest {
    @Test
    void aJavaValueWithBitsAboveItsWidthSaysSoInsteadOfPrintingTwoEqualValues() {
        Mismatch m = new Mismatch("top", 3, "o1", "compiled", "verilator", Bits.of(64, BigInteger.TWO), Bits.of(1, BigInteger.ZERO),
                Bits.of(1, BigInteger.ZERO), List.of());
        assertEquals("top: cycle 3, o1: compiled engine 64'h2 (bits set above the signal's 1 bits) but verilator 1'h0", m.describe());
    }
}
