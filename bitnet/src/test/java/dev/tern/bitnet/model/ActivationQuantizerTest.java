package dev.tern.bitnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ActivationQuantizerTest {

    @Test
    void largestMagnitudeMapsTo127AndScaleIs127OverIt() {
        float[] x = {2f, -1f, 0.5f, 0f};
        byte[] q = new byte[4];
        double s = ActivationQuantizer.quantize(x, q);
        assertEquals(63.5, s);
        assertArrayEquals(new byte[] {127, -64, 32, 0}, q); // -63.5 and 31.75 round to -64 and 32
    }

    @Test
    void halvesRoundToEven() {
        // max 127 gives scale 1, so values are rounded as they are.
        float[] x = {127f, 2.5f, 3.5f, -2.5f, -0.5f, 0.5f, 1.5f};
        byte[] q = new byte[x.length];
        assertEquals(1.0, ActivationQuantizer.quantize(x, q));
        assertArrayEquals(new byte[] {127, 2, 4, -2, 0, 0, 2}, q);
    }

    @Test
    void negativeExtremeIsMinus127NotMinus128() {
        byte[] q = new byte[2];
        ActivationQuantizer.quantize(new float[] {-3f, 1f}, q);
        assertEquals(-127, q[0]);
    }

    @Test
    void allZeroVectorUsesTheFloorOfMaxAbs() {
        byte[] q = new byte[3];
        double s = ActivationQuantizer.quantize(new float[3], q);
        assertEquals(127 / 1e-5, s, 1e-3);
        assertArrayEquals(new byte[3], q);
    }

    @Test
    void nonFiniteActivationIsReported() {
        BitNetException e = assertThrows(BitNetException.class,
                () -> ActivationQuantizer.quantize(new float[] {1f, Float.NaN}, new byte[2]));
        assertEquals("activation vector holds a non-finite value (the model produced NaN or infinity)", e.getMessage());
    }
}
