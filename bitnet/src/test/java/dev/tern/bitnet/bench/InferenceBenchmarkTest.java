package dev.tern.bitnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetException;
import dev.tern.bitnet.model.BitNetModel;
import dev.tern.bitnet.model.ReferenceTernaryMatmul;
import dev.tern.bitnet.model.WorkerPool;
import dev.tern.bitnet.synth.SyntheticModel;
import org.junit.jupiter.api.Test;

class InferenceBenchmarkTest {
    private static final BitNetModel TINY = SyntheticModel.create(BitNetConfig.tiny(), 3).model();

    @Test
    void timesTheRequestedPrefillAndEveryDecodeStepWithTheHeapInUse() {
        try (WorkerPool pool = new WorkerPool(2)) {
            BenchmarkResult r = new InferenceBenchmark(TINY, 5, 7).run("reference", new ReferenceTernaryMatmul(pool), pool);
            assertEquals("reference", r.backend());
            assertEquals(2, r.threads());
            assertEquals(5, r.promptTokens());
            assertEquals(7, r.decodeSteps());
            assertTrue(r.prefillNanos() > 0 && r.decodeNanos() > 0, r.toString());
            assertTrue(r.peakHeapBytes() > 0 && r.peakHeapBytes() <= r.maxHeapBytes() * 2, r.toString());
            assertEquals(7 * 1e9 / r.decodeNanos(), r.decodeTokensPerSecond(), 1e-9);
            // Counted in the system's clock ticks, so a run this short may show none; it is known, not -1, on Linux.
            assertTrue(r.decodeCpuNanos() >= 0, "decode CPU time unknown: " + r);
        }
    }

    @Test
    void promptAndDecodeBeyondTheContextAreRefusedUpFront() {
        BitNetException e = assertThrows(BitNetException.class, () -> new InferenceBenchmark(TINY, 200, 100));
        assertEquals("200 prompt tokens and 100 decode steps do not fit the model's context of 256 positions",
                e.getMessage());
    }

    @Test
    void goalAppliesOnlyToItsBackendPresetAndThreadsAndNeedsBothSpeedAndHeap() {
        SpeedGoal goal = SpeedGoal.REFERENCE_2B_SHAPE;
        BenchmarkResult fastSmall = new BenchmarkResult("reference", 2, 32, 1_000_000_000L, 40, 8_000_000_000L,
                -1, 1_000_000_000L, 2_000_000_000L);
        assertTrue(goal.appliesTo("2b-shape", fastSmall, 0));
        assertFalse(goal.appliesTo("small", fastSmall, 0));
        assertFalse(goal.appliesTo("2b-shape", new BenchmarkResult("rtl", 2, 32, 1, 40, 1, -1, 1, 1), 0));;
        assertFalse(goal.appliesTo("2b-shape", new BenchmarkResult("reference", 1, 32, 1, 40, 1, -1, 1, 1), 0));;
        assertTrue(goal.isMetBy(fastSmall));
        assertFalse(goal.isMetBy(new BenchmarkResult("reference", 2, 32, 1, 39, 10_000_000_000L, -1, 1, 1)));
        assertFalse(goal.isMetBy(new BenchmarkResult("reference", 2, 32, 1, 40, 8_000_000_000L, -1, 1_500_000_000L, 1)));
    }

    @Test
    void rtlGoalIsOneTokenInTwoMinutesOnA256LaneAcceleratorWithoutAHeapLimit() {
        SpeedGoal goal = SpeedGoal.RTL_2B_SHAPE;
        BenchmarkResult oneTokenIn100s = new BenchmarkResult("rtl", 2, 1, 1, 1, 100_000_000_000L, -1, 5_000_000_000L, 1);
        BenchmarkResult oneTokenIn130s = new BenchmarkResult("rtl", 2, 1, 1, 1, 130_000_000_000L, -1, 1, 1);

        assertTrue(goal.appliesTo("2b-shape", oneTokenIn100s, 256));
        assertFalse(goal.appliesTo("2b-shape", oneTokenIn100s, 64));
        assertTrue(goal.isMetBy(oneTokenIn100s));
        assertFalse(goal.isMetBy(oneTokenIn130s));
        assertEquals("rtl: a decode token in under 120 s, 256 lanes, 2b-shape, 2 threads", goal.describe());
        assertEquals("reference >= 4.0 tokens/s decode, < 1.50 GB heap, 2b-shape, 2 threads", SpeedGoal.REFERENCE_2B_SHAPE.describe());
    }
}
