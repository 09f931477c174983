package dev.tern.accel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AcceleratorConfigTest {
    private static void assertBroken(String message, Executable build) {
        AcceleratorConfigException e = assertThrows(AcceleratorConfigException.class, build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void validConfigurationDerivesWordSizes() {
        AcceleratorConfig config = new AcceleratorConfig(64, 4, 2, WeightEncoding.TWO_BIT, 256, 64);
        assertEquals(6, config.treeLevels());
        assertEquals(512, config.weightWordBits());
        assertEquals(512, config.activationWordBits());
        AcceleratorConfig base3 = new AcceleratorConfig(64, 4, 2, WeightEncoding.BASE3, 256, 64);
        assertEquals(4 * 13 * 8, base3.weightWordBits());
    }

    @Test
    void lanesMustBeAPowerOfTwoInRange() {
        assertBroken("ternary-matmul: lanes must be a power of two from 16 to 1024, got 48",
                () -> new AcceleratorConfig(48, 1, 1, WeightEncoding.TWO_BIT, 16, 16));
        assertBroken("ternary-matmul: lanes must be a power of two from 16 to 1024, got 2048",
                () -> new AcceleratorConfig(2048, 1, 1, WeightEncoding.TWO_BIT, 16, 16));
        assertBroken("ternary-matmul: lanes must be a power of two from 16 to 1024, got 8",
                () -> new AcceleratorConfig(8, 1, 1, WeightEncoding.TWO_BIT, 16, 16));
    }

    @Test
    void rowsMustBeInRange() {
        assertBroken("ternary-matmul: rows must be from 1 to 32, got 0",
                () -> new AcceleratorConfig(16, 0, 1, WeightEncoding.TWO_BIT, 16, 16));
    }

    @Test
    void pipelineMustNotExceedTheTreeDepth() {
        assertBroken("ternary-matmul: pipeline (adder-tree levels per register) must be from 1 to 4 for 16 lanes, got 5",
                () -> new AcceleratorConfig(16, 1, 5, WeightEncoding.TWO_BIT, 16, 16));
        assertBroken("ternary-matmul: pipeline (adder-tree levels per register) must be from 1 to 4 for 16 lanes, got 0",
                () -> new AcceleratorConfig(16, 1, 0, WeightEncoding.TWO_BIT, 16, 16));
    }

    @Test
    void encodingMustBeGiven() {
        assertBroken("ternary-matmul: encoding must be given", () -> new AcceleratorConfig(16, 1, 1, null, 16, 16));
    }

    @Test
    void sramDepthsMustBePowersOfTwo() {
        assertBroken("ternary-matmul: weight-depth must be a power of two from 2 to 65536, got 100",
                () -> new AcceleratorConfig(16, 1, 1, WeightEncoding.TWO_BIT, 100, 16));
        assertBroken("ternary-matmul: activation-depth must be a power of two from 2 to 65536, got 1",
                () -> new AcceleratorConfig(16, 1, 1, WeightEncoding.TWO_BIT, 16, 1));
    }
}
