package dev.tern.accel.cosim;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.RandomMatrices;
import dev.tern.accel.TernaryGolden;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.accel.WeightEncoding;
import dev.tern.accel.axi.TernaryMatmulAxi;
import dev.tern.accel.axi.TernaryMatmulAxiDriver;
import dev.tern.accel.baseline.MacArrayConfig;
import dev.tern.accel.baseline.MacArrayDriver;
import dev.tern.accel.baseline.MacArrayUnit;
import dev.tern.accel.baseline.MacGolden;
import dev.tern.accel.baseline.MacPrecision;
import dev.tern.accel.rtl.TernaryMatmulUnit;
import dev.tern.hdl.Elaborator;
import dev.tern.hdl.ir.Design;
import dev.tern.verilog.ToolRequirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verification matrix of the accelerator: every configuration below runs real driver jobs (odd shapes,
 * {@code in < lanes}, {@code out} not a multiple of {@code rows}, a stalling consumer, batches and sequences)
 * whose results equal the golden models, and the Verilog of each, replaying exactly the driver's inputs,
 * matches the Java simulator on every output in every cycle under Verilator and is {@code -Wall} lint clean.
 */
class AcceleratorMatrixCosimTest {
    /** Lanes 16/32/64, rows 1..4, a register every level, every two levels or only at the root, both encodings. */
    private static final List<AcceleratorConfig> TERNARY = List.of(
            new AcceleratorConfig(16, 1, 1, WeightEncoding.TWO_BIT, 16, 4),
            new AcceleratorConfig(16, 3, 4, WeightEncoding.BASE3, 16, 4),
            new AcceleratorConfig(32, 2, 2, WeightEncoding.BASE3, 8, 2),
            new AcceleratorConfig(32, 4, 5, WeightEncoding.TWO_BIT, 8, 2),
            new AcceleratorConfig(64, 3, 6, WeightEncoding.TWO_BIT, 8, 2),
            new AcceleratorConfig(64, 2, 1, WeightEncoding.BASE3, 8, 2));
    private static final List<MacArrayConfig> MAC = List.of(
            new MacArrayConfig(MacPrecision.INT8, 8, 3, 16, 4),
            new MacArrayConfig(MacPrecision.INT8, 16, 2, 8, 2),
            new MacArrayConfig(MacPrecision.FP16, 2, 1, 8, 2),
            new MacArrayConfig(MacPrecision.FP16, 4, 3, 16, 4));
    private static final AcceleratorConfig AXI = new AcceleratorConfig(16, 2, 2, WeightEncoding.BASE3, 16, 8);

    @TempDir
    Path lintDirectory;

    @Test
    void everyConfigurationMatchesItsGoldenModelAndVerilatorEveryCycleAndIsLintClean() throws IOException {
        ToolRequirement.require("verilator");
        RecordedCosimulation cosim = new RecordedCosimulation();
        Map<String, Design> designs = new LinkedHashMap<>();
        for (int c = 0; c < TERNARY.size(); c++) {
            AcceleratorConfig config = TERNARY.get(c);
            Design design = Elaborator.elaborate(() -> new TernaryMatmulUnit(config));
            designs.put(design.name(), design);
            try (TernaryMatmulDriver driver = TernaryMatmulDriver.on(config, cosim.record(design))) {
                runTernaryJobs(driver, config, new Random(c));
            }
        }
        for (int c = 0; c < MAC.size(); c++) {
            MacArrayConfig config = MAC.get(c);
            Design design = Elaborator.elaborate(() -> new MacArrayUnit(config));
            designs.put(design.name(), design);
            try (MacArrayDriver driver = MacArrayDriver.on(config, cosim.record(design))) {
                runMacJobs(driver, config, new SplittableRandom(c));
            }
        }
        Design axi = Elaborator.elaborate(() -> new TernaryMatmulAxi(AXI));
        designs.put(axi.name(), axi);
        try (TernaryMatmulAxiDriver driver = TernaryMatmulAxiDriver.on(AXI, cosim.record(axi))) {
            Random random = new Random(99);
            for (int[] shape : new int[][] {{3, 20}, {5, 16}, {1, 1}}) {
                byte[][] codes = RandomMatrices.codes(random, shape[0], shape[1]);
                byte[] x = RandomMatrices.activations(random, shape[1]);
                assertArrayEquals(TernaryGolden.matVec(codes, x, AXI.lanes()), driver.run(codes, x).y(), "AXI " + shape[0] + " x " + shape[1]);
            }
        }

        assertEquals(List.of(), cosim.mismatches(Path.of("target", "cosim-mismatches", "accelerator-matrix")));
        // Every design's outputs were compared in every recorded cycle after its reset.
        assertTrue(cosim.compared() >= cosim.recordedCycles() - designs.size(),
                cosim.compared() + " values compared in " + cosim.recordedCycles() + " recorded cycles");
        for (Map.Entry<String, Design> design : designs.entrySet()) {
            assertEquals("", RecordedCosimulation.lint(design.getValue(), lintDirectory.resolve(design.getKey())),
                    "verilator -Wall on " + design.getKey());
        }
    }

