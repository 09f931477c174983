package dev.tern.accel;

import dev.tern.accel.rtl.TernaryMatmulUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole matmuls through the unit's streams in the simulator: golden outputs bit for bit, and the documented cycle count. */
class TernaryMatmulDriverTest {
    @ParameterizedTest(name = "lanes={0} rows={1} every={2} {3}")
    @CsvSource({
            "16, 1, 1, TWO_BIT",
            "16, 4, 2, TWO_BIT",
            "16, 3, 4, BASE3",
            "32, 2, 3, TWO_BIT",
            "32, 5, 5, BASE3",
    })
    void manyShapesEqualTheGoldenModelInTheDocumentedCycles(int lanes, int rows, int every, WeightEncoding encoding) {
        AcceleratorConfig config = new AcceleratorConfig(lanes, rows, every, encoding, 256, 32);
        int[][] shapes = {{1, 1}, {1, 5}, {rows, lanes}, {7, 3}, {13, 2 * lanes + 1}, {rows + 1, 200}, {2, 17}, {31, 97}};
        Random random = new Random(lanes + 100L * rows + every);
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            for (int[] shape : shapes) {
                int out = shape[0];
                int in = shape[1];
                byte[][] codes = RandomMatrices.codes(random, out, in);
                byte[] x = new byte[in];
                random.nextBytes(x);
                TernaryMatmulDriver.Run run = driver.run(codes, x);
                String what = out + " x " + in;
                assertArrayEquals(TernaryGolden.matVec(codes, x, lanes), run.y(), what);
                long groups = (out + rows - 1) / rows;
                long tiles = (in + lanes - 1) / lanes;
                assertEquals(TernaryMatmulUnit.jobCycles(config, groups, tiles), run.computeCycles(), what + " cycles");
                assertEquals(groups * tiles + tiles, run.loadCycles(), what + " load edges");
            }
        }
    }

    @Test
    void slowResultConsumerStallsWithoutLosingOrReorderingResults() {
        AcceleratorConfig config = new AcceleratorConfig(16, 2, 1, WeightEncoding.TWO_BIT, 256, 16);
        Random random = new Random(5);
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            for (int[] shape : new int[][] {{40, 3}, {21, 40}, {64, 16}}) {
                byte[][] codes = RandomMatrices.codes(random, shape[0], shape[1]);
                byte[] x = new byte[shape[1]];
                random.nextBytes(x);
                Random consumer = new Random(shape[0]);
                TernaryMatmulDriver.Run run = driver.run(codes, x, edge -> consumer.nextInt(4) == 0);
                assertArrayEquals(TernaryGolden.matVec(codes, x, 16), run.y(), shape[0] + " x " + shape[1]);
                long groups = (shape[0] + 1) / 2;
                long tiles = (shape[1] + 15) / 16;
                assertTrue(run.computeCycles() > TernaryMatmulUnit.jobCycles(config, groups, tiles), "stalls take edges");
            }
        }
    }

    @Test
    void hugeInAccumulatesAcrossHundredsOfTiles() {
        AcceleratorConfig config = new AcceleratorConfig(16, 2, 2, WeightEncoding.TWO_BIT, 1024, 256);
        Random random = new Random(4000);
        byte[][] codes = RandomMatrices.codes(random, 3, 4000);
        byte[] x = new byte[4000];
        random.nextBytes(x);
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            TernaryMatmulDriver.Run run = driver.run(codes, x);
            assertArrayEquals(TernaryGolden.matVec(codes, x, 16), run.y());
            assertEquals(TernaryMatmulUnit.jobCycles(config, 2, 250), run.computeCycles());
        }
    }

    @Test
    void batchLoadsEachNextVectorWhileThePreviousComputes() {
        AcceleratorConfig config = new AcceleratorConfig(16, 3, 2, WeightEncoding.BASE3, 256, 16);
        Random random = new Random(3);
        byte[][] codes = RandomMatrices.codes(random, 10, 70);
        List<byte[]> batch = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            byte[] x = new byte[70];
            random.nextBytes(x);
            batch.add(x);
        }
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            List<TernaryMatmulDriver.Run> runs = driver.runBatch(codes, batch);
            for (int b = 0; b < 3; b++) {
                assertArrayEquals(TernaryGolden.matVec(codes, batch.get(b), 16), runs.get(b).y(), "vector " + b);
                assertEquals(TernaryMatmulUnit.jobCycles(config, 4, 5), runs.get(b).computeCycles(), "vector " + b);
            }
            assertEquals(4 * 5 + 5, runs.get(0).loadCycles(), "weights and the first vector");
            assertEquals(0, runs.get(1).loadCycles(), "loaded during the first job");
            assertEquals(0, runs.get(2).loadCycles(), "loaded during the second job");
            AcceleratorConfigException e = assertThrows(AcceleratorConfigException.class,
                    () -> driver.runBatch(codes, List.of(new byte[70], new byte[71])));
            assertEquals("ternary-matmul: activation vector 1 has 71 entries, vector 0 has 70", e.getMessage());
        }
    }

    @Test
    void extremeValuesSaturateNothing() {
        AcceleratorConfig config = new AcceleratorConfig(16, 2, 1, WeightEncoding.TWO_BIT, 64, 16);
        int in = 16 * 16;
        byte[][] codes = new byte[2][in];
        byte[] x = new byte[in];
        java.util.Arrays.fill(x, Byte.MIN_VALUE);
        java.util.Arrays.fill(codes[0], (byte) TernaryWeightCode.MINUS_ONE);
        java.util.Arrays.fill(codes[1], (byte) TernaryWeightCode.PLUS_ONE);
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            assertArrayEquals(new int[] {128 * in, -128 * in}, driver.run(codes, x).y());
        }
    }

    @Test
    void matrixLargerThanTheWeightSramIsRejectedWithTheNumbers() {
        AcceleratorConfig config = new AcceleratorConfig(16, 1, 1, WeightEncoding.TWO_BIT, 4, 4);
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            AcceleratorConfigException e = assertThrows(AcceleratorConfigException.class,
                    () -> driver.run(new byte[3][20], new byte[20]));
            assertEquals("ternary-matmul: a 3 x 20 matrix needs 6 weight words, weight-depth is 4", e.getMessage());
            e = assertThrows(AcceleratorConfigException.class, () -> driver.run(new byte[1][80], new byte[80]));
            assertEquals("ternary-matmul: in = 80 needs 5 activation words, activation-depth is 4", e.getMessage());
        }
    }

    @Test
    void sequenceLoadsEachNextMatrixWhileThePreviousComputesAndStaysExact() {
        AcceleratorConfig config = new AcceleratorConfig(16, 2, 1, WeightEncoding.TWO_BIT, 64, 16);
        Random random = new Random(11);
        int[][] shapes = {{6, 40}, {9, 33}, {20, 48}, {4, 16}, {3, 200}};
        List<TernaryMatmulDriver.Job> jobs = new ArrayList<>();
        long sequential = 0;
        for (int[] shape : shapes) {
            byte[] x = new byte[shape[1]];
            random.nextBytes(x);
            jobs.add(new TernaryMatmulDriver.Job(RandomMatrices.codes(random, shape[0], shape[1]), x));
            long groups = (shape[0] + 1) / 2;
            long tiles = (shape[1] + 15) / 16;
            sequential += groups * tiles + tiles + TernaryMatmulUnit.jobCycles(config, groups, tiles);
        }
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            List<TernaryMatmulDriver.Run> runs = driver.runSequence(jobs);
            long total = 0;
            for (int j = 0; j < jobs.size(); j++) {
                TernaryMatmulDriver.Job job = jobs.get(j);
                assertArrayEquals(TernaryGolden.matVec(job.codes(), job.x(), 16), runs.get(j).y(), "job " + j);
                long groups = (shapes[j][0] + 1) / 2;
                long tiles = (shapes[j][1] + 15) / 16;
                assertEquals(TernaryMatmulUnit.jobCycles(config, groups, tiles), runs.get(j).computeCycles(), "job " + j);
                long expectedLoad = j == 0 ? groups * tiles
                        : TernaryMatmulUnit.exposedLoadCycles(runs.get(j - 1).computeCycles(), groups * tiles, tiles);
                assertEquals(expectedLoad, runs.get(j).loadCycles(), "job " + j + " load edges outside the previous job");
                total += runs.get(j).loadCycles() + 1 + runs.get(j).computeCycles();
            }
            assertEquals(0, runs.get(1).loadCycles(), "9 x 33: 15 weight words hide behind the first job's 17 edges");
            assertEquals(30 - 23, runs.get(2).loadCycles(), "20 x 48: 30 weight words outlast the second job's 23 edges");
            assertEquals(26 - 10, runs.get(4).loadCycles(), "3 x 200: 26 weight words outlast the fourth job's 10 edges");
            assertTrue(total < sequential, total + " edges overlapped against " + sequential + " loaded then computed");
        }
    }

    @Test
    void runAfterSequenceAndBatchUsesTheNewestMatrix() {
        AcceleratorConfig config = new AcceleratorConfig(16, 1, 1, WeightEncoding.BASE3, 16, 4);
        Random random = new Random(12);
        byte[][] first = RandomMatrices.codes(random, 3, 20);
        byte[][] second = RandomMatrices.codes(random, 5, 30);
        byte[] x = new byte[20];
        byte[] y = new byte[30];
        random.nextBytes(x);
        random.nextBytes(y);
        try (TernaryMatmulDriver driver = TernaryMatmulDriver.create(config)) {
            driver.runSequence(List.of(new TernaryMatmulDriver.Job(first, x), new TernaryMatmulDriver.Job(second, y)));
            assertArrayEquals(TernaryGolden.matVec(first, x, 16), driver.run(first, x).y());
            List<TernaryMatmulDriver.Run> batch = driver.runBatch(second, List.of(y, y, y));
            for (TernaryMatmulDriver.Run run : batch) {
                assertArrayEquals(TernaryGolden.matVec(second, y, 16), run.y(), "the batch keeps its one matrix");
            }
            AcceleratorConfigException e = assertThrows(AcceleratorConfigException.class, () -> driver.runSequence(
                    List.of(new TernaryMatmulDriver.Job(first, x), new TernaryMatmulDriver.Job(new byte[17][20], x))));
            assertEquals("ternary-matmul: a 17 x 20 matrix needs 34 weight words, weight-depth is 16 (job 1)", e.getMessage());
        }
    }
}
