package dev.tern.accel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChunkedMatVecTest {
    @Test
    void formulaEqualsTheSimulatedUnitForTallMatricesSmallBanksAndBatches() {
        Random random = new Random(3);
        for (AcceleratorConfig config : List.of(new AcceleratorConfig(16, 2, 1, WeightEncoding.TWO_BIT, 16, 8),
                new AcceleratorConfig(32, 3, 2, WeightEncoding.TWO_BIT, 32, 4))) {
            try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
                for (int[] shape : new int[][] {{1, 1, 1}, {5, 17, 1}, {40, 100, 1}, {23, 3 * config.lanes(), 2}, {9, 7, 3},
                        {2 * config.rows() * config.weightDepth(), config.lanes(), 1}}) {
                    assertEquals(ChunkedMatVec.simulatedCycles(driver, config, shape[0], shape[1], shape[2], random.nextLong()),
                            ChunkedMatVec.cycles(config, shape[0], shape[1], shape[2]),
                            shape[0] + " x " + shape[1] + " with " + shape[2] + " vectors on " + config);
                }
            }
        }
    }

    @Test
    void aRowGroupWiderThanTheBanksIsRefused() {
        AcceleratorConfig config = new AcceleratorConfig(16, 1, 1, WeightEncoding.TWO_BIT, 16, 4);
        AcceleratorConfigException e = assertThrows(AcceleratorConfigException.class, () -> ChunkedMatVec.cycles(config, 4, 16 * 5, 1));
        assertEquals("ternary-matmul: an input of 80 needs 5 words of 16 lanes; activation-depth is 4 and weight-depth 16",
                e.getMessage());
    }
}
