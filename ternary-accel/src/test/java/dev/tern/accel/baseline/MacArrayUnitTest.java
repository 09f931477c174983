package dev.tern.accel.baseline;

import dev.tern.accel.AcceleratorConfigException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both MAC units in the simulator equal {@link MacGolden} bit for bit and take {@link MacArrayUnit#jobCycles}; batches and
 * sequences overlap loading with computing as the ternary unit's do.
 */
class MacArrayUnitTest {
    private static final MacArrayConfig INT8 = new MacArrayConfig(MacPrecision.INT8, 8, 3, 64, 8);
    private static final MacArrayConfig FP16 = new MacArrayConfig(MacPrecision.FP16, 4, 2, 64, 8);

    @Test
    void int8UnitMatchesTheGoldenModelOnRandomAndExtremeMatrices() {
        SplittableRandom random = new SplittableRandom(1);
        try (MacArrayDriver driver = MacArrayDriver.create(INT8)) {
            checkRuns(driver, INT8, 7, 29, () -> random.nextInt(-128, 128));
            checkRuns(driver, INT8, 6, 64, () -> -128);
            checkRuns(driver, INT8, 3, 8, () -> random.nextBoolean() ? 127 : -128);
        }
    }

    @Test
    void fp16UnitMatchesTheGoldenModelOnRandomValuesOfOrdinaryMagnitude() {
        SplittableRandom random = new SplittableRandom(2);
        try (MacArrayDriver driver = MacArrayDriver.create(FP16)) {
            // Exponents 10..19: products around 2^-10..2^8, sums that round at every step.
            checkRuns(driver, FP16, 5, 19, () -> random.nextInt(10, 20) << 10 | random.nextInt(0x400)
                    | (random.nextBoolean() ? HalfFloat.SIGN : 0));
            checkRuns(driver, FP16, 4, 32, () -> random.nextInt(0x10000));
        }
    }

    @Test
    void fp16UnitMatchesTheGoldenModelOnEverySpecialClass() {
        SplittableRandom random = new SplittableRandom(3);
        List<Integer> specials = HalfArithmeticRtlTest.specialValues();
        try (MacArrayDriver driver = MacArrayDriver.create(FP16)) {
            checkRuns(driver, FP16, 8, 24, () -> specials.get(random.nextInt(specials.size())));
            // Large finite values only: products and sums overflow to infinity and meet infinities of both signs.
            checkRuns(driver, FP16, 4, 16, () -> (random.nextInt(0x5800, 0x7c00) | (random.nextBoolean() ? HalfFloat.SIGN : 0)));
            // Tiny values only: products underflow to subnormals and to signed zeros.
            checkRuns(driver, FP16, 4, 16, () -> (random.nextInt(0x0000, 0x2400) | (random.nextBoolean() ? HalfFloat.SIGN : 0)));
        }
    }

    @Test
    void fp16UnitKeepsNegativeZeroAndRoundsTiesToEven() {
        try (MacArrayDriver driver = MacArrayDriver.create(FP16)) {
            int minusOne = 0xbc00;
            int[][] negativeZeros = {{HalfFloat.SIGN, HalfFloat.SIGN, HalfFloat.SIGN, HalfFloat.SIGN}};
            assertArrayEquals(new int[]{HalfFloat.SIGN}, driver.run(negativeZeros, new int[]{0x3c00, 0x3c00, 0x3c00, 0x3c00}).y());
            // 2048 + 1 + 1 + 0: the tree adds 2048 + 1 (a tie, to 2048) and 1 + 0, then 2048 + 1 (to 2048 again).
            int[][] ties = {{0x6800, 0x3c00, 0x3c00, 0x0000}};
            int[] ones = {0x3c00, 0x3c00, 0x3c00, 0x3c00};
            assertEquals(0x6800, driver.run(ties, ones).y()[0]);
            int[][] cancel = {{0x3c00, minusOne, 0x4000, 0xc000}};
            assertEquals(0x0000, driver.run(cancel, ones).y()[0], "exact cancellation is +0");
        }
    }

    @Test
    void matricesLargerThanTheSramsAreRefusedWithTheirShape() {
        try (MacArrayDriver driver = MacArrayDriver.create(FP16)) {
            AcceleratorConfigException error = assertThrows(AcceleratorConfigException.class,
                    () -> driver.run(new int[2][40], new int[40]));
            assertEquals("fp16-mac: in = 40 needs 10 activation words, activation-depth is 8", error.getMessage());
        }
    }

    @Test
    void elementsOutsideTheirFormatAreRefusedWithTheirPosition() {
        try (MacArrayDriver driver = MacArrayDriver.create(INT8)) {
            AcceleratorConfigException error = assertThrows(AcceleratorConfigException.class,
                    () -> driver.run(new int[][]{{1, 2}, {3, 200}}, new int[]{1, 1}));
            assertEquals("int8-mac: weight [1][1] = 200 is outside the INT8 range -128..127", error.getMessage());
        }
    }

    @Test
    void batchReusesOneMatrixAndLoadsEachNextVectorWhileThePreviousComputes() {
        SplittableRandom random = new SplittableRandom(6);
        int[][] weights = elements(7, 20, () -> random.nextInt(-128, 128));
        List<int[]> batch = List.of(elements(1, 20, () -> random.nextInt(-128, 128))[0],
                elements(1, 20, () -> random.nextInt(-128, 128))[0], elements(1, 20, () -> random.nextInt(-128, 128))[0]);
        try (MacArrayDriver driver = MacArrayDriver.create(INT8)) {
            List<MacArrayDriver.Run> runs = driver.runBatch(weights, batch);
            for (int b = 0; b < batch.size(); b++) {
                assertArrayEquals(MacGolden.matVec(MacPrecision.INT8, weights, batch.get(b), 8), runs.get(b).y(), "vector " + b);
                assertEquals(MacArrayUnit.jobCycles(INT8, 3, 3), runs.get(b).computeCycles(), "vector " + b);
            }
            assertEquals(3 * 3 + 3, runs.get(0).loadCycles(), "weights and the first vector");
            assertEquals(0, runs.get(1).loadCycles(), "loaded during the first job");
            assertEquals(0, runs.get(2).loadCycles(), "loaded during the second job");
        }
    }

    @Test
    void sequenceLoadsEachNextMatrixIntoTheFreeWeightBankWhileThePreviousComputes() {
        SplittableRandom random = new SplittableRandom(7);
        int[][] shapes = {{6, 40}, {9, 17}, {3, 64}, {2, 3}};
        List<MacArrayDriver.Job> jobs = new ArrayList<>();
        for (int[] shape : shapes) {
            jobs.add(new MacArrayDriver.Job(elements(shape[0], shape[1], () -> random.nextInt(-128, 128)),
                    elements(1, shape[1], () -> random.nextInt(-128, 128))[0]));
        }
        try (MacArrayDriver driver = MacArrayDriver.create(INT8)) {
            List<MacArrayDriver.Run> runs = driver.runSequence(jobs);
            for (int j = 0; j < jobs.size(); j++) {
                MacArrayDriver.Job job = jobs.get(j);
                assertArrayEquals(MacGolden.matVec(MacPrecision.INT8, job.weights(), job.x(), 8), runs.get(j).y(), "job " + j);
                long groups = (shapes[j][0] + 2) / 3;
                long tiles = (shapes[j][1] + 7) / 8;
                assertEquals(MacArrayUnit.jobCycles(INT8, groups, tiles), runs.get(j).computeCycles(), "job " + j);
                long expectedLoad = j == 0 ? groups * tiles
                        : MacArrayUnit.exposedLoadCycles(runs.get(j - 1).computeCycles(), groups * tiles, tiles);
                assertEquals(expectedLoad, runs.get(j).loadCycles(), "job " + j + " load edges outside the previous job");
            }
            assertEquals(0, runs.get(1).loadCycles(), "9 x 17: 9 weight words hide behind the first job's edges");
            AcceleratorConfigException e = assertThrows(AcceleratorConfigException.class, () -> driver.runSequence(
                    List.of(jobs.get(0), new MacArrayDriver.Job(new int[][] {{1, 2}, {3}}, new int[] {1, 1}))));
            assertEquals("int8-mac: weight row 1 has 1 entries, the activation vector 2 (job 1)", e.getMessage());
        }
    }

    private static int[][] elements(int out, int in, IntSupplier element) {
        int[][] values = new int[out][in];
        for (int[] row : values) {
            for (int i = 0; i < in; i++) {
                row[i] = element.getAsInt();
            }
        }
        return values;
    }

    private static void checkRuns(MacArrayDriver driver, MacArrayConfig config, int out, int in, IntSupplier element) {
        int[][] weights = elements(out, in, element);
        int[] x = elements(1, in, element)[0];
        MacArrayDriver.Run run = driver.run(weights, x);
        int[] expected = MacGolden.matVec(config.precision(), weights, x, config.lanes());
        for (int o = 0; o < out; o++) {
            int row = o;
            assertEquals(expected[o], run.y()[o], () -> String.format("row %d: expected %08x, got %08x", row, expected[row], run.y()[row]));
        }
        int groups = (out + config.rows() - 1) / config.rows();
        int tiles = (in + config.lanes() - 1) / config.lanes();
        assertEquals(MacArrayUnit.jobCycles(config, groups, tiles), run.computeCycles());
        assertTrue(run.loadCycles() >= (long) groups * tiles + tiles);
    }
}
