package dev.tern.bitnet.backend;

import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.ChunkedMatVec;
import dev.tern.accel.TernaryMatmulDriver;
import dev.tern.bitnet.model.BitNetConfig;
import dev.tern.bitnet.model.BitNetException;
import dev.tern.bitnet.model.TernaryMatmul;
import dev.tern.bitnet.tensor.PackedTernaryMatrix;

import dev.tern.sim.CycleSimulation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BitLinear's integer core computed by the ternary accelerator's RTL, cycle by cycle in the compiled
 * Java simulator, through the accelerator's ports only (its {@link TernaryMatmulDriver}).
 *
 * <p>A projection larger than the weight SRAM is computed in row chunks that fit it; every chunk is
 * streamed into the SRAM for every activation vector, as a unit without an off-chip weight cache would
 * have to, but into the free bank while the previous chunk or vector computes: the schedule of
 * {@link ChunkedMatVec}, whose formula gives the edges of a call. The clock edges
 * of every call (exposed loading plus compute) are added up per matrix shape, so that a caller can report
 * simulated cycles per token and per projection.
 */
public final class AcceleratorMatmul implements TernaryMatmul, AutoCloseable {
    /** Simulated clock edges and calls for one matrix shape. */
    public record ShapeCycles(int rows, int cols, long calls, long vectors, long cycles) {
    }

    private final AcceleratorConfig config;
    private final TernaryMatmulDriver driver;
    private final Map<Long, long[]> byShape = new LinkedHashMap<>();
    /** Read by progress reporters on other threads. */
    private volatile long totalCycles;

    private AcceleratorMatmul(AcceleratorConfig config, TernaryMatmulDriver driver) {
        this.config = config;
        this.driver = driver;
    }

    /**
     * An accelerator of the given configuration for a model, in the compiled Java simulator.
     *
     * @throws BitNetException naming the projection and the limit when the model does not fit
     */
    public static AcceleratorMatmul forModel(BitNetConfig model, AcceleratorConfig config) {
        checkFits(model, config);
        return new AcceleratorMatmul(config, TernaryMatmulDriver.create(config));
    }

    /**
     * Like {@link #forModel(BitNetConfig, AcceleratorConfig)} on {@code simulation}, a simulation of
     * {@code new TernaryMatmulUnit(config)} on any engine (Verilator, say), which the matmul then owns.
     */
    public static AcceleratorMatmul forModel(BitNetConfig model, AcceleratorConfig config, CycleSimulation simulation) {
        checkFits(model, config);
        return new AcceleratorMatmul(config, TernaryMatmulDriver.on(config, simulation));
    }

    /**
     * Checks that one activation vector of every projection fits the activation SRAM and one row group
     * the weight SRAM.
     *
     * @throws BitNetException naming the limit when the model does not fit
     */
    public static void checkFits(BitNetConfig model, AcceleratorConfig config) {
        int widestInput = widestInput(model);
        int tiles = ceilDiv(widestInput, config.lanes());
        if (tiles > config.activationDepth()) {
            throw new BitNetException("the accelerator cannot hold the model's activations: a vector of " + widestInput
                    + " needs " + tiles + " activation words of " + config.lanes() + " lanes, activation-depth is "
                    + config.activationDepth());
        }
        if (tiles > config.weightDepth()) {
            throw new BitNetException("the accelerator cannot hold one row group of the model's weights: " + tiles
                    + " weight words needed, weight-depth is " + config.weightDepth());
        }
    }

    /**
     * A two-bit accelerator of {@code lanes x rows} sized for a model: an activation SRAM that holds its
     * widest input vector and a weight SRAM that holds 64 row groups of that width (at most
     * {@link AcceleratorConfig#MAX_DEPTH} words).
     */
    public static AcceleratorConfig sizedFor(BitNetConfig model, int lanes, int rows, int pipelineEvery) {
        int tiles = ceilDiv(widestInput(model), Math.max(1, lanes));
        int activationDepth = powerOfTwoAtLeast(Math.max(AcceleratorConfig.MIN_DEPTH, tiles));
        int weightDepth = (int) Math.min(AcceleratorConfig.MAX_DEPTH, powerOfTwoAtLeast(Math.max(AcceleratorConfig.MIN_DEPTH, tiles * 64L)));
        return new AcceleratorConfig(lanes, rows, pipelineEvery, dev.tern.accel.WeightEncoding.TWO_BIT, weightDepth,
                Math.min(activationDepth, AcceleratorConfig.MAX_DEPTH));
    }

    /** The longest activation vector any projection of the model takes. */
    private static int widestInput(BitNetConfig model) {
        int widest = 0;
        for (dev.tern.bitnet.model.Projection p : dev.tern.bitnet.model.Projection.values()) {
            widest = Math.max(widest, p.inFeatures(model));
        }
        return widest;
    }

    private static int powerOfTwoAtLeast(long n) {
        long p = 1;
        while (p < n) {
            p <<= 1;
        }
        return (int) Math.min(p, Integer.MAX_VALUE);
    }

    public AcceleratorConfig config() {
        return config;
    }

    @Override
    public void multiply(PackedTernaryMatrix w, byte[][] xq, int[][] out) {
        TernaryMatmul.checkShapes(w, xq, out);
        long cycles = ChunkedMatVec.run(driver, config, w.rows(), (first, count) -> codes(w, first, count), Arrays.asList(xq), out);
        long[] entry = byShape.computeIfAbsent(((long) w.rows() << 32) | w.cols(), k -> new long[3]);
        entry[0]++;
        entry[1] += xq.length;
        entry[2] += cycles;
        totalCycles += cycles;
    }

    /** Every simulated clock edge so far. */
    public long totalCycles() {
        return totalCycles;
    }

    /** Simulated edges per matrix shape, in the order shapes were first seen. */
    public List<ShapeCycles> cyclesByShape() {
        return byShape.entrySet().stream()
                .map(e -> new ShapeCycles((int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    private static byte[][] codes(PackedTernaryMatrix w, int firstRow, int count) {
        byte[][] codes = new byte[count][w.cols()];
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < w.cols(); c++) {
                codes[r][c] = (byte) w.code(firstRow + r, c);
            }
        }
        return codes;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public void close() {
        driver.close();
    }
}
