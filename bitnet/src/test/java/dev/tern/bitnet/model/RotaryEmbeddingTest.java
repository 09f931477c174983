package dev.tern.bitnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RotaryEmbeddingTest {
    private static BitNetConfig config(RopeStyle style) {
        return new BitNetConfig(8, 8, 1, 1, 1, 8, 300, 16, 10_000f, 1e-5f, FfnActivation.RELU2, true, true, style);
    }

    @Test
    void neoxPairsDimensionIWithIPlusHalfTheHead() {
        RotaryEmbedding rope = new RotaryEmbedding(config(RopeStyle.NEOX));
        float[] v = {1, 0, 0, 0, 0, 0, 0, 0};
        rope.rotate(v, 1, rope.angles(3));
        // Pair 0 has frequency 1, so position 3 turns it by 3 radians into dimensions 0 and 4.
        assertArrayEquals(new float[] {(float) Math.cos(3), 0, 0, 0, (float) Math.sin(3), 0, 0, 0}, v, 1e-7f);
    }

    @Test
    void adjacentPairsRotateDimensionsTwoIAndTwoIPlusOne() {
        RotaryEmbedding rope = new RotaryEmbedding(config(RopeStyle.ADJACENT_PAIRS));
        float[] v = {0, 0, 1, 0, 0, 0, 0, 0};
        rope.rotate(v, 1, rope.angles(2));
        double angle = 2 * Math.pow(10_000, -2.0 / 8);
        assertArrayEquals(new float[] {0, 0, (float) Math.cos(angle), (float) Math.sin(angle), 0, 0, 0, 0}, v, 1e-7f);
    }

    @Test
    void positionZeroChangesNothing() {
        RotaryEmbedding rope = new RotaryEmbedding(config(RopeStyle.NEOX));
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8};
        rope.rotate(v, 1, rope.angles(0));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, v);
    }

    @Test
    void rotationKeepsTheLength() {
        RotaryEmbedding rope = new RotaryEmbedding(config(RopeStyle.NEOX));
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8};
        rope.rotate(v, 1, rope.angles(1234));
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(204, norm, 1e-4);
    }
}
