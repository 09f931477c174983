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
    private static byte[][] randomCodes(Random random, int out, int in) {
        byte[][] codes = new byte[out][in];
        for (byte[] row : codes) {
            for (int i = 0; i < in; i++) {
                row[i] = (byte) random.nextInt(4);
            }
        }
        return codes;
    }

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
                byte[][] codes = randomCodes(random, out, in);
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
                byte[][] codes = randomCodes(random, shape[0], shape[1]);
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
        byte[][] codes = randomCodes(random, 3, 4000);
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
        byte[][] codes = randomCodes(random, 10, 70);
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
}