    /**
     * A run with a consumer that stalls ({@code out} not a multiple of {@code rows}, {@code in < lanes}), a batch
     * of three vectors on one matrix, and a sequence of three matrices: each result equals the golden model's.
     */
    private static void runTernaryJobs(TernaryMatmulDriver driver, AcceleratorConfig config, Random random) {
        int lanes = config.lanes();
        int rows = config.rows();
        String name = config.toString();

        byte[][] stalled = RandomMatrices.codes(random, 2 * rows + 1, lanes / 2 + 3);
        byte[] x = RandomMatrices.activations(random, lanes / 2 + 3);
        Random consumer = new Random(random.nextLong());
        assertArrayEquals(TernaryGolden.matVec(stalled, x, lanes), driver.run(stalled, x, edge -> consumer.nextInt(3) == 0).y(),
                name + " with a stalling consumer");

        byte[][] shared = RandomMatrices.codes(random, rows + 1, lanes + 5);
        List<byte[]> batch = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            batch.add(RandomMatrices.activations(random, lanes + 5));
        }
        List<TernaryMatmulDriver.Run> batchRuns = driver.runBatch(shared, batch);
        for (int b = 0; b < batch.size(); b++) {
            assertArrayEquals(TernaryGolden.matVec(shared, batch.get(b), lanes), batchRuns.get(b).y(), name + " batch vector " + b);
            assertEquals(TernaryMatmulUnit.jobCycles(config, 2, 2), batchRuns.get(b).computeCycles(), name + " batch vector " + b);
        }

        List<TernaryMatmulDriver.Job> jobs = List.of(
                new TernaryMatmulDriver.Job(RandomMatrices.codes(random, 1, 1), RandomMatrices.activations(random, 1)),
                new TernaryMatmulDriver.Job(RandomMatrices.codes(random, 3 * rows - 1, 2 * lanes - 3), RandomMatrices.activations(random, 2 * lanes - 3)),
                new TernaryMatmulDriver.Job(RandomMatrices.codes(random, rows + 2, 7), RandomMatrices.activations(random, 7)));
        List<TernaryMatmulDriver.Run> sequence = driver.runSequence(jobs);
        for (int j = 0; j < jobs.size(); j++) {
            TernaryMatmulDriver.Job job = jobs.get(j);
            assertArrayEquals(TernaryGolden.matVec(job.codes(), job.x(), lanes), sequence.get(j).y(), name + " sequence job " + j);
        }
    }

    /** Odd shapes, {@code in < lanes} and {@code out} not a multiple of {@code rows}, with random elements of the format. */
    private static void runMacJobs(MacArrayDriver driver, MacArrayConfig config, SplittableRandom random) {
        int lanes = config.lanes();
        int rows = config.rows();
        for (int[] shape : new int[][] {{2 * rows + 1, lanes / 2 + 1}, {rows + 1, 2 * lanes - 1}, {1, 1}}) {
            int[][] weights = new int[shape[0]][];
            for (int o = 0; o < shape[0]; o++) {
                weights[o] = randomElements(config.precision(), random, shape[1]);
            }
            int[] x = randomElements(config.precision(), random, shape[1]);
            assertArrayEquals(MacGolden.matVec(config.precision(), weights, x, lanes), driver.run(weights, x).y(),
                    config + " " + shape[0] + " x " + shape[1]);
        }
    }

    /** INT8 values, or FP16 bit patterns of any class (normal, subnormal, zero, infinity, NaN). */
    private static int[] randomElements(MacPrecision precision, SplittableRandom random, int count) {
        int[] elements = new int[count];
        for (int i = 0; i < count; i++) {
            elements[i] = precision == MacPrecision.INT8 ? random.nextInt(-128, 128) : random.nextInt(0x10000);
        }
        return elements;
    }
}
