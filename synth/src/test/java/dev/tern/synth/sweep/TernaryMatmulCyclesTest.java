package dev.tern.synth.sweep;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.ChunkedMatVec;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.accel.WeightEncoding;
import dev.tern.energy.workload.MatmulShape;
import dev.tern.synth.SynthException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TernaryMatmulCyclesTest {
    private static final AcceleratorConfig SMALL = new AcceleratorConfig(16, 2, 2, WeightEncoding.TWO_BIT, 8, 4);

    @Test
    void aMatrixLargerThanTheWeightSramCostsTheChunkedScheduleTheSimulatedUnitRuns() {
        // 3 tiles per row group, 8 words: 2 groups per job; 11 rows are 6 groups, so 3 jobs.
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(SMALL)) {
            assertEquals(ChunkedMatVec.simulatedCycles(driver, SMALL, 11, 48, 1, 5), new TernaryMatmulCycles(SMALL).cycles(new MatmulShape(11, 48)));
        }
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
