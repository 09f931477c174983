package dev.tern.accel.baseline;

import dev.tern.accel.StreamHandshake;
import dev.tern.accel.AcceleratorConfigException;
import dev.tern.hdl.Elaborator;
import dev.tern.sim.CycleSimulation;
import dev.tern.sim.Simulator;

import java.math.BigInteger;

/**
 * Runs matmuls on a {@link MacArrayUnit} in the cycle-accurate simulator, through its ports only: streams
 * the weight and activation words in, starts the job, collects the result words and reads the cycle counter.
 */
public final class MacArrayDriver implements AutoCloseable {
    /** The outputs of one matmul (as {@link MacWords#result} reads them) and the clock edges it took. */
    public record Run(int[] y, long loadCycles, long computeCycles) {
    }

    private final MacArrayConfig config;
    private final CycleSimulation sim;

    private MacArrayDriver(MacArrayConfig config, CycleSimulation sim) {
        this.config = config;
        this.sim = sim;
        sim.reset();
    }

    /** A driver over a freshly generated unit in the compiled simulator. */
    public static MacArrayDriver create(MacArrayConfig config) {
        return new MacArrayDriver(config, Simulator.compile(Elaborator.elaborate(() -> new MacArrayUnit(config))));
    }

    /**
     * A driver over {@code simulation}, a simulation of {@code new MacArrayUnit(config)} on any engine (the Java
     * simulator, Verilator); it resets the unit. Closing the driver closes the simulation.
     */
    public static MacArrayDriver on(MacArrayConfig config, CycleSimulation simulation) {
        return new MacArrayDriver(config, simulation);
    }

    /**
     * {@code y = W . x} for {@code weights} (out x in) and {@code x} (in), elements as {@link MacWords} reads them.
     *
     * @throws AcceleratorConfigException when the matrix or the vector does not fit the unit's SRAMs, the rows
     *                                     differ in length from the vector, or an element is outside its format
     */
    public Run run(int[][] weights, int[] x) {
        int out = weights.length;
        int in = x.length;
        String design = config.precision().design();
        if (out == 0 || in == 0) {
            throw new AcceleratorConfigException(design + ": a matmul needs at least one row and one column, got " + out + " x " + in);
        }
        int tiles = ceilDiv(in, config.lanes());
        int groups = ceilDiv(out, config.rows());
        if (tiles > config.activationDepth()) {
            throw new AcceleratorConfigException(design + ": in = " + in + " needs " + tiles + " activation words, activation-depth is "
                    + config.activationDepth());
        }
        if ((long) groups * tiles > config.weightDepth()) {
            throw new AcceleratorConfigException(design + ": a " + out + " x " + in + " matrix needs " + (long) groups * tiles
                    + " weight words, weight-depth is " + config.weightDepth());
        }
        for (int o = 0; o < out; o++) {
            if (weights[o].length != in) {
                throw new AcceleratorConfigException(design + ": weight row " + o + " has " + weights[o].length
                        + " entries, the activation vector " + in);
            }
            for (int i = 0; i < in; i++) {
                checkElement("weight [" + o + "][" + i + "]", weights[o][i]);
            }
        }
        for (int i = 0; i < in; i++) {
            checkElement("activation [" + i + "]", x[i]);
        }
        long loadStart = sim.cycle();
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < tiles; t++) {
                push("weight_in", MacWords.weights(config, weights, g * config.rows(), t * config.lanes()));
            }
        }
        for (int t = 0; t < tiles; t++) {
            push("activation_in", MacWords.activations(config, x, t * config.lanes()));
        }
        long loadCycles = sim.cycle() - loadStart;
        return new Run(compute(out, groups, tiles), loadCycles, sim.peek("cycles"));
    }

    private void checkElement(String where, int value) {
        boolean int8 = config.precision() == MacPrecision.INT8;
        int min = int8 ? Byte.MIN_VALUE : 0;
        int max = int8 ? Byte.MAX_VALUE : 0xffff;
        if (value < min || value > max) {
            throw new AcceleratorConfigException(config.precision().design() + ": " + where + " = " + value + " is outside "
                    + (int8 ? "the INT8 range -128..127" : "the FP16 bit patterns 0..0xffff"));
        }
    }

    private int[] compute(int out, int groups, int tiles) {
        sim.poke("in_tiles", tiles);
        sim.poke("row_groups", groups);
        sim.poke("result_out_ready", 1);
        sim.poke("start", 1);
        sim.step();
        sim.poke("start", 0);
        int[] y = new int[out];
        int received = 0;
        long limit = 4 * MacArrayUnit.jobCycles(config, groups, tiles) + 64;
        for (long edge = 0; sim.peek("busy") == 1; edge++) {
            if (edge > limit) {
                throw new IllegalStateException("the unit is still busy after " + limit + " edges of a " + out + " x "
                        + tiles * config.lanes() + " matmul");
            }
            if (sim.peek("result_out_valid") == 1) {
                if ((sim.peek("result_last") == 1) != (received == groups - 1)) {
                    throw new IllegalStateException("result_last is " + sim.peek("result_last") + " on result word " + received
                            + " of " + groups);
                }
                BigInteger word = sim.peekBig("result_out_data");
                for (int r = 0; r < config.rows() && received * config.rows() + r < out; r++) {
                    y[received * config.rows() + r] = MacWords.result(config, word, r);
                }
                received++;
            }
            sim.step();
        }
        if (received != groups) {
            throw new IllegalStateException("the unit delivered " + received + " result words for " + groups + " row groups");
        }
        return y;
    }

    private void push(String stream, BigInteger word) {
        StreamHandshake.push(sim, stream, word);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public void close() {
        sim.close();
    }
}
