package dev.tern.synth.sweep;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.accel.WeightEncoding;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.synth.SynthException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TernaryMatmulCyclesTest {
    private static final AcceleratorConfig SMALL = new AcceleratorConfig(16, 2, 2, WeightEncoding.TWO_BIT, 8, 4);

    /** Runs the products the model splits the shape into on the simulated RTL, and adds their edges. */
    private static long simulated(AcceleratorConfig config, int out, int in) {
        Random random = new Random(out * 31L + in);
        int tiles = (in + config.lanes() - 1) / config.lanes();
        int rowsPerJob = config.weightDepth() / tiles * config.rows();
        long edges = 0;
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            for (int first = 0; first < out; first += rowsPerJob) {
                int rows = Math.min(rowsPerJob, out - first);
                byte[][] codes = new byte[rows][in];
                for (byte[] row : codes) {
                    for (int c = 0; c < in; c++) {
                        row[c] = (byte) random.nextInt(3);
                    }
                }
                byte[] x = new byte[in];
                random.nextBytes(x);
                TernaryMatmulDriver.Run run = driver.run(codes, x);
                edges += run.loadCycles() + run.computeCycles();
            }
        }
        return edges;
    }

    @Test
    void oneJobMatchesTheSimulatedUnit() {
        assertEquals(simulated(SMALL, 6, 40), new TernaryMatmulCycles(SMALL).cycles(new MatmulShape(6, 40)));
    }

    @Test
    void aMatrixLargerThanTheWeightSramRunsAsSeveralJobsAndMatchesTheSimulatedUnit() {
        // 3 tiles per row group, 8 words: 2 groups per job; 11 rows are 6 groups, so 3 jobs.
        assertEquals(simulated(SMALL, 11, 48), new TernaryMatmulCycles(SMALL).cycles(new MatmulShape(11, 48)));
    }

    @Test
    void weightBytesAreTheWholeWordsStreamed() {
        // 6 row groups x 3 tiles of 2 rows x 16 lanes x 2 bits.
        assertEquals(6 * 3 * 64 / 8, new TernaryMatmulCycles(SMALL).weightBytes(new MatmulShape(11, 48)));
    }

    @Test
    void anInputWiderThanTheActivationSramIsASynthErrorNamingTheDepth() {
        SynthException e = assertThrows(SynthException.class, () -> new TernaryMatmulCycles(SMALL).cycles(new MatmulShape(4, 80)));
        assertEquals("ternary-matmul: an input of 80 needs 5 words of 16 lanes; activation-depth is 4 and weight-depth 8", e.getMessage());
    }
}
