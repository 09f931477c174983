package dev.tern.accel.cosim;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.MatmulDriver;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verification matrix of the accelerator: every configuration below runs real driver jobs (odd shapes,
 * {@code in < lanes}, {@code out} not a multiple of {@code rows}, a stalling consumer, batches and sequences)
 * whose results equal the golden models, and the Verilog of each, replaying exactly the driver's inputs,
 * matches the Java simulator on every output in every cycle under Verilator and is {@code -Wall} lint clean; the
 * ternary configurations and the AXI wrapper also synthesise with Yosys.
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
            new MacArrayConfig(MacPrecision.FP16, 2, 1, 32, 8),
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
                Random random = new Random(c);
                runJobs(driver, ternary(config.lanes(), random), config.lanes(), config.rows(), random, config.toString());
            }
        }
        for (int c = 0; c < MAC.size(); c++) {
            MacArrayConfig config = MAC.get(c);
            Design design = Elaborator.elaborate(() -> new MacArrayUnit(config));
            designs.put(design.name(), design);
            try (MacArrayDriver driver = MacArrayDriver.on(config, cosim.record(design))) {
                Random random = new Random(100 + c);
                runJobs(driver, mac(config, random), config.lanes(), config.rows(), random, config.toString());
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

    @Test
    void everyTernaryConfigurationAndTheAxiWrapperSynthesiseWithYosys() throws IOException {
        ToolRequirement.require("yosys");
        List<Design> designs = new ArrayList<>();
        for (AcceleratorConfig config : TERNARY) {
            designs.add(Elaborator.elaborate(() -> new TernaryMatmulUnit(config)));
        }
        designs.add(Elaborator.elaborate(() -> new TernaryMatmulAxi(AXI)));
        for (Design design : designs) {
            assertEquals("", RecordedCosimulation.synthesisErrors(design, lintDirectory.resolve("synth-" + design.name())),
                    "yosys synth of " + design.name());
        }
    }

    /** Random operands of one number format, and its golden model. */
    private interface Format<M, V> {
        M matrix(int out, int in);

        V vector(int in);

        int[] golden(M matrix, V x);
    }

    private static Format<byte[][], byte[]> ternary(int lanes, Random random) {
        return new Format<>() {
            @Override
            public byte[][] matrix(int out, int in) {
                return RandomMatrices.codes(random, out, in);
            }

            @Override
            public byte[] vector(int in) {
                return RandomMatrices.activations(random, in);
            }

            @Override
            public int[] golden(byte[][] codes, byte[] x) {
                return TernaryGolden.matVec(codes, x, lanes);
            }
        };
    }

    /** INT8 values, or FP16 bit patterns of every class (normal, subnormal, zero, infinity, NaN). */
    private static Format<int[][], int[]> mac(MacArrayConfig config, Random random) {
        return new Format<>() {
            @Override
            public int[][] matrix(int out, int in) {
                int[][] weights = new int[out][];
                for (int o = 0; o < out; o++) {
                    weights[o] = vector(in);
                }
                return weights;
            }

            @Override
            public int[] vector(int in) {
                int[] elements = new int[in];
                for (int i = 0; i < in; i++) {
                    elements[i] = config.precision() == MacPrecision.INT8 ? random.nextInt(256) - 128 : random.nextInt(0x10000);
                }
                return elements;
            }

            @Override
            public int[] golden(int[][] weights, int[] x) {
                return MacGolden.matVec(config.precision(), weights, x, config.lanes());
            }
        };
    }

    /**
     * A run with a consumer that stalls ({@code out} not a multiple of {@code rows}, {@code in < lanes}), a batch
     * of three vectors on one matrix, and a sequence of three matrices (1 x 1 among them), then a run after the
     * sequence: each result equals the golden model's. With 8 lanes or more every shape fits 8 weight words and 2
     * activation words.
     */
    private static <M, V> void runJobs(MatmulDriver<M, V> driver, Format<M, V> format, int lanes, int rows, Random random,
                                       String name) {
        M stalled = format.matrix(2 * rows + 1, lanes / 2 + 3);
        V x = format.vector(lanes / 2 + 3);
        Random consumer = new Random(random.nextLong());
        assertArrayEquals(format.golden(stalled, x), driver.run(stalled, x, edge -> consumer.nextInt(3) == 0).y(),
                name + " with a stalling consumer");

        M shared = format.matrix(rows + 1, lanes + 5);
        List<V> batch = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            batch.add(format.vector(lanes + 5));
        }
        List<MatmulDriver.Run> batchRuns = driver.runBatch(shared, batch);
        for (int b = 0; b < batch.size(); b++) {
            assertArrayEquals(format.golden(shared, batch.get(b)), batchRuns.get(b).y(), name + " batch vector " + b);
        }

        List<M> matrices = List.of(format.matrix(1, 1), format.matrix(3 * rows - 1, 2 * lanes - 3), format.matrix(rows + 2, 7));
        List<V> vectors = List.of(format.vector(1), format.vector(2 * lanes - 3), format.vector(7));
        List<MatmulDriver.Run> sequence = driver.runSequence(matrices, vectors);
        for (int j = 0; j < matrices.size(); j++) {
            assertArrayEquals(format.golden(matrices.get(j), vectors.get(j)), sequence.get(j).y(), name + " sequence job " + j);
        }
        assertArrayEquals(format.golden(shared, batch.get(0)), driver.run(shared, batch.get(0)).y(), name + " after the sequence");
    }
}
